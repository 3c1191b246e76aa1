import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Insertable, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './schema.js';
import { migrationsFor } from './migrations.js';
import { isUniqueViolation, migrate, type Store } from './store.js';
import { TABLES } from './tables.js';

/** How the driver under test opens its databases. */
export interface StoreSuiteOptions {
  /** True when every `open()` returns a store over the same database (a file, a server); false when each is new. */
  readonly sharedDatabase?: boolean;
}

// Generous: PGlite runs initdb when it starts, which takes seconds on a busy machine.
const OPEN_TIMEOUT = 120_000;

const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const NOW = '2024-05-06T07:08:09Z';

const NAMED_TABLES = ['users', 'groups', 'roles', 'policies', 'instance_profiles'] as const;
type NamedTable = (typeof NAMED_TABLES)[number];

// The columns each table must have. Typed against the schema so that a column added to schema.ts but not listed
// here fails to compile (see COMPLETE below), and checked against the migrated database at run time.
const COLUMNS = {
  accounts: [
    'id',
    'alias',
    'password_policy',
    'created_at',
    'root_password_hash',
    'root_password_changed_at',
    'root_password_last_used',
  ],
  users: [
    'account_id',
    'id',
    'name',
    'name_key',
    'path',
    'arn',
    'created_at',
    'permissions_boundary',
    'password_last_used',
  ],
  groups: ['account_id', 'id', 'name', 'name_key', 'path', 'arn', 'created_at'],
  group_members: ['account_id', 'group_id', 'user_id'],
  roles: [
    'account_id',
    'id',
    'name',
    'name_key',
    'path',
    'arn',
    'created_at',
    'assume_role_policy',
    'description',
    'max_session_duration',
    'permissions_boundary',
    'last_used_at',
    'last_used_region',
  ],
  policies: [
    'account_id',
    'id',
    'name',
    'name_key',
    'path',
    'arn',
    'created_at',
    'description',
    'updated_at',
    'default_version_id',
    'next_version',
  ],
  policy_versions: ['policy_id', 'version_id', 'document', 'created_at'],
  attachments: ['account_id', 'principal_type', 'principal_id', 'policy_arn'],
  inline_policies: ['account_id', 'principal_type', 'principal_id', 'name', 'name_key', 'document'],
  access_keys: [
    'id',
    'account_id',
    'user_id',
    'secret_ciphertext',
    'status',
    'created_at',
    'last_used_at',
    'last_used_service',
    'last_used_region',
  ],
  sessions: [
    'access_key_id',
    'account_id',
    'secret_ciphertext',
    'token_hash',
    'expires_at',
    'created_at',
    'principal',
    'policies',
  ],
  login_profiles: [
    'user_id',
    'account_id',
    'password_hash',
    'password_reset_required',
    'created_at',
    'password_changed_at',
  ],
  instance_profiles: ['account_id', 'id', 'name', 'name_key', 'path', 'arn', 'created_at'],
  instance_profile_roles: ['account_id', 'instance_profile_id', 'role_id'],
  tags: ['account_id', 'resource_type', 'resource_id', 'key', 'key_key', 'value'],
  oidc_providers: ['arn', 'account_id', 'url', 'client_ids', 'thumbprints', 'created_at'],
  saml_providers: ['arn', 'account_id', 'name', 'metadata', 'valid_until', 'created_at'],
  server_certificates: [
    'account_id',
    'id',
    'name',
    'name_key',
    'path',
    'arn',
    'created_at',
    'expires_at',
    'body',
    'chain',
    'private_key_ciphertext',
  ],
  signing_certificates: ['account_id', 'id', 'user_id', 'body', 'status', 'created_at'],
  ssh_public_keys: ['account_id', 'id', 'user_id', 'body', 'encoding', 'fingerprint', 'status', 'created_at'],
  audit_events: ['seq', 'event_time', 'account_id', 'record', 'prev_hash', 'hash'],
  audit_event_keys: ['account_id', 'attribute', 'value', 'first_seq', 'last_seq', 'min_time', 'max_time'],
  audit_chain: ['id', 'seq', 'hash', 'keyed_seq', 'digest_seq', 'digest_signature', 'digest_at'],
  audit_digests: ['seq', 'hash', 'created_at', 'previous_signature', 'signature'],
  service_last_accessed_jobs: [
    'job_id',
    'account_id',
    'arn',
    'granularity',
    'status',
    'created_at',
    'completed_at',
    'report',
  ],
  mfa_devices: [
    'serial_number',
    'account_id',
    'name',
    'name_key',
    'path',
    'seed_ciphertext',
    'owner',
    'enabled_at',
    'created_at',
    'last_used_step',
    'drift_steps',
  ],
  password_history: ['account_id', 'user_id', 'password_hash', 'created_at'],
  console_sessions: [
    'id_hash',
    'account_id',
    'principal_kind',
    'user_id',
    'state',
    'csrf_hash',
    'mfa_authenticated_at',
    'created_at',
    'last_seen_at',
  ],
  credential_reports: ['account_id', 'generated_at', 'content'],
} as const satisfies { [T in keyof Database]: readonly (keyof Database[T])[] };
type Unlisted = {
  [T in keyof Database]: Exclude<keyof Database[T], (typeof COLUMNS)[T][number]>;
}[keyof Database];
const COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;
void COMPLETE;

/** Inserts one row named `name` into a named-entity table and returns its id. */
async function insertNamed(
  db: Kysely<Database>,
  table: NamedTable,
  accountId: string,
  name: string,
): Promise<string> {
  const id = randomUUID();
  const row = {
    account_id: accountId,
    id,
    name,
    name_key: name.toLowerCase(),
    path: '/',
    arn: `arn:aws:iam::${accountId}:${table}/${id}`,
    created_at: NOW,
  };
  switch (table) {
    case 'users':
      await db.insertInto('users').values(row).execute();
      break;
    case 'groups':
      await db.insertInto('groups').values(row).execute();
      break;
    case 'roles':
      await db
        .insertInto('roles')
        .values({ ...row, assume_role_policy: '{}', max_session_duration: 3600 })
        .execute();
      break;
    case 'policies':
      await db
        .insertInto('policies')
        .values({ ...row, updated_at: NOW, default_version_id: 'v1', next_version: 2 })
        .execute();
      break;
    case 'instance_profiles':
      await db.insertInto('instance_profiles').values(row).execute();
      break;
  }
  return id;
}

/** Puts one row in every table. */
async function fillEveryTable(db: Kysely<Database>): Promise<void> {
  await db.insertInto('accounts').values({ id: ACCOUNT, created_at: NOW }).execute();
  for (const table of NAMED_TABLES) await insertNamed(db, table, ACCOUNT, 'x');
  const ids = { account_id: ACCOUNT };
  const doc = '{"Version":"2012-10-17","Statement":[]}';
  const rows: { [T in Exclude<keyof Database, NamedTable | 'accounts'>]: Insertable<Database[T]> } = {
    group_members: { ...ids, group_id: 'g', user_id: 'u' },
    policy_versions: { policy_id: 'p', version_id: 'v1', document: doc, created_at: NOW },
    attachments: {
      ...ids,
      principal_type: 'user',
      principal_id: 'u',
      policy_arn: 'arn:aws:iam::aws:policy/X',
    },
    inline_policies: {
      ...ids,
      principal_type: 'role',
      principal_id: 'r',
      name: 'P',
      name_key: 'p',
      document: doc,
    },
    access_keys: {
      ...ids,
      id: 'AKIA1',
      user_id: 'u',
      secret_ciphertext: 'c',
      status: 'Active',
      created_at: NOW,
    },
    sessions: {
      ...ids,
      access_key_id: 'ASIA1',
      secret_ciphertext: 'c',
      token_hash: 'h',
      expires_at: NOW,
      created_at: NOW,
      principal: '{}',
    },
    login_profiles: { ...ids, user_id: 'u', password_hash: 'h', password_reset_required: 0, created_at: NOW },
    instance_profile_roles: { ...ids, instance_profile_id: 'ip', role_id: 'r' },
    tags: { ...ids, resource_type: 'user', resource_id: 'u', key: 'Team', key_key: 'team', value: 'red' },
    oidc_providers: {
      ...ids,
      arn: 'arn:aws:iam::1:oidc-provider/x',
      url: 'https://x',
      client_ids: '[]',
      thumbprints: '[]',
      created_at: NOW,
    },
    saml_providers: {
      ...ids,
      arn: 'arn:aws:iam::1:saml-provider/x',
      name: 'x',
      metadata: '<x/>',
      valid_until: NOW,
      created_at: NOW,
    },
    server_certificates: {
      ...ids,
      id: 'ASCA1',
      name: 'x',
      name_key: 'x',
      path: '/',
      arn: 'arn:aws:iam::1:server-certificate/x',
      created_at: NOW,
      expires_at: NOW,
      body: 'b',
      private_key_ciphertext: 'c',
    },
    signing_certificates: { ...ids, id: 'C1', user_id: 'u', body: 'b', status: 'Active', created_at: NOW },
    ssh_public_keys: {
      ...ids,
      id: 'APKA1',
      user_id: 'u',
      body: 'b',
      encoding: 'SSH',
      fingerprint: 'f',
      status: 'Active',
      created_at: NOW,
    },
    audit_events: { seq: 1, event_time: NOW, account_id: ACCOUNT, record: '{}', prev_hash: '0', hash: '1' },
    audit_event_keys: {
      account_id: ACCOUNT,
      attribute: 'EventName',
      value: 'GetUser',
      first_seq: 1,
      last_seq: 1,
      min_time: NOW,
      max_time: NOW,
    },
    audit_chain: {
      id: 1,
      seq: 1,
      hash: '1',
      keyed_seq: 1,
      digest_seq: 0,
      digest_signature: '',
      digest_at: NOW,
    },
    audit_digests: { seq: 1, hash: '1', created_at: NOW, previous_signature: '', signature: 's' },
    service_last_accessed_jobs: {
      job_id: 'j',
      account_id: ACCOUNT,
      arn: 'a',
      granularity: 'SERVICE_LEVEL',
      status: 'COMPLETED',
      created_at: NOW,
      completed_at: NOW,
      report: '{}',
    },
    mfa_devices: {
      ...ids,
      serial_number: `arn:aws:iam::${ACCOUNT}:mfa/phone`,
      name: 'phone',
      name_key: 'phone',
      path: '/',
      seed_ciphertext: 'c',
      created_at: NOW,
      drift_steps: 0,
    },
    password_history: { ...ids, user_id: 'u', password_hash: 'h', created_at: NOW },
    console_sessions: {
      ...ids,
      id_hash: 'h',
      principal_kind: 'root',
      user_id: null,
      state: 'active',
      csrf_hash: 'c',
      mfa_authenticated_at: null,
      created_at: NOW,
      last_seen_at: NOW,
    },
    credential_reports: { ...ids, generated_at: NOW, content: 'user,arn\n' },
  };
  await db.insertInto('group_members').values(rows.group_members).execute();
  await db.insertInto('policy_versions').values(rows.policy_versions).execute();
  await db.insertInto('attachments').values(rows.attachments).execute();
  await db.insertInto('inline_policies').values(rows.inline_policies).execute();
  await db.insertInto('access_keys').values(rows.access_keys).execute();
  await db.insertInto('sessions').values(rows.sessions).execute();
  await db.insertInto('login_profiles').values(rows.login_profiles).execute();
  await db.insertInto('instance_profile_roles').values(rows.instance_profile_roles).execute();
  await db.insertInto('tags').values(rows.tags).execute();
  await db.insertInto('oidc_providers').values(rows.oidc_providers).execute();
  await db.insertInto('saml_providers').values(rows.saml_providers).execute();
  await db.insertInto('server_certificates').values(rows.server_certificates).execute();
  await db.insertInto('signing_certificates').values(rows.signing_certificates).execute();
  await db.insertInto('ssh_public_keys').values(rows.ssh_public_keys).execute();
  await db.insertInto('audit_events').values(rows.audit_events).execute();
  await db.insertInto('audit_event_keys').values(rows.audit_event_keys).execute();
  await db.insertInto('audit_chain').values(rows.audit_chain).execute();
  await db.insertInto('audit_digests').values(rows.audit_digests).execute();
  await db.insertInto('service_last_accessed_jobs').values(rows.service_last_accessed_jobs).execute();
  await db.insertInto('mfa_devices').values(rows.mfa_devices).execute();
  await db.insertInto('password_history').values(rows.password_history).execute();
  await db.insertInto('console_sessions').values(rows.console_sessions).execute();
  await db.insertInto('credential_reports').values(rows.credential_reports).execute();
}

async function rowCount(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return n;
}

async function userNames(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('users').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

/** The PostgreSQL schema the store's tables live in, or undefined on SQLite. */
async function schemaOf(store: Store): Promise<string | undefined> {
  if (store.kind === 'sqlite') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  return rows[0]?.schema;
}

/**
 * The behaviour every store must have, whatever the database: registers vitest tests for the store that `open`
 * returns. One store serves the whole suite, emptied by `reset()` before each test (which tests `reset` too).
 */
export function storeSuite(name: string, open: () => Promise<Store>, options: StoreSuiteOptions = {}): void {
  describe(`store on ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    }, OPEN_TIMEOUT);
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      await store.reset();
    });

    describe('migrations', () => {
      it('running the migrations again on a migrated database changes nothing', async () => {
        await insertNamed(store.db, 'users', ACCOUNT, 'alice');
        await migrate(store.db, store.kind, await schemaOf(store));
        expect(await userNames(store.db)).toEqual(['alice']);
        const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
        expect(rows.map((r) => r.name)).toEqual(Object.keys(migrationsFor(store.kind)).sort());
      });

      it.runIf(options.sharedDatabase)(
        'opening the same database a second time migrates nothing and sees its rows',
        async () => {
          await insertNamed(store.db, 'users', ACCOUNT, 'alice');
          const second = await open();
          try {
            expect(await userNames(second.db)).toEqual(['alice']);
          } finally {
            await second.close();
          }
        },
        OPEN_TIMEOUT,
      );

      it('creates every table with exactly the columns of the schema', async () => {
        const schema = await schemaOf(store);
        const tables = await store.db.introspection.getTables();
        const found = Object.fromEntries(
          tables
            .filter((t) => (schema === undefined || t.schema === schema) && t.name in COLUMNS)
            .map((t) => [t.name, t.columns.map((c) => c.name).sort()]),
        );
        const expected = Object.fromEntries(
          Object.entries(COLUMNS).map(([table, cols]) => [table, [...cols].sort()]),
        );
        expect(found).toEqual(expected);
        expect(Object.keys(COLUMNS).sort()).toEqual([...TABLES].sort());
      });
    });

    describe('names', () => {
      for (const table of NAMED_TABLES) {
        it(`${table}: a name that differs only in case from another in the account is a unique violation`, async () => {
          await insertNamed(store.db, table, ACCOUNT, 'Alice');
          const error = await insertNamed(store.db, table, ACCOUNT, 'ALICE').catch((e: unknown) => e);
          expect(isUniqueViolation(error)).toBe(true);
          expect(await rowCount(store.db, table)).toBe(1);
        });

        it(`${table}: the same name in another account is allowed`, async () => {
          await insertNamed(store.db, table, ACCOUNT, 'Alice');
          await insertNamed(store.db, table, OTHER_ACCOUNT, 'Alice');
          expect(await rowCount(store.db, table)).toBe(2);
        });
      }

      it('twenty parallel creates of one user name leave one row and nineteen unique violations', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            insertNamed(store.db, 'users', ACCOUNT, i % 2 ? 'bob' : 'BOB'),
          ),
        );
        const rejected = results.filter((r) => r.status === 'rejected');
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(rejected).toHaveLength(19);
        expect(rejected.every((r) => isUniqueViolation(r.reason))).toBe(true);
        expect(await rowCount(store.db, 'users')).toBe(1);
      });

      it('isUniqueViolation is false for other constraint errors', async () => {
        const error = await store.db
          .insertInto('accounts')
          .values({ id: ACCOUNT, created_at: null as unknown as string })
          .execute()
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expect(isUniqueViolation(error)).toBe(false);
      });
    });

    describe('transactions', () => {
      it('commits when the function resolves', async () => {
        const result = await store.transaction(async (tx) => {
          await insertNamed(tx, 'users', ACCOUNT, 'alice');
          await insertNamed(tx, 'groups', ACCOUNT, 'admins');
          return 'done';
        });
        expect(result).toBe('done');
        expect(await rowCount(store.db, 'users')).toBe(1);
        expect(await rowCount(store.db, 'groups')).toBe(1);
      });

      it('rolls back every write and rethrows when the function throws', async () => {
        const failure = new Error('stop');
        await expect(
          store.transaction(async (tx) => {
            await insertNamed(tx, 'users', ACCOUNT, 'alice');
            await insertNamed(tx, 'groups', ACCOUNT, 'admins');
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await rowCount(store.db, 'users')).toBe(0);
        expect(await rowCount(store.db, 'groups')).toBe(0);
      });

      it('rolls back when a unique violation inside the transaction is thrown out of it', async () => {
        await insertNamed(store.db, 'users', ACCOUNT, 'alice');
        const error = await store
          .transaction(async (tx) => {
            await insertNamed(tx, 'groups', ACCOUNT, 'admins');
            await insertNamed(tx, 'users', ACCOUNT, 'ALICE');
          })
          .catch((e: unknown) => e);
        expect(isUniqueViolation(error)).toBe(true);
        expect(await rowCount(store.db, 'groups')).toBe(0);
      });

      it('refuses a query on store.db inside a transaction, instead of hanging or escaping it', async () => {
        await expect(
          store.transaction(async (tx) => {
            await insertNamed(tx, 'users', ACCOUNT, 'alice');
            await rowCount(store.db, 'users');
          }),
        ).rejects.toThrow(/use the transaction's `tx`/);
        expect(await rowCount(store.db, 'users')).toBe(0);
      });

      it('refuses a transaction nested in another', async () => {
        await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/`tx`/);
        expect(await store.transaction(async () => 2)).toBe(2);
      });

      it('twenty parallel read-modify-write increments with forUpdate lose no update', async () => {
        const id = await insertNamed(store.db, 'policies', ACCOUNT, 'counted');
        await Promise.all(
          Array.from({ length: 20 }, () =>
            store.transaction(async (tx) => {
              const { next_version } = await tx
                .selectFrom('policies')
                .select('next_version')
                .where('id', '=', id)
                .forUpdate()
                .executeTakeFirstOrThrow();
              // Widen the window between read and write, where a missing lock lets two transactions read the same value.
              await sleep(2);
              await tx
                .updateTable('policies')
                .set({ next_version: next_version + 1 })
                .where('id', '=', id)
                .execute();
            }),
          ),
        );
        const row = await store.db
          .selectFrom('policies')
          .select('next_version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row.next_version).toBe(22);
      });
    });

    describe('values', () => {
      it('returns integer columns and counts as JS numbers', async () => {
        const roleId = await insertNamed(store.db, 'roles', ACCOUNT, 'r');
        await insertNamed(store.db, 'policies', ACCOUNT, 'p');
        await store.db
          .insertInto('login_profiles')
          .values({
            user_id: 'u',
            account_id: ACCOUNT,
            password_hash: 'h',
            password_reset_required: 1,
            created_at: NOW,
          })
          .execute();
        const role = await store.db
          .selectFrom('roles')
          .selectAll()
          .where('id', '=', roleId)
          .executeTakeFirstOrThrow();
        const policy = await store.db.selectFrom('policies').select('next_version').executeTakeFirstOrThrow();
        const profile = await store.db
          .selectFrom('login_profiles')
          .select('password_reset_required')
          .executeTakeFirstOrThrow();
        expect(role.max_session_duration).toBe(3600);
        expect(policy.next_version).toBe(2);
        expect(profile.password_reset_required).toBe(1);
        expect(await rowCount(store.db, 'roles')).toBe(1);
        // Integer booleans compare the same way on both databases.
        const flagged = await store.db
          .selectFrom('login_profiles')
          .select('user_id')
          .where('password_reset_required', '=', 1)
          .execute();
        expect(flagged).toEqual([{ user_id: 'u' }]);
      });

      it('round-trips timestamps as the same ISO 8601 text, in time order, and keeps nulls null', async () => {
        // Date.toISOString() text: fixed width, so text order is time order. (Mixing in second-precision text would
        // break that: "05.123Z" sorts before "05Z".)
        const stamps = ['2024-01-02T03:04:05.000Z', '2024-01-02T03:04:05.123Z', '2024-11-02T03:04:05.000Z'];
        for (const [i, created_at] of [...stamps].reverse().entries()) {
          await store.db
            .insertInto('access_keys')
            .values({
              id: `AKIA${i}`,
              account_id: ACCOUNT,
              user_id: null,
              secret_ciphertext: 'c',
              status: 'Active',
              created_at,
            })
            .execute();
        }
        const rows = await store.db
          .selectFrom('access_keys')
          .select(['created_at', 'last_used_at', 'user_id'])
          .orderBy('created_at')
          .execute();
        expect(rows).toEqual(stamps.map((created_at) => ({ created_at, last_used_at: null, user_id: null })));
      });

      it('sorts text byte-wise, as JavaScript sorts it', async () => {
        const keys = ['b', 'B', 'a', 'A', 'a_b', 'a-b', 'aB', 'Ab', 'é', 'z', '_', '1', 'a b', 'a'];
        for (const [i, key] of keys.entries()) {
          await store.db
            .insertInto('tags')
            .values({
              account_id: ACCOUNT,
              resource_type: 'user',
              resource_id: `u${i}`,
              key,
              key_key: key,
              value: '',
            })
            .execute();
        }
        const rows = await store.db.selectFrom('tags').select('key').orderBy('key').execute();
        expect(rows.map((r) => r.key)).toEqual([...keys].sort());
      });

      it('matches LIKE case-sensitively', async () => {
        await insertNamed(store.db, 'users', ACCOUNT, 'Alice');
        await insertNamed(store.db, 'users', OTHER_ACCOUNT, 'alice');
        const rows = await store.db.selectFrom('users').select('name').where('name', 'like', 'al%').execute();
        expect(rows).toEqual([{ name: 'alice' }]);
      });
    });

    describe('reset', () => {
      it('empties every table and keeps the schema', async () => {
        await fillEveryTable(store.db);
        for (const table of TABLES) expect(await rowCount(store.db, table), table).toBe(1);
        await store.reset();
        for (const table of TABLES) expect(await rowCount(store.db, table), table).toBe(0);
        await fillEveryTable(store.db);
        for (const table of TABLES) expect(await rowCount(store.db, table), table).toBe(1);
      });
    });
  });
}
