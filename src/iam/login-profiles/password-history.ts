import type { Kysely } from 'kysely';
import { verifyPassword } from '../../auth/password.js';
import { AwsError } from '../../errors/aws-error.js';
import type { Database } from '../../store/schema.js';
import type { PasswordPolicy } from '../account/password-policy.js';

/** AWS's PasswordReusePrevention range: 1–24 remembered passwords. */
export const MAX_REMEMBERED_PASSWORDS = 24;

/** How many previous passwords the policy asks to remember (0 without a policy or without reuse prevention). */
export function rememberedPasswords(policy: PasswordPolicy | undefined): number {
  return Math.min(policy?.PasswordReusePrevention ?? 0, MAX_REMEMBERED_PASSWORDS);
}

/**
 * Throws PasswordPolicyViolation when `password` is one of the user's last N passwords (N the policy's
 * PasswordReusePrevention; the current password counts as the newest). Every remembered hash is verified, even
 * after a match, so the time does not tell which one matched.
 *
 * The message is the one AWS's console shows for a reused password ("Password does not conform to the account
 * password policy."); the API's exact text for this case could not be confirmed.
 */
export async function refuseReusedPassword(
  db: Kysely<Database>,
  userId: string,
  policy: PasswordPolicy | undefined,
  password: string,
): Promise<void> {
  const remembered = rememberedPasswords(policy);
  if (remembered === 0) return;
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(remembered)
    .execute();
  const matches = await Promise.all(rows.map((row) => verifyPassword(row.password_hash, password)));
  if (matches.some(Boolean)) {
    throw new AwsError(
      'PasswordPolicyViolation',
      'Password does not conform to the account password policy.',
    );
  }
}

/**
 * Adds a newly set password's hash to the user's history, then keeps only as many entries as the policy
 * remembers (none without reuse prevention), so no more hashes are kept than needed.
 */
export async function rememberPassword(
  db: Kysely<Database>,
  accountId: string,
  userId: string,
  passwordHash: string,
  now: Date,
  policy: PasswordPolicy | undefined,
): Promise<void> {
  const remembered = rememberedPasswords(policy);
  if (remembered > 0) {
    await db
      .insertInto('password_history')
      .values({
        account_id: accountId,
        user_id: userId,
        password_hash: passwordHash,
        created_at: now.toISOString(),
      })
      .execute();
  }
  await forgetOlderPasswords(db, userId, remembered);
}

/** Deletes all but the `keep` newest remembered passwords of a user (all of them with 0). */
export async function forgetOlderPasswords(
  db: Kysely<Database>,
  userId: string,
  keep: number,
): Promise<void> {
  const all = db.deleteFrom('password_history').where('user_id', '=', userId);
  if (keep === 0) {
    await all.execute();
    return;
  }
  const kept = await db
    .selectFrom('password_history')
    .select('created_at')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(keep)
    .execute();
  const oldestKept = kept[keep - 1]?.created_at;
  if (oldestKept !== undefined) await all.where('created_at', '<', oldestKept).execute();
}
