import type { Kysely } from 'kysely';
import { passwordPrincipal, type PasswordAttempts } from '../../auth/password-attempts.js';
import { verifyPassword } from '../../auth/password.js';
import { AwsError } from '../../errors/aws-error.js';
import type { Database } from '../../store/schema.js';
import type { UserRow } from '../common/entity-lookup.js';
import { findLoginProfile, noSuchLoginProfile } from './login-profile-input.js';
import { acceptNewPassword, storeUserPassword } from './set-password.js';

/**
 * The answer to a wrong OldPassword. ChangePassword's API reference lists no error for it; AWS is known to answer
 * with AccessDenied, but the exact message could not be confirmed from AWS's documentation or recordings.
 */
export function incorrectOldPassword(): AwsError {
  return new AwsError('AccessDenied', 'The old password was incorrect.');
}

/**
 * A user changes their own password: the old one must match, the new one must meet the account password policy
 * (reuse prevention included), and a required reset is then satisfied. Used by ChangePassword and by the console's
 * forced change. `keepSession` (the hash of a console session id) survives; the user's other sessions end. Wrong
 * old passwords count against the user's sign-in lockout (`attempts`), and a locked-out user's old password is not
 * checked at all.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  accountId: string,
  user: UserRow,
  oldPassword: string,
  newPassword: string,
  now: Date,
  keepSession?: string,
  attempts?: PasswordAttempts,
): Promise<void> {
  const principal = passwordPrincipal(accountId, user.name);
  attempts?.guard(principal, user.name);
  const profile = await findLoginProfile(db, user.id);
  // Without a profile the decoy hash is verified, so the answer takes the same time either way.
  const matches = await verifyPassword(profile?.password_hash, oldPassword);
  if (profile === undefined) throw noSuchLoginProfile(user.name);
  if (!matches) {
    attempts?.failed(principal, user.name);
    throw incorrectOldPassword();
  }
  attempts?.succeeded(principal);
  const accepted = await acceptNewPassword(db, accountId, user.id, newPassword);
  if (!(await storeUserPassword(db, accountId, user.id, accepted, now, false, keepSession))) {
    throw noSuchLoginProfile(user.name);
  }
}
