import { openPgliteStore } from './pglite.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/** Which database to open: a SQLite file (or `:memory:`), a PostgreSQL server, or an in-memory PGlite. */
export type StoreOptions =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string }
  | { readonly kind: 'pglite' };

/** Opens and migrates the store the options name. */
export async function openStore(options: StoreOptions): Promise<Store> {
  switch (options.kind) {
    case 'sqlite':
      return openSqliteStore(options.file);
    case 'postgres':
      return openPostgresStore(options.url, { schema: options.schema });
    case 'pglite':
      return openPgliteStore();
  }
}
