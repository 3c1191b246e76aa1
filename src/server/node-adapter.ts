import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { HttpRequest, HttpResponse } from './http.js';

/** AWS rejects request bodies over this size; so does iamd, before reading more. */
const MAX_BODY_BYTES = 1_048_576;

/** Reads a node:http request into the app's plain request shape. Returns undefined when the body is too large. */
export async function readRequest(req: IncomingMessage, secure: boolean): Promise<HttpRequest | undefined> {
  // Events rather than an async iterator: it is read on every request, and the iterator costs more.
  const body = await new Promise<Buffer | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
  if (body === undefined) return undefined;
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
    body,
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    secure,
    tls: secure ? tlsOf(req.socket as TLSSocket) : undefined,
  };
}

/** The TLS version and cipher suite of a TLS connection (CloudTrail's tlsDetails). */
function tlsOf(socket: TLSSocket): { version: string; cipher: string } | undefined {
  if (typeof socket.getProtocol !== 'function') return undefined;
  return { version: socket.getProtocol() ?? 'unknown', cipher: socket.getCipher().standardName };
}

/** Writes the app's response. */
export function writeResponse(res: ServerResponse, response: HttpResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}
