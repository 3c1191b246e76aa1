import type { SecretBox } from '../../auth/secret-box.js';
import { matchingStep, totpStep, TOTP_TOLERANCE_STEPS } from '../../auth/totp.js';
import type { Store } from '../../store/store.js';
import type { Db } from '../common/entity-lookup.js';
import { ROOT_OWNER, type MfaDeviceRow } from './device.js';

/** Whose MFA device: an IAM user (by id, stable across renames) or the account's root user. */
export type MfaOwner = { readonly kind: 'user'; readonly userId: string } | { readonly kind: 'root' };

/** The `owner` column's value for an owner. */
export function ownerKey(owner: MfaOwner): string {
  return owner.kind === 'root' ? ROOT_OWNER : owner.userId;
}

/** The owner's enabled MFA devices, oldest first. */
export function enabledDevices(db: Db, accountId: string, owner: MfaOwner): Promise<MfaDeviceRow[]> {
  return db
    .selectFrom('mfa_devices')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('owner', '=', ownerKey(owner))
    .orderBy('enabled_at')
    .orderBy('serial_number')
    .execute();
}

/** The owner's enabled MFA device, if any (the oldest one, when the owner has several). */
export async function enabledMfaDevice(
  store: Store,
  accountId: string,
  owner: MfaOwner,
): Promise<{ serialNumber: string } | undefined> {
  const [device] = await enabledDevices(store.db, accountId, owner);
  return device === undefined ? undefined : { serialNumber: device.serial_number };
}

/**
 * True when `code` is valid now (within one step of the device's clock) for the enabled device and no code of
 * that step or a later one was accepted before; records its step as used.
 *
 * INVARIANT: acceptance is one conditional UPDATE (`last_used_step` below the code's step), so two concurrent
 * submissions of one code cannot both succeed, on SQLite or PostgreSQL.
 */
export async function consumeMfaCode(
  store: Store,
  secrets: SecretBox,
  accountId: string,
  serialNumber: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const step = await validMfaStep(store, secrets, accountId, serialNumber, code, now);
  return step !== undefined && (await recordUse(store.db, accountId, serialNumber, step));
}

/**
 * The time step of `code` when it is valid now for the enabled device and later than any step accepted before;
 * records nothing (`recordUse` does). Lets a caller check a code, authorize, and only then spend it.
 */
export async function validMfaStep(
  store: Store,
  secrets: SecretBox,
  accountId: string,
  serialNumber: string,
  code: string,
  now: Date,
): Promise<number | undefined> {
  const device = await store.db
    .selectFrom('mfa_devices')
    .select(['seed_ciphertext', 'drift_steps', 'owner', 'last_used_step'])
    .where('account_id', '=', accountId)
    .where('serial_number', '=', serialNumber)
    .executeTakeFirst();
  if (device === undefined || device.owner === null) return undefined;
  const seed = secrets.open(device.seed_ciphertext);
  const step = matchingStep(seed, code, deviceNow(now, device.drift_steps), TOTP_TOLERANCE_STEPS);
  if (step === undefined) return undefined;
  if (device.last_used_step !== null && device.last_used_step >= step) return undefined;
  return step;
}

/** Marks `step` used when no later step was; false when another request got there first. */
export async function recordUse(
  db: Db,
  accountId: string,
  serialNumber: string,
  step: number,
): Promise<boolean> {
  const result = await db
    .updateTable('mfa_devices')
    .set({ last_used_step: step })
    .where('account_id', '=', accountId)
    .where('serial_number', '=', serialNumber)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The time as the device's clock shows it, after a resync's drift. */
export function deviceNow(now: Date, driftSteps: number): Date {
  return new Date(now.getTime() + driftSteps * 30_000);
}

/**
 * The step of the first of two consecutive codes (code1 for step n, code2 for step n+1), both within `tolerance`
 * steps of `now` and after `lastUsedStep`, or undefined. EnableMFADevice and ResyncMFADevice take such pairs.
 */
export function consecutiveSteps(
  seed: string,
  code1: string,
  code2: string,
  now: Date,
  tolerance: number,
  lastUsedStep: number | null,
): number | undefined {
  const current = totpStep(now);
  const lowest = Math.max(current - tolerance, lastUsedStep === null ? -Infinity : lastUsedStep + 1);
  for (let n = lowest; n + 1 <= current + tolerance; n++) {
    const first = matchingStep(seed, code1, new Date((n * 30 + 15) * 1000), 0);
    const second = matchingStep(seed, code2, new Date(((n + 1) * 30 + 15) * 1000), 0);
    if (first !== undefined && second !== undefined) return n;
  }
  return undefined;
}
