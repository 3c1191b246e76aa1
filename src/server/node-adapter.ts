import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRequest, HttpResponse } from './http.js';

/** AWS rejects request bodies over this size; so does iamd, before reading more. */
const MAX_BODY_BYTES = 1_048_576;

/** Reads a node:http request into the app's plain request shape. Returns undefined when the body is too large. */
export async function readRequest(req: IncomingMessage, secure: boolean): Promise<HttpRequest | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, readonly string[]> = {};
  for (const [name, value] of Object.entries(req.headersDistinct)) {
    if (value !== undefined) headers[name] = value;
  }
  return {
    method: req.method ?? 'GET',
    path: q === -1 ? url : url.slice(0, q),
    query: q === -1 ? '' : url.slice(q + 1),
    headers,
    body: Buffer.concat(chunks),
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    secure,
  };
}

/** Writes the app's response. */
export function writeResponse(res: ServerResponse, response: HttpResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}
