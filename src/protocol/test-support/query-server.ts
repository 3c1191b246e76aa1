import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError } from '../../errors/aws-error.js';
import { decodeQuery, encodeError, encodeResult, type Service } from '../index.js';

/** What a test answers for one decoded call: an output object, or a thrown AwsError. */
export type Handler = (operation: string, input: Record<string, unknown>) => unknown;

/** One call the server saw, as the codec decoded it. */
export interface SeenCall {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** A Query server on 127.0.0.1 that decodes with the codec and answers with its encoder. */
export interface QueryServer {
  readonly endpoint: string;
  readonly calls: SeenCall[];
  close(): Promise<void>;
}

/**
 * Starts a server for `service` on an ephemeral port. The SDK under test talks to it over real HTTP, so the
 * round trip covers the SDK's serializer and parser, not a mock of them. No signature checking: that is the
 * server's job, not the codec's.
 */
export async function startQueryServer(service: Service, handler: Handler): Promise<QueryServer> {
  const calls: SeenCall[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestId = `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
      let status = 200;
      let body: string;
      try {
        const { operation, input } = decodeQuery(service, Buffer.concat(chunks).toString('utf8'));
        calls.push({ operation, input });
        body = encodeResult(service, operation, handler(operation, input), requestId);
      } catch (err) {
        // Anything but AwsError is a bug in the codec or the test; answer 500 so the test fails visibly.
        status = err instanceof AwsError ? err.status : 500;
        body = err instanceof AwsError ? encodeError(service, err, requestId) : String(err);
      }
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Client settings for the SDK: the test server, a fixed region and fixed test credentials, no retries. */
export function clientConfig(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    },
    maxAttempts: 1,
  };
}
