import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
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
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new StripRowLocksPlugin()],
  });
}
