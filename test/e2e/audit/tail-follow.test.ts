import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { clients, startTestServer } from '../support/server.js';

/**
 * `iamd audit tail --follow`, as an operator runs it: a separate process on the data directory of a running server,
 * printing the events that match its filter as the server records them, until it is interrupted. Needs dist/ (npm
 * test builds it first).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'iamd-tail-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('iamd audit tail --follow', () => {
  it('prints each matching event once, in order, as it is recorded, and stops on SIGINT', async () => {
    expect(existsSync('bin/iamd.js') && existsSync('dist/cli/main.js'), 'build first: npm run build').toBe(
      true,
    );
    // A SQLite file in the data directory, whatever store the rest of the suite runs on.
    server = await startTestServer({ dev: false, dataDir, store: undefined });
    const { iam } = clients(server);
    await iam.send(new CreateUserCommand({ UserName: 'before' }));

    const tail = spawn(
      process.execPath,
      [
        'bin/iamd.js',
        'audit',
        'tail',
        '--follow',
        '-n',
        '5',
        '--event-name',
        'CreateUser',
        '--format',
        'json',
      ],
      { env: { ...process.env, IAMD_DATA: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    tail.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    tail.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => tail.once('exit', (code) => resolve(code)));
    const names = () =>
      out
        .split('\n')
        .filter((line) => line !== '')
        .map(
          (line) =>
            (JSON.parse(line) as { requestParameters: { userName: string } }).requestParameters.userName,
        );
    const until = async (count: number) => {
      for (let i = 0; i < 300 && names().length < count; i++) await new Promise((r) => setTimeout(r, 20));
    };

    await until(1);
    expect(names()).toEqual(['before']);
    for (const name of ['after-1', 'after-2']) {
      await iam.send(new CreateUserCommand({ UserName: name }));
      await iam.send(new ListUsersCommand({})); // recorded, and filtered out
    }
    await until(3);
    tail.kill('SIGINT');
    expect(await exited, err).toBe(0);
    expect(names()).toEqual(['before', 'after-1', 'after-2']);
  }, 30_000);
});
