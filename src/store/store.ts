import { Kysely, type Dialect, type KyselyPlugin, type Transaction } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrationsFor } from './migrations.js';
import type { Database } from './schema.js';
import { TABLES } from './tables.js';
import { TransactionScope } from './transaction-scope.js';

/** The SQL dialect a store speaks. PGlite is PostgreSQL compiled to WebAssembly, so its stores say `postgres`. */
export type StoreKind = 'sqlite' | 'postgres';

/**
 * The one storage interface. Operations query through `db` (Kysely, so the same code runs on SQLite and
 * PostgreSQL) and wrap every multi-row change in `transaction`.
 *
 * What holds on every driver (pinned by store.suite.ts):
 * - Inside `transaction(fn)`, query only through `tx`: a query on `db`, or a nested `transaction`, throws.
 * - To read a row that the transaction then rewrites (a counter, a limit check), select it with Kysely's
 *   `.forUpdate()`: PostgreSQL locks the row until the transaction ends; on SQLite, whose store serializes
 *   transactions, the clause is dropped.
 * - A duplicate name is a unique violation (`isUniqueViolation`). On PostgreSQL it aborts the transaction it happens
 *   in, so turn it into an error and throw it out of `fn`; never catch it and carry on in the same transaction.
 * - `integer` columns and `count(*)` come back as JS numbers; text compares and sorts byte-wise; LIKE is
 *   case-sensitive.
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

/** How a driver-specific opener builds its store. */
export interface StoreSpec {
  readonly kind: StoreKind;
  readonly dialect: Dialect;
  readonly plugins?: readonly KyselyPlugin[];
  /** The PostgreSQL schema that holds the tables, when it is not the default one. */
  readonly schema?: string;
  /** The fastest way this driver has to empty every table; `reset()` deletes table by table without one. */
  readonly reset?: (db: Kysely<Database>) => Promise<void>;
}

/**
 * Brings the schema up to date. Running it on an up-to-date database does nothing. `kind` must be the database's
 * (it picks PostgreSQL's byte-wise collation); `schema` is the PostgreSQL schema the store uses, if not the default.
 */
export async function migrate(
  db: Kysely<Database>,
  kind: StoreKind = 'sqlite',
  schema?: string,
): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(kind) };
  // Kysely creates and reads its bookkeeping tables in the store's schema. The PostgreSQL dialects list only that
  // schema's tables to the Migrator (postgres-introspector.ts), so another schema's never pass for this one's.
  const { error } = await new Migrator({ db, provider, migrationTableSchema: schema }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** True under a test runner (vitest sets VITEST) or with IAMD_STORE_GUARD=1. */
function guardTransactions(): boolean {
  return process.env['VITEST'] !== undefined || process.env['IAMD_STORE_GUARD'] === '1';
}

/** Opens a Kysely instance over the spec's dialect, migrates it, and wraps it in the Store interface. */
export async function createStore(spec: StoreSpec): Promise<Store> {
  // The guard catches queries that bypass `tx` (see TransactionScope). It rests on AsyncLocalStorage, which slows
  // every promise in the process, so it runs where mistakes are made, in tests and on request, not in production.
  const scope = guardTransactions() ? new TransactionScope() : undefined;
  const dialect = scope === undefined ? spec.dialect : scope.guard(spec.dialect);
  const db = new Kysely<Database>({ dialect, plugins: [...(spec.plugins ?? [])] });
  try {
    await migrate(db, spec.kind, spec.schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const reset = spec.reset ?? deleteEveryRow;
  return {
    kind: spec.kind,
    db,
    transaction: (fn) =>
      db.transaction().execute((tx) => (scope === undefined ? fn(tx) : scope.run(() => fn(tx)))),
    reset: () => reset(db),
    close: () => db.destroy(),
  };
}

async function deleteEveryRow(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const table of TABLES) await tx.deleteFrom(table).execute();
  });
}

/** True when an error is a unique-constraint violation, on any of the supported drivers. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // better-sqlite3: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; PostgreSQL and PGlite: SQLSTATE 23505.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
