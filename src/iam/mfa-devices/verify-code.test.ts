import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretBoxFor } from '../../auth/secret-box.js';
import { newTotpSeed, totpCode, totpStep } from '../../auth/totp.js';
import { openPgliteStore } from '../../store/pglite.js';
import { openSqliteStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import { enableDevice } from './enable-device.js';
import { consumeMfaCode, enabledMfaDevice, recordUse, validMfaStep } from './verify-code.js';

const ACCOUNT = '123456789012';
const secrets = secretBoxFor(randomBytes(32));
// The middle of a step, so that the codes of this step are valid whatever the test's speed.
const NOW = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);

for (const [kind, open] of [
  ['SQLite', () => openSqliteStore(':memory:')],
  ['PGlite', () => openPgliteStore()],
] as const) {
  describe(`MFA code verification on ${kind}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
      await store.db.insertInto('accounts').values({ id: ACCOUNT, created_at: NOW.toISOString() }).execute();
    }, 120_000);
    afterAll(() => store.close());

    let n = 0;
    async function enabledDevice(): Promise<{ serial: string; seed: string }> {
      n += 1;
      const seed = newTotpSeed();
      const serial = `arn:aws:iam::${ACCOUNT}:mfa/device-${n}`;
      await store.db
        .insertInto('mfa_devices')
        .values({
          serial_number: serial,
          account_id: ACCOUNT,
          name: `device-${n}`,
          name_key: `device-${n}`,
          path: '/',
          seed_ciphertext: secrets.seal(seed),
          owner: null,
          enabled_at: null,
          created_at: NOW.toISOString(),
          last_used_step: null,
          drift_steps: 0,
        })
        .execute();
      // Enabled a minute ago, with the codes of the step before and the step then.
      const then = new Date(NOW.getTime() - 60_000);
      const step = totpStep(then);
      const outcome = await enableDevice(
        store,
        secrets,
        ACCOUNT,
        { kind: 'user', userId: `AIDA${n}` },
        serial,
        totpCode(seed, step - 1),
        totpCode(seed, step),
        then,
      );
      expect(outcome).toBe('enabled');
      return { serial, seed };
    }

    it('finds the owner’s enabled device', async () => {
      const device = await enabledDevice();
      expect(await enabledMfaDevice(store, ACCOUNT, { kind: 'user', userId: `AIDA${n}` })).toEqual({
        serialNumber: device.serial,
      });
      expect(await enabledMfaDevice(store, ACCOUNT, { kind: 'root' })).toBeUndefined();
    });

    it('accepts a code once', async () => {
      const device = await enabledDevice();
      const code = totpCode(device.seed, totpStep(NOW));
      expect(await consumeMfaCode(store, secrets, ACCOUNT, device.serial, code, NOW)).toBe(true);
      expect(await consumeMfaCode(store, secrets, ACCOUNT, device.serial, code, NOW)).toBe(false);
    });

    it('two requests that both checked a code: only the first to record it wins', async () => {
      const device = await enabledDevice();
      const code = totpCode(device.seed, totpStep(NOW));
      const a = await validMfaStep(store, secrets, ACCOUNT, device.serial, code, NOW);
      const b = await validMfaStep(store, secrets, ACCOUNT, device.serial, code, NOW);
      expect(a).toBe(totpStep(NOW));
      expect(b).toBe(a);
      expect(await recordUse(store.db, ACCOUNT, device.serial, a!)).toBe(true);
      expect(await recordUse(store.db, ACCOUNT, device.serial, b!)).toBe(false);
    });

    it('concurrent consumption of one code succeeds once', async () => {
      const device = await enabledDevice();
      const code = totpCode(device.seed, totpStep(NOW));
      const results = await Promise.all(
        Array.from({ length: 10 }, () => consumeMfaCode(store, secrets, ACCOUNT, device.serial, code, NOW)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('refuses codes of unassigned or unknown devices', async () => {
      const seed = newTotpSeed();
      const code = totpCode(seed, totpStep(NOW));
      expect(
        await consumeMfaCode(store, secrets, ACCOUNT, `arn:aws:iam::${ACCOUNT}:mfa/none`, code, NOW),
      ).toBe(false);
    });
  });
}
