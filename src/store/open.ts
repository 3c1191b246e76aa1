import { join } from 'node:path';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/** The SQLite file inside a data directory (`--data`). */
export const SQLITE_FILE = 'iamd.sqlite';

/** Where iamd keeps its state: `iamd serve`'s and `iamd audit`'s `--data DIR` and `--database-url URL`. */
export interface StoreLocation {
  readonly dataDir: string;
  /** `postgres://…`: PostgreSQL instead of the data directory's SQLite file. */
  readonly databaseUrl?: string | undefined;
}

/** The SQLite file a location names, or undefined when it names PostgreSQL. */
export function sqliteFileOf(at: StoreLocation): string | undefined {
  return at.databaseUrl === undefined ? join(at.dataDir, SQLITE_FILE) : undefined;
}

/** Opens (and migrates) the store a location names. The PostgreSQL driver is loaded only when it is used. */
export async function openStoreAt(at: StoreLocation): Promise<Store> {
  if (at.databaseUrl !== undefined) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(at.databaseUrl);
  }
  return openSqliteStore(join(at.dataDir, SQLITE_FILE));
}
