import type { UserRow } from '../../iam/common/entity-lookup.js';
import type { Caller } from '../../operation/context.js';
import type { Store } from '../../store/store.js';
import type { ConsoleSessionRow } from './sessions.js';

/** The principal a session acts as, as the console shows it. */
export function principalOf(
  partition: string,
  accountId: string,
  user: UserRow | undefined,
): { kind: 'user' | 'root'; arn: string; accountId: string; userName?: string } {
  return user === undefined
    ? { kind: 'root', arn: `arn:${partition}:iam::${accountId}:root`, accountId }
    : { kind: 'user', arn: user.arn, accountId, userName: user.name };
}

/**
 * The caller a console session acts as: the IAM user (with its policies) or the root user, carrying
 * aws:MultiFactorAuthPresent and, when signed in with MFA, the time of it (from which the authorizer derives
 * aws:MultiFactorAuthAge). The access key id is a stand-in naming the session (`console:` and the start of the
 * hash of its id): console requests are not signed with a key. Undefined when the user no longer exists.
 */
export async function sessionCaller(
  store: Store,
  partition: string,
  session: ConsoleSessionRow,
): Promise<Caller | undefined> {
  const mfaAuthenticatedAt =
    session.mfa_authenticated_at === null ? undefined : new Date(session.mfa_authenticated_at);
  const common = {
    accountId: session.account_id,
    accessKeyId: `console:${session.id_hash.slice(0, 16)}`,
    consoleSession: session.id_hash,
    mfaAuthenticatedAt,
    context: {
      'aws:MultiFactorAuthPresent': mfaAuthenticatedAt === undefined ? 'false' : 'true',
      'aws:TokenIssueTime': session.created_at.replace(/\.\d{3}Z$/, 'Z'),
    },
  };
  if (session.principal_kind === 'root' || session.user_id === null) {
    return {
      ...common,
      arn: `arn:${partition}:iam::${session.account_id}:root`,
      userId: session.account_id,
      kind: 'root',
    };
  }
  const user = await store.db
    .selectFrom('users')
    .select(['id', 'arn', 'name'])
    .where('id', '=', session.user_id)
    .executeTakeFirst();
  if (user === undefined) return undefined;
  return {
    ...common,
    arn: user.arn,
    userId: user.id,
    kind: 'user',
    userName: user.name,
    policyHolder: { type: 'user', id: user.id },
  };
}
