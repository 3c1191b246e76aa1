import type { Kysely } from 'kysely';
import type { GetAccountPasswordPolicyOutput } from '../../protocol/models/iam-types.js';
import type { Database } from '../../store/schema.js';

/** The account password policy as IAM's API returns it. */
export type PasswordPolicy = GetAccountPasswordPolicyOutput['PasswordPolicy'];

/**
 * The account's password policy, or nothing when it has none. It is stored as the JSON of the policy exactly as
 * GetAccountPasswordPolicy returns it, defaults applied when it was set.
 */
export async function loadPasswordPolicy(
  db: Kysely<Database>,
  accountId: string,
): Promise<PasswordPolicy | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('password_policy')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (row?.password_policy == null) return undefined;
  return JSON.parse(row.password_policy) as PasswordPolicy;
}

/** Stores the account's password policy; `undefined` removes it. */
export async function savePasswordPolicy(
  db: Kysely<Database>,
  accountId: string,
  policy: PasswordPolicy | undefined,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_policy: policy === undefined ? null : JSON.stringify(policy) })
    .where('id', '=', accountId)
    .execute();
}
