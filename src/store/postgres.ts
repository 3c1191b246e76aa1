import pg from 'pg';
import { PostgresDialect, sql, type Kysely } from 'kysely';
import { introspectingSchema } from './postgres-introspector.js';
import type { Database } from './schema.js';
import { createStore, type Store } from './store.js';
import { TABLES } from './tables.js';

/** Options for a PostgreSQL store. */
export interface PostgresStoreOptions {
  /**
   * The schema that holds iamd's tables (created when missing), instead of the connection's default (`public`).
   * Lets several stores share one database without seeing each other's rows, as parallel test files do.
   */
  readonly schema?: string;
  /** The most connections the pool opens; pg's default is 10. */
  readonly maxConnections?: number;
}

const INT8 = 20;

// pg returns int8 (bigint) as a string, to keep precision; `count(*)` is int8. The values iamd counts stay far
// below 2^53, and SQLite returns numbers, so parse them as numbers. A per-pool parser, not pg's global registry.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens a pool on a PostgreSQL database (`postgres://user:password@host:port/database`) and migrates it. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !IDENTIFIER.test(schema)) {
    throw new Error(
      `Invalid PostgreSQL schema name \`${schema}\`: use lower-case letters, digits and underscores.`,
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections,
    types,
    // Every connection resolves unqualified table names in the schema, so the queries need not name it.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client whose connection drops emits 'error' on the pool, and an unhandled 'error' event ends the
  // process. The pool has already discarded the client; the next query opens a new connection or reports the error.
  pool.on('error', () => {});
  if (schema !== undefined) {
    try {
      await pool.query(`create schema if not exists ${schema}`);
    } catch (error) {
      // Two processes creating the schema at once: `if not exists` does not stop the loser from seeing a duplicate
      // (42P06, or 23505 from the catalog's index), and the schema exists either way.
      const code = (error as { code?: unknown }).code;
      if (code !== '42P06' && code !== '23505') {
        await pool.end();
        throw error;
      }
    }
  }
  return createStore({
    kind: 'postgres',
    dialect: introspectingSchema(new PostgresDialect({ pool }), schema),
    schema,
    reset: deleteInOneRoundTrip,
  });
}

// One simple-protocol query (no parameters) may hold several statements, which PostgreSQL runs in one implicit
// transaction: one round trip. DELETE beats TRUNCATE on tables this small, because TRUNCATE replaces each table's
// files and indexes.
const DELETE_ALL = sql.raw(TABLES.map((table) => `delete from ${table};`).join(' '));

async function deleteInOneRoundTrip(db: Kysely<Database>): Promise<void> {
  await DELETE_ALL.execute(db);
}
