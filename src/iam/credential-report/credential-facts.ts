import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/** What the report says about one access key or signing certificate. */
export interface KeyFacts {
  readonly active: boolean;
  /** When it was created (IAM keys are never rotated in place: a rotation is a new key). */
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly lastUsedRegion: string | null;
  readonly lastUsedService: string | null;
}

/** What the report says about one identity: an IAM user, or the account's root user. */
export interface CredentialFacts {
  readonly kind: 'user' | 'root';
  /** The user's name; `<root_account>` for the root user. */
  readonly name: string;
  readonly arn: string;
  readonly createdAt: string;
  /** The console password (root's too): when it was last set, or undefined when the identity has none. */
  readonly password: { readonly changedAt: string } | undefined;
  /** When the password last signed in to the console (users.password_last_used, accounts.root_password_last_used). */
  readonly passwordLastUsed: string | null;
  readonly mfaActive: boolean;
  /** The access keys, oldest first (the report's access_key_1 and access_key_2). */
  readonly keys: readonly KeyFacts[];
  /** The X.509 signing certificates, oldest first (cert_1 and cert_2). */
  readonly certificates: readonly KeyFacts[];
}

/** The account-wide facts the report also needs. */
export interface AccountFacts {
  /** The password policy's MaxPasswordAge, in days, when passwords expire. */
  readonly maxPasswordAgeDays: number | undefined;
}

/** The root user's row name, as AWS writes it. */
export const ROOT_ACCOUNT_NAME = '<root_account>';

const NEVER_USED = { lastUsedAt: null, lastUsedRegion: null, lastUsedService: null } as const;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [row]);
    else list.push(row);
  }
  return groups;
}

// The owner key of the root user's keys and certificates in the groupings below (user ids never look like it).
const ROOT_OWNER = '';
/** How mfa_devices.owner names the root user. */
const ROOT_MFA_OWNER = 'root';

/**
 * The identities with an enabled MFA device (AWS counts any kind; iamd has virtual devices): IAM user ids, and
 * ROOT_OWNER for the root user.
 */
async function mfaOwners(db: Kysely<Database>, accountId: string): Promise<ReadonlySet<string>> {
  const rows = await db
    .selectFrom('mfa_devices')
    .select('owner')
    .distinct()
    .where('account_id', '=', accountId)
    .where('enabled_at', 'is not', null)
    .where('owner', 'is not', null)
    .execute();
  return new Set(rows.map((r) => (r.owner === ROOT_MFA_OWNER ? ROOT_OWNER : (r.owner ?? ''))));
}

/**
 * Loads every fact the credential report shows for an account: the root user first, then the users by name. Each
 * kind of credential is read with one query for the whole account.
 */
export async function loadCredentialFacts(
  db: Kysely<Database>,
  partition: string,
  accountId: string,
): Promise<{ readonly account: AccountFacts; readonly identities: readonly CredentialFacts[] }> {
  const [account, users, profiles, keys, certificates, mfa] = await Promise.all([
    db
      .selectFrom('accounts')
      .select((eb) => [
        'created_at',
        'password_policy',
        'root_password_changed_at',
        'root_password_last_used',
        // Whether root has a password, not the hash: the report needs no secret.
        eb('root_password_hash', 'is not', null).as('has_root_password'),
      ])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select(['id', 'name', 'arn', 'created_at', 'password_last_used'])
      .where('account_id', '=', accountId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('login_profiles')
      .select(['user_id', 'created_at', 'password_changed_at'])
      .where('account_id', '=', accountId)
      .execute(),
    db
      .selectFrom('access_keys')
      .select(['user_id', 'status', 'created_at', 'last_used_at', 'last_used_region', 'last_used_service'])
      .where('account_id', '=', accountId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('signing_certificates')
      .select(['user_id', 'status', 'created_at'])
      .where('account_id', '=', accountId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    mfaOwners(db, accountId),
  ]);
  // A profile from before password_changed_at existed was last set when it was created.
  const passwords = new Map(
    profiles.map((p) => [p.user_id, { changedAt: p.password_changed_at ?? p.created_at }]),
  );
  const keysOf = groupBy(
    keys.map((k) => ({
      owner: k.user_id ?? ROOT_OWNER,
      facts: {
        active: k.status === 'Active',
        createdAt: k.created_at,
        lastUsedAt: k.last_used_at,
        lastUsedRegion: k.last_used_region,
        lastUsedService: k.last_used_service,
      },
    })),
    (k) => k.owner,
  );
  const certificatesOf = groupBy(
    certificates.map((c) => ({
      owner: c.user_id ?? ROOT_OWNER,
      facts: { active: c.status === 'Active', createdAt: c.created_at, ...NEVER_USED },
    })),
    (c) => c.owner,
  );
  const factsOf = (owner: string, list: Map<string, { facts: KeyFacts }[]>) =>
    (list.get(owner) ?? []).map((k) => k.facts);
  const policy =
    account.password_policy === null
      ? undefined
      : (JSON.parse(account.password_policy) as { MaxPasswordAge?: number });
  const root: CredentialFacts = {
    kind: 'root',
    name: ROOT_ACCOUNT_NAME,
    arn: `arn:${partition}:iam::${accountId}:root`,
    createdAt: account.created_at,
    password: account.has_root_password
      ? { changedAt: account.root_password_changed_at ?? account.created_at }
      : undefined,
    passwordLastUsed: account.root_password_last_used,
    mfaActive: mfa.has(ROOT_OWNER),
    keys: factsOf(ROOT_OWNER, keysOf),
    certificates: factsOf(ROOT_OWNER, certificatesOf),
  };
  return {
    account: { maxPasswordAgeDays: policy?.MaxPasswordAge },
    identities: [
      root,
      ...users.map((u): CredentialFacts => ({
        kind: 'user',
        name: u.name,
        arn: u.arn,
        createdAt: u.created_at,
        password: passwords.get(u.id),
        passwordLastUsed: u.password_last_used,
        mfaActive: mfa.has(u.id),
        keys: factsOf(u.id, keysOf),
        certificates: factsOf(u.id, certificatesOf),
      })),
    ],
  };
}
