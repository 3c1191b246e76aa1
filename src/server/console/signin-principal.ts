import type { Kysely } from 'kysely';
import { findUser, type UserRow } from '../../iam/common/entity-lookup.js';
import type { Database } from '../../store/schema.js';

/** Who a sign-in names, with what their password is checked against. */
export interface SigninTarget {
  readonly accountId: string;
  readonly kind: 'user' | 'root';
  /** The IAM user, for a user sign-in. */
  readonly user?: UserRow | undefined;
  readonly passwordHash: string;
  /** When the password was set (for MaxPasswordAge). */
  readonly changedAt: string;
  /** Set by CreateLoginProfile or UpdateLoginProfile with PasswordResetRequired. */
  readonly resetRequired: boolean;
}

/** The account a sign-in names: its 12-digit id, or its alias. */
export async function accountIdOf(db: Kysely<Database>, account: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where(/^\d{12}$/.test(account) ? 'id' : 'alias', '=', account)
    .executeTakeFirst();
  return row?.id;
}

/**
 * The principal a sign-in names and its password hash, or undefined when the account, the user or the password
 * does not exist. The caller verifies the password either way (against a decoy hash when undefined), so both
 * cases take the same time.
 */
export async function findSigninTarget(
  db: Kysely<Database>,
  accountId: string | undefined,
  who: { readonly root: true } | { readonly root: false; readonly userName: string },
): Promise<SigninTarget | undefined> {
  if (accountId === undefined) return undefined;
  if (who.root) {
    const row = await db
      .selectFrom('accounts')
      .select(['root_password_hash', 'root_password_changed_at', 'created_at'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (row?.root_password_hash == null) return undefined;
    return {
      accountId,
      kind: 'root',
      passwordHash: row.root_password_hash,
      changedAt: row.root_password_changed_at ?? row.created_at,
      resetRequired: false,
    };
  }
  const user = await findUser(db, accountId, who.userName);
  if (user === undefined) return undefined;
  const profile = await db
    .selectFrom('login_profiles')
    .selectAll()
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (profile === undefined) return undefined;
  return {
    accountId,
    kind: 'user',
    user,
    passwordHash: profile.password_hash,
    changedAt: profile.password_changed_at ?? profile.created_at,
    resetRequired: profile.password_reset_required === 1,
  };
}
