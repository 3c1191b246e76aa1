import { AwsError } from '../errors/aws-error.js';
import { findDevice } from '../iam/mfa-devices/device.js';
import { ownerKey, recordUse, validMfaStep, type MfaOwner } from '../iam/mfa-devices/verify-code.js';
import type { ContextInput } from '../policy/index.js';
import type { StsContext } from './context.js';

/** An MFA code that checked out for the caller's device, not yet spent. */
export interface CheckedMfa {
  readonly serialNumber: string;
  readonly step: number;
}

/** AWS's AccessDenied for a wrong, stale or reused code. */
function invalidCode(): AwsError {
  return new AwsError(
    'AccessDenied',
    'MultiFactorAuthentication failed with invalid MFA one time pass code.',
  );
}

/** AWS's AccessDenied for a serial number that is not an enabled device of the caller (two spaces, as AWS writes it). */
function unknownDevice(): AwsError {
  return new AwsError(
    'AccessDenied',
    'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
  );
}

/** The MFA owner behind the caller's credentials: the IAM user (also in its GetSessionToken sessions) or root. */
function callerOwner(ctx: StsContext): MfaOwner | undefined {
  const caller = ctx.caller;
  if (caller.kind === 'root') return { kind: 'root' };
  if (caller.kind === 'user') return { kind: 'user', userId: caller.policyHolder?.id ?? caller.userId };
  return undefined;
}

/**
 * Checks the SerialNumber and TokenCode of GetSessionToken or AssumeRole: the device must be one the caller has
 * enabled, and the code valid now and not used before. Returns undefined when neither member was given. The code
 * is spent by `spendMfaCode`, after authorization, so that a refused request does not burn it.
 */
export async function checkMfaCode(
  ctx: StsContext,
  serialNumber: string | undefined,
  tokenCode: string | undefined,
): Promise<CheckedMfa | undefined> {
  if (serialNumber === undefined && tokenCode === undefined) return undefined;
  // iamd's choice: a TokenCode without a SerialNumber names no device, so it cannot be validated.
  if (serialNumber === undefined) throw unknownDevice();
  const owner = callerOwner(ctx);
  const device = await findDevice(ctx.store.db, ctx.accountId, serialNumber);
  if (owner === undefined || device === undefined || device.owner !== ownerKey(owner)) throw unknownDevice();
  if (tokenCode === undefined) throw invalidCode();
  const step = await validMfaStep(ctx.store, ctx.secrets, ctx.accountId, serialNumber, tokenCode, ctx.now);
  if (step === undefined) throw invalidCode();
  return { serialNumber, step };
}

/** Records the checked code as used; a concurrent request that spent it first makes this one fail. */
export async function spendMfaCode(ctx: StsContext, checked: CheckedMfa): Promise<void> {
  if (!(await recordUse(ctx.store.db, ctx.accountId, checked.serialNumber, checked.step)))
    throw invalidCode();
}

/** The request context keys of a call made with a valid MFA code (the code was just entered: age 0). */
export function mfaRequestContext(checked: CheckedMfa | undefined): Record<string, ContextInput> {
  return checked === undefined ? {} : { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '0' };
}
