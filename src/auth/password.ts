import { hash, parseOptions, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';

/**
 * Password hashing with argon2id at the parameters OWASP recommends (Password Storage Cheat Sheet: "a minimum
 * configuration of 19 MiB of memory, an iteration count of 2, and 1 degree of parallelism"). Hashes are PHC
 * strings (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) with a random 16-byte salt, so the parameters travel with
 * each hash and can be raised later (see `passwordNeedsRehash`). The library verifies in constant time.
 */

// @node-rs/argon2 declares Algorithm as a const enum, which per-file transpilers cannot inline: use its value.
const ARGON2ID: Algorithm = 2;

/** The argon2id parameters new hashes are made with. */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456, // KiB: 19 MiB
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * A hash of a random password nobody knows, made with PASSWORD_HASH_OPTIONS. Verifying against it when a user
 * does not exist costs the same time as a real check, so sign-in does not reveal which user names exist.
 */
const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$ibVmX39ixK+xX6f0TChupQ$McDR5c/peQ0VJnvzCX8RI/J094FVCNnYdLp7IxqcdV8';

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/**
 * Whether `password` matches `storedHash`. With no stored hash (no such user, or no password) it still does the
 * work of one verification and answers false. A stored value that is not an argon2 hash also answers false:
 * a credential check fails closed.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  try {
    const matches = await verify(storedHash ?? DECOY_HASH, password);
    return storedHash !== undefined && matches;
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with other parameters than today's, and should be replaced at next sign-in. */
export function passwordNeedsRehash(storedHash: string): boolean {
  try {
    const options = parseOptions(storedHash);
    return (
      options.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      options.memoryCost < PASSWORD_HASH_OPTIONS.memoryCost ||
      options.timeCost < PASSWORD_HASH_OPTIONS.timeCost ||
      options.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
