import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import type { CommandIo } from './io.js';

const USAGE = 'usage: iamd serve [--host H] [--port P]\n';

/**
 * `iamd serve`. So far it answers `GET /_iamd/health` and refuses every AWS action with AWS's `InvalidAction`
 * error: the IAM and STS operations, SigV4 and storage arrive with the server work (see docs/compatibility.md).
 */
export async function serveCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        host: { type: 'string', default: process.env['IAMD_HOST'] ?? '127.0.0.1' },
        port: { type: 'string', default: process.env['IAMD_PORT'] ?? '4599' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`iamd serve: \`${values.port}\` is not a port number\n`);
    return 2;
  }
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/_iamd/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    req.resume();
    res
      .writeHead(400, { 'content-type': 'text/xml' })
      .end(
        '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>' +
          '<Message>This iamd build serves the policy engine only; the IAM and STS APIs are not implemented yet.</Message>' +
          '</Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>',
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, values.host, resolve);
  });
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  io.stdout.write(`iamd listening on http://${values.host}:${bound}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
