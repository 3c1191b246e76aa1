import { CreateUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { clients, startTestServer } from './support/server.js';

// `--dev` keeps state in memory and resets it with POST /_iamd/reset (and moto's /moto-api/reset), keeping the
// preset root key, so outside suites can call it before every test.
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
});
afterAll(() => server.close());

for (const path of ['/_iamd/reset', '/moto-api/reset']) {
  it(`POST ${path} returns the server to a fresh account with the same root key`, async () => {
    const { iam } = clients(server);
    await iam.send(new CreateUserCommand({ UserName: 'temporary' }));
    const response = await fetch(server.url + path, { method: 'POST' });
    expect(response.status).toBe(200);
    expect((await iam.send(new ListUsersCommand({}))).Users).toEqual([]);
  });
}

it('answers GET /_iamd/health', async () => {
  const response = await fetch(`${server.url}/_iamd/health`);
  expect(await response.json()).toEqual({ status: 'ok' });
});

it('refuses reset outside --dev', async () => {
  const persistent = await startTestServer({ dev: false, store: undefined, dataDir: await tempDir() });
  try {
    const response = await fetch(`${persistent.url}/_iamd/reset`, { method: 'POST' });
    expect(response.status).toBe(404);
  } finally {
    await persistent.close();
  }
});

async function tempDir(): Promise<string> {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  return mkdtemp(join(tmpdir(), 'iamd-e2e-'));
}
