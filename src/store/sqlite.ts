import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, type SqliteDatabase } from 'kysely';
import { createStore, type Store } from './store.js';
import { StripRowLocksPlugin } from './strip-row-locks.js';

/**
 * Opens (creating when needed) a SQLite database file, or `:memory:`, and migrates it. One store per file per
 * process: the store's single connection is what serializes its transactions (see StripRowLocksPlugin).
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // PostgreSQL's LIKE is case-sensitive; SQLite's is not unless told, and queries must mean the same on both.
  sqlite.pragma('case_sensitive_like = ON');
  return createStore({
    kind: 'sqlite',
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new StripRowLocksPlugin()],
  });
}

/** How many distinct SQL texts keep a prepared statement; the operations use a few hundred at most. */
const MAX_CACHED_STATEMENTS = 1000;

/**
 * Kysely prepares a statement for every query; preparing costs more than running a small query. The same SQL
 * text gets the same prepared statement: better-sqlite3 runs each call to completion synchronously, so reusing
 * one is safe.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
