import { CompiledQuery, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysQuery, seqRangesQuery } from '../audit/keyed-events.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { ATTRIBUTE_KEYS } from './lookup-input.js';

// Every query a LookupEvents page runs must walk an index range in the order it needs, never scan a table or sort:
// then a page costs the same on a trail of any length (the 1,000,000-event figures are in docs/benchmarks.md).
let store: Store;
beforeAll(async () => {
  store = await openSqliteStore(':memory:');
});
afterAll(() => store.close());

async function plan(query: Compilable): Promise<string> {
  const compiled = query.compile();
  const rows = await store.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
  );
  return rows.rows.map((r) => r.detail).join('\n');
}

const ACCOUNT = '123456789012';

describe('LookupEvents query plans (SQLite)', () => {
  it.each([...ATTRIBUTE_KEYS, 'Account', 'SessionIssuer'] as const)(
    '%s: the keys index alone, latest batch first',
    async (key) => {
      for (const [start, upper] of [
        [undefined, undefined],
        ['2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
      ])
        for (const resume of [undefined, { maxTime: '2026-03-01T00:00:00.000Z', firstSeq: 7 }]) {
          const text = await plan(keysQuery(store.db, ACCOUNT, key, 'x', start, upper, resume));
          expect(text).toMatch(/USING COVERING INDEX audit_event_keys_lookup /);
          expect(text).not.toMatch(/TEMP B-TREE|SCAN/);
        }
    },
  );

  it('a key’s events: a range of the primary key', async () => {
    expect(await plan(seqRangesQuery(store.db, [{ first_seq: 10, last_seq: 20 }]))).toMatch(
      /^SEARCH audit_events USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)$/,
    );
  });

  it('several keys’ events: one range of the primary key each', async () => {
    const ranges = [
      { first_seq: 40, last_seq: 50 },
      { first_seq: 10, last_seq: 20 },
      { first_seq: 70, last_seq: 70 },
    ];
    const text = await plan(seqRangesQuery(store.db, ranges));
    expect(
      text.match(/SEARCH audit_events USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/g),
    ).toHaveLength(3);
    expect(text).not.toMatch(/TEMP B-TREE|SCAN/);
  });
});
