import type { Kysely, Transaction } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { MIGRATIONS } from './migrations.js';
import type { Database } from './schema.js';

/** Which database a store runs on. */
export type StoreKind = 'sqlite' | 'postgres';

/**
 * The one storage interface. Operations query through `db` (Kysely, so the same code runs on SQLite and
 * PostgreSQL) and wrap every multi-row change in `transaction`.
 */
export interface Store {
  readonly kind: StoreKind;
  readonly db: Kysely<Database>;
  /** Runs `fn` in one transaction, committing when it resolves and rolling back when it throws. */
  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Deletes every row, keeping the schema: a fresh, empty database in milliseconds (for `--dev` resets). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A database handle as the driver-specific openers return it. */
export interface OpenedDatabase {
  readonly kind: StoreKind;
  readonly db: Kysely<Database>;
}

const TABLES: readonly (keyof Database)[] = [
  'tags',
  'instance_profile_roles',
  'instance_profiles',
  'login_profiles',
  'sessions',
  'access_keys',
  'inline_policies',
  'attachments',
  'policy_versions',
  'policies',
  'group_members',
  'groups',
  'roles',
  'users',
  'accounts',
];

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Wraps an opened, migrated database in the Store interface. */
export function storeOver(opened: OpenedDatabase): Store {
  const { db, kind } = opened;
  return {
    kind,
    db,
    transaction: (fn) => db.transaction().execute(fn),
    reset: async () => {
      await db.transaction().execute(async (tx) => {
        for (const table of TABLES) await tx.deleteFrom(table).execute();
      });
    },
    close: () => db.destroy(),
  };
}

/** True when an error is a unique-constraint violation, on any of the supported drivers. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // better-sqlite3: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; PostgreSQL: 23505.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
