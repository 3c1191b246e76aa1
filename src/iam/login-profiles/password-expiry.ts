import type { PasswordPolicy } from '../account/password-policy.js';

const DAY_MS = 86_400_000;

/**
 * Whether a password set at `changedAt` has expired under the policy's MaxPasswordAge (days). Without a maximum
 * age passwords never expire. An expired password still signs in, but only to change it, unless the policy's
 * HardExpiry says an administrator must reset it ("Setting an account password policy for IAM users").
 */
export function passwordExpired(policy: PasswordPolicy | undefined, changedAt: string, now: Date): boolean {
  const maxAge = policy?.MaxPasswordAge;
  if (maxAge === undefined || maxAge <= 0) return false;
  return now.getTime() - new Date(changedAt).getTime() >= maxAge * DAY_MS;
}
