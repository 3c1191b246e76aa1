import type { Caller } from '../operation/context.js';
import type { Store } from '../store/store.js';
import type { SessionPrincipal } from '../sts/session.js';

/** The credentials behind an access key id: the secret (sealed) and who it acts as. */
export interface KeyOwner {
  readonly secretCiphertext: string;
  readonly caller: Caller;
  /** For temporary credentials: the SHA-256 of the session token they were issued with. */
  readonly tokenHash?: string | undefined;
  readonly expiresAt?: Date | undefined;
  /** For long-term keys: when the key was last used, as stored when the owner was loaded (null: never). */
  readonly lastUsedAt?: string | null | undefined;
}

/** Looks up an access key id (AKIA… or ASIA…) and the caller it stands for. Inactive keys are not found. */
export async function keyOwner(
  store: Store,
  partition: string,
  accessKeyId: string,
): Promise<KeyOwner | undefined> {
  if (accessKeyId.startsWith('ASIA')) return sessionOwner(store, partition, accessKeyId);
  const key = await store.db
    .selectFrom('access_keys')
    .leftJoin('users', 'users.id', 'access_keys.user_id')
    .select([
      'access_keys.secret_ciphertext',
      'access_keys.status',
      'access_keys.account_id',
      'access_keys.user_id',
      'access_keys.last_used_at',
      'users.arn',
      'users.name',
    ])
    .where('access_keys.id', '=', accessKeyId)
    .executeTakeFirst();
  if (key === undefined || key.status !== 'Active') return undefined;
  if (key.user_id === null) {
    return {
      secretCiphertext: key.secret_ciphertext,
      lastUsedAt: key.last_used_at,
      caller: {
        arn: `arn:${partition}:iam::${key.account_id}:root`,
        accountId: key.account_id,
        userId: key.account_id,
        kind: 'root',
        accessKeyId,
      },
    };
  }
  if (key.arn === null || key.name === null) return undefined;
  return {
    secretCiphertext: key.secret_ciphertext,
    lastUsedAt: key.last_used_at,
    caller: {
      arn: key.arn,
      accountId: key.account_id,
      userId: key.user_id,
      kind: 'user',
      accessKeyId,
      userName: key.name,
      policyHolder: { type: 'user', id: key.user_id },
    },
  };
}

async function sessionOwner(
  store: Store,
  partition: string,
  accessKeyId: string,
): Promise<KeyOwner | undefined> {
  const row = await store.db
    .selectFrom('sessions')
    .selectAll()
    .where('access_key_id', '=', accessKeyId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const principal = JSON.parse(row.principal) as SessionPrincipal;
  const policies = row.policies === null ? undefined : (JSON.parse(row.policies) as string[]);
  const expiresAt = new Date(row.expires_at);
  const issued = { 'aws:TokenIssueTime': row.created_at.replace(/\.\d{3}Z$/, 'Z') };
  const base: Pick<Caller, 'accountId' | 'accessKeyId' | 'expiresAt' | 'sessionPolicies'> & {
    mfaAuthenticatedAt?: Date;
  } = { accountId: row.account_id, accessKeyId, expiresAt, sessionPolicies: policies };
  const mfaAt = 'mfaAuthenticatedAt' in principal ? principal.mfaAuthenticatedAt : undefined;
  if (mfaAt !== undefined) base.mfaAuthenticatedAt = new Date(mfaAt);
  const owner = (caller: Caller): KeyOwner => ({
    secretCiphertext: row.secret_ciphertext,
    tokenHash: row.token_hash,
    expiresAt,
    caller,
  });
  switch (principal.kind) {
    case 'assumedRole':
      return owner({
        ...base,
        arn: `arn:${partition}:sts::${row.account_id}:assumed-role/${principal.roleName}/${principal.sessionName}`,
        userId: `${principal.roleId}:${principal.sessionName}`,
        kind: 'assumedRole',
        roleArn: principal.roleArn,
        roleId: principal.roleId,
        policyHolder: { type: 'role', id: principal.roleId },
        sessionTags: principal.tags,
        transitiveTagKeys: principal.transitiveTagKeys,
        context: {
          ...issued,
          'aws:MultiFactorAuthPresent': principal.mfa ? 'true' : 'false',
          ...(principal.sourceIdentity !== undefined
            ? { 'aws:SourceIdentity': principal.sourceIdentity }
            : {}),
        },
      });
    case 'user':
      return owner({
        ...base,
        arn: principal.userArn,
        userId: principal.userId,
        kind: 'user',
        userName: principal.userName,
        policyHolder: { type: 'user', id: principal.userId },
        context: { ...issued, 'aws:MultiFactorAuthPresent': principal.mfa ? 'true' : 'false' },
      });
    case 'root':
      return owner({
        ...base,
        arn: `arn:${partition}:iam::${row.account_id}:root`,
        userId: row.account_id,
        kind: 'root',
        context: { ...issued, 'aws:MultiFactorAuthPresent': principal.mfa ? 'true' : 'false' },
      });
    case 'federatedUser':
      return owner({
        ...base,
        arn: `arn:${partition}:sts::${row.account_id}:federated-user/${principal.name}`,
        userId: `${row.account_id}:${principal.name}`,
        kind: 'federatedUser',
        sessionIssuerArn: principal.parentArn,
        policyHolder:
          principal.parentUserId === undefined ? undefined : { type: 'user', id: principal.parentUserId },
        sessionPolicies: policies ?? [],
        context: { ...issued, 'aws:MultiFactorAuthPresent': 'false' },
      });
  }
}
