import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password.js';
import type { Store } from '../store/store.js';

/** What the root user's console password is set from at start. */
export interface RootPasswordSource {
  /** IAMD_ROOT_PASSWORD, when set. */
  readonly preset?: string | undefined;
  /** A hash to restore as is (`--dev` resets bring back the password the server started with). */
  readonly hash?: string | undefined;
}

/** The root password after start: its hash, and the password itself only when it was generated now. */
export interface RootPasswordOutcome {
  readonly hash: string | undefined;
  readonly generated: string | undefined;
}

/** A generated root password: 24 characters of URL-safe base64 from 18 random bytes (144 bits). */
export function generateRootPassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Gives the account's root user a console password when it has none: the preset (IAMD_ROOT_PASSWORD), a given
 * hash, or a generated one (returned so that it can be printed once). A root password already stored is kept,
 * even when IAMD_ROOT_PASSWORD differs: the root user may have changed it since. The account password policy does
 * not apply to the root user ("Setting an account password policy for IAM users").
 */
export async function bootstrapRootPassword(
  store: Store,
  accountId: string,
  now: Date,
  source: RootPasswordSource,
): Promise<RootPasswordOutcome> {
  const row = await store.db
    .selectFrom('accounts')
    .select('root_password_hash')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (row?.root_password_hash != null) return { hash: row.root_password_hash, generated: undefined };
  const generated =
    source.preset === undefined && source.hash === undefined ? generateRootPassword() : undefined;
  const password = source.preset ?? generated;
  const hash = source.hash ?? (password === undefined ? undefined : await hashPassword(password));
  // INVARIANT: only a still-empty root password is set, so two servers starting on one database keep one.
  await store.db
    .updateTable('accounts')
    .set({ root_password_hash: hash, root_password_changed_at: now.toISOString() })
    .where('id', '=', accountId)
    .where('root_password_hash', 'is', null)
    .execute();
  const stored = await store.db
    .selectFrom('accounts')
    .select('root_password_hash')
    .where('id', '=', accountId)
    .executeTakeFirst();
  const won = stored?.root_password_hash === hash;
  return { hash: stored?.root_password_hash ?? undefined, generated: won ? generated : undefined };
}
