import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely';
import { introspectingSchema } from './postgres-introspector.js';
import { createStore, type Store } from './store.js';

/**
 * Opens a fresh in-memory PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly) and migrates it. For tests that
 * need PostgreSQL's behaviour without a server. Starting one takes seconds (it runs initdb), so open one per test
 * file and `reset()` between tests.
 */
export async function openPgliteStore(): Promise<Store> {
  const pglite = await PGlite.create();
  // Kysely's own PGlite dialect: it runs transactions in PGlite's exclusive mode and serializes its single connection.
  return createStore({
    kind: 'postgres',
    dialect: introspectingSchema(new PGliteDialect({ pglite }), undefined),
  });
}
