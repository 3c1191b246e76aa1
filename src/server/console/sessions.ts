import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { constantTimeEqual } from '../../auth/constant-time.js';
import type { ConsoleSessionsTable } from '../../store/schema-passwords.js';
import type { Store } from '../../store/store.js';
import type { ConsoleSessionSettings } from './settings.js';

/** A console session as stored: hashes of its id and CSRF token, never the values. */
export type ConsoleSessionRow = Selectable<ConsoleSessionsTable>;

/** `active`: the console may be used; `password_change`: only the forced password change and sign-out. */
export type SessionState = 'active' | 'password_change';

/** Who a session is for. */
export type SessionPrincipal = { readonly kind: 'root' } | { readonly kind: 'user'; readonly userId: string };

/** A new session: the cookie's id and the CSRF token, both shown once, to the browser that signed in. */
export interface NewSession {
  readonly id: string;
  readonly idHash: string;
  readonly csrfToken: string;
}

/** SHA-256, hex: how session ids and CSRF tokens are stored and looked up. */
export function secretHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A random 256-bit value, URL-safe base64. */
function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Starts a session after a successful sign-in. */
export async function createSession(
  store: Store,
  accountId: string,
  principal: SessionPrincipal,
  state: SessionState,
  mfaAuthenticatedAt: Date | undefined,
  now: Date,
): Promise<NewSession> {
  const id = randomToken();
  const csrfToken = randomToken();
  const idHash = secretHash(id);
  await store.db
    .insertInto('console_sessions')
    .values({
      id_hash: idHash,
      account_id: accountId,
      principal_kind: principal.kind,
      user_id: principal.kind === 'user' ? principal.userId : null,
      state,
      csrf_hash: secretHash(csrfToken),
      mfa_authenticated_at: mfaAuthenticatedAt?.toISOString() ?? null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { id, idHash, csrfToken };
}

/**
 * The live session a cookie names, its last use moved to now; undefined when there is none, or when it has been
 * idle for longer than the idle timeout or has lasted longer than the absolute timeout (it is then deleted).
 */
export async function findSession(
  store: Store,
  settings: ConsoleSessionSettings,
  id: string | undefined,
  now: Date,
): Promise<ConsoleSessionRow | undefined> {
  if (id === undefined || id === '') return undefined;
  const idHash = secretHash(id);
  const row = await store.db
    .selectFrom('console_sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const idle = now.getTime() - new Date(row.last_seen_at).getTime();
  const age = now.getTime() - new Date(row.created_at).getTime();
  if (idle >= settings.idleTimeoutMs || age >= settings.absoluteTimeoutMs) {
    await endSession(store, idHash);
    return undefined;
  }
  await store.db
    .updateTable('console_sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id_hash', '=', idHash)
    .execute();
  return { ...row, last_seen_at: now.toISOString() };
}

/** Whether a CSRF token is the session's (compared as hashes, in constant time). */
export function csrfTokenMatches(session: ConsoleSessionRow, token: string | undefined): boolean {
  if (token === undefined || token === '') return false;
  return constantTimeEqual(session.csrf_hash, secretHash(token));
}

/** Ends a session. */
export async function endSession(store: Store, idHash: string): Promise<void> {
  await store.db.deleteFrom('console_sessions').where('id_hash', '=', idHash).execute();
}

/** Lets a session that was limited to the forced password change use the console. */
export async function activateSession(store: Store, idHash: string): Promise<void> {
  await store.db
    .updateTable('console_sessions')
    .set({ state: 'active' })
    .where('id_hash', '=', idHash)
    .execute();
}
