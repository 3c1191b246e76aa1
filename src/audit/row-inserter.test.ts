import { describe, expect, it } from 'vitest';
import { openPgliteStore } from '../store/pglite.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { rowInserter } from './row-inserter.js';

const insert = rowInserter('audit_events', [
  'seq',
  'event_time',
  'account_id',
  'record',
  'prev_hash',
  'hash',
]);

describe.each([
  ['SQLite', () => openSqliteStore(':memory:')],
  ['PGlite', () => openPgliteStore()],
])('rowInserter on %s', (_name, open: () => Promise<Store>) => {
  it('inserts batches of the same and of other sizes with their own values, compiled or reused', async () => {
    const store = await open();
    try {
      const batch = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) => ({
          seq: from + i,
          event_time: '2026-12-06T12:00:00.000Z',
          account_id: '123456789012',
          record: `r${from + i}`,
          prev_hash: 'p',
          hash: `h${from + i}`,
        }));
      for (const [from, count] of [
        [1, 3],
        [4, 3],
        [7, 1],
        [8, 3],
      ] as const)
        await store.transaction((tx) => insert(tx, batch(from, count)));
      const rows = await store.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
      expect(rows).toEqual(batch(1, 10));
    } finally {
      await store.close();
    }
    // Opening PGlite and migrating it takes about 4 s on a 2-core machine.
  }, 30_000);
});
