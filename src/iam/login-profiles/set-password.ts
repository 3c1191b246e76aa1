import type { Kysely } from 'kysely';
import { hashPassword } from '../../auth/password.js';
import type { Database } from '../../store/schema.js';
import { enforcePasswordPolicy } from '../account/password-check.js';
import { loadPasswordPolicy, type PasswordPolicy } from '../account/password-policy.js';
import { refuseReusedPassword, rememberPassword } from './password-history.js';

/** A new password that met the account password policy, hashed, with the policy it was checked against. */
export interface AcceptedPassword {
  readonly hash: string;
  readonly policy: PasswordPolicy | undefined;
}

/**
 * Checks a new password for an IAM user against the account password policy (length, character classes, and,
 * for an existing user, reuse of one of the last PasswordReusePrevention passwords), then hashes it. Throws
 * PasswordPolicyViolation without changing anything when it does not conform.
 */
export async function acceptNewPassword(
  db: Kysely<Database>,
  accountId: string,
  userId: string,
  password: string,
): Promise<AcceptedPassword> {
  const policy = await loadPasswordPolicy(db, accountId);
  enforcePasswordPolicy(policy, password);
  await refuseReusedPassword(db, userId, policy, password);
  return { hash: await hashPassword(password), policy };
}

/**
 * Stores an accepted password as the user's current one: the hash, when it was set, whether the user must change
 * it at next sign-in, and the history entry reuse prevention reads. The user's console sessions end, except the
 * one that made the change (`keepSession`, the hash of its id).
 */
export async function storeUserPassword(
  db: Kysely<Database>,
  accountId: string,
  userId: string,
  accepted: AcceptedPassword,
  now: Date,
  resetRequired: boolean,
  keepSession?: string,
): Promise<boolean> {
  const result = await db
    .updateTable('login_profiles')
    .set({
      password_hash: accepted.hash,
      password_changed_at: now.toISOString(),
      password_reset_required: resetRequired ? 1 : 0,
    })
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await rememberPassword(db, accountId, userId, accepted.hash, now, accepted.policy);
  let sessions = db.deleteFrom('console_sessions').where('user_id', '=', userId);
  if (keepSession !== undefined) sessions = sessions.where('id_hash', '!=', keepSession);
  await sessions.execute();
  return true;
}
