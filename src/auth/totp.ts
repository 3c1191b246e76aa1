import { randomBytes } from 'node:crypto';
import { HOTP, Secret } from 'otpauth';
import { constantTimeEqual } from './constant-time.js';

/**
 * Time-based one-time passwords as AWS's virtual MFA devices use them (RFC 6238): HMAC-SHA-1, 6 digits, a 30 s
 * step. Codes are computed by the `otpauth` package; the clock comes in as a parameter.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** How many steps either side of the current one a code may come from (iamd's choice: one, i.e. ±30 s of drift). */
export const TOTP_TOLERANCE_STEPS = 1;
/** Seeds are 20 random bytes (160 bits, RFC 4226's recommended length for HMAC-SHA-1). */
export const TOTP_SEED_BYTES = 20;

/** A new random seed, in Base32 without padding, as AWS's `Base32StringSeed` shows it (32 characters). */
export function newTotpSeed(): string {
  return new Secret({ buffer: randomBytes(TOTP_SEED_BYTES).buffer }).base32;
}

/** The time step `now` falls in: whole periods since the Unix epoch. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a Base32 seed for one time step. */
export function totpCode(seedBase32: string, step: number): string {
  return HOTP.generate({
    secret: Secret.fromBase32(seedBase32),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    counter: step,
  });
}

/**
 * The time step whose code `code` is, searched within `tolerance` steps of `now` (nearest first), or undefined.
 * Every candidate is computed and compared in constant time, so the answer's timing does not say which matched.
 */
export function matchingStep(
  seedBase32: string,
  code: string,
  now: Date,
  tolerance: number = TOTP_TOLERANCE_STEPS,
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const current = totpStep(now);
  const secret = Secret.fromBase32(seedBase32);
  let found: number | undefined;
  for (const offset of offsets(tolerance)) {
    const step = current + offset;
    const candidate = HOTP.generate({ secret, algorithm: 'SHA1', digits: TOTP_DIGITS, counter: step });
    if (constantTimeEqual(candidate, code) && found === undefined) found = step;
  }
  return found;
}

/** 0, -1, +1, -2, +2, …: the nearest step wins when two steps share a code. */
function offsets(tolerance: number): number[] {
  const result = [0];
  for (let i = 1; i <= tolerance; i++) result.push(-i, i);
  return result;
}

/**
 * The `otpauth://totp/…` URI authenticator apps read from a QR code: the label is `issuer:account`, and the
 * secret, issuer, algorithm, digits and period are parameters (Key Uri Format, as Google Authenticator reads it).
 */
export function otpauthUri(seedBase32: string, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: seedBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
