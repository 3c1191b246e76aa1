import type { SecretBox } from '../../auth/secret-box.js';
import { TOTP_TOLERANCE_STEPS } from '../../auth/totp.js';
import type { Store } from '../../store/store.js';
import { MAX_DEVICES_PER_OWNER } from './device.js';
import { consecutiveSteps, ownerKey, type MfaOwner } from './verify-code.js';

/** What enabling a device came to. */
export type EnableOutcome = 'enabled' | 'no-such-device' | 'in-use' | 'limit' | 'invalid-code';

/**
 * Assigns an unassigned virtual device to `owner` when `code1` and `code2` are the codes of two consecutive time
 * steps within one step of `now`. The codes' steps are recorded as used. Exported for the console, which enables
 * the root user's device (the IAM API's EnableMFADevice needs a UserName).
 *
 * INVARIANT: the device row is locked (`forUpdate`) and the assignment is conditional on `owner IS NULL`, so one
 * device is never enabled twice, even by concurrent requests.
 */
export async function enableDevice(
  store: Store,
  secrets: SecretBox,
  accountId: string,
  owner: MfaOwner,
  serialNumber: string,
  code1: string,
  code2: string,
  now: Date,
): Promise<EnableOutcome> {
  return store.transaction(async (tx) => {
    const device = await tx
      .selectFrom('mfa_devices')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('serial_number', '=', serialNumber)
      .forUpdate()
      .executeTakeFirst();
    if (device === undefined) return 'no-such-device';
    if (device.owner !== null) return 'in-use';
    const { count } = await tx
      .selectFrom('mfa_devices')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('account_id', '=', accountId)
      .where('owner', '=', ownerKey(owner))
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_DEVICES_PER_OWNER) return 'limit';
    const seed = secrets.open(device.seed_ciphertext);
    const first = consecutiveSteps(seed, code1, code2, now, TOTP_TOLERANCE_STEPS, device.last_used_step);
    if (first === undefined) return 'invalid-code';
    const result = await tx
      .updateTable('mfa_devices')
      .set({
        owner: ownerKey(owner),
        enabled_at: now.toISOString(),
        last_used_step: first + 1,
        drift_steps: 0,
      })
      .where('serial_number', '=', serialNumber)
      .where('owner', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n ? 'enabled' : 'in-use';
  });
}
