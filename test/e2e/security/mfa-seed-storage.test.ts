import { CreateUserCommand } from '@aws-sdk/client-iam';
import { Secret } from 'otpauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { TABLES } from '../../../src/store/tables.js';
import { enable, newDevice, testClock, type TestDevice } from '../support/mfa.js';
import { clients, startTestServer } from '../support/server.js';

// TOTP seeds are secrets: the store keeps them sealed under the master key (AES-256-GCM), so that a copy of the
// database does not give away anyone's second factor. This reads every row of every table and looks for each
// seed in every encoding it could plausibly be written in.
const clock = testClock();
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ clock: clock.now });
});
afterAll(() => server.close());

/** The seed as Base32 (either case), its raw bytes as hex, base64, base64url and Latin-1, and its Base32 text in hex and base64. */
function encodings(seed: string): string[] {
  const raw = Buffer.from(Secret.fromBase32(seed).bytes);
  const text = Buffer.from(seed, 'ascii');
  return [
    seed,
    seed.toLowerCase(),
    raw.toString('hex'),
    raw.toString('hex').toUpperCase(),
    raw.toString('base64'),
    raw.toString('base64url'),
    raw.toString('latin1'),
    text.toString('hex'),
    text.toString('base64'),
    text.toString('base64url'),
  ].map((e) => e.replace(/=+$/, ''));
}

it('no table holds a TOTP seed in clear, in any encoding', async () => {
  const { iam } = clients(server);
  const devices: TestDevice[] = [];
  for (let i = 0; i < 4; i++) devices.push(await newDevice(iam, `phone-${i}`, i % 2 === 0 ? '/' : '/team/'));
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await enable(iam, 'alice', devices[0]!, clock.step());

  let cells = 0;
  const dump: string[] = [];
  for (const table of TABLES) {
    const rows = (await server.store.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    for (const row of rows) {
      for (const value of Object.values(row)) {
        cells += 1;
        dump.push(value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : String(value));
      }
    }
  }
  const mfaRows = await server.store.db.selectFrom('mfa_devices').selectAll().execute();
  expect(mfaRows).toHaveLength(4);
  expect(cells).toBeGreaterThan(40);
  const text = dump.join('\n');
  for (const device of devices) {
    expect(device.seed).toMatch(/^[A-Z2-7]{32}$/);
    for (const encoded of encodings(device.seed)) {
      expect(text.includes(encoded), `a seed is stored as ${JSON.stringify(encoded)}`).toBe(false);
    }
  }
  // The seed column holds sealed text (SecretBox's `v1.<iv>.<tag>.<data>`), which differs per device.
  for (const row of mfaRows) expect(row.seed_ciphertext).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
});
