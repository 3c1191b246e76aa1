import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { ATTRIBUTE_KEYS, type LookupQuery } from './lookup-input.js';
import { eventPageQuery } from './lookup-query.js';

// Every LookupEvents query shape must walk an index, not the table; and except for ResourceName (which starts from
// the few events naming the resource), in page order, so that a page costs the same on a trail of any length.
let store: Store;
beforeAll(async () => {
  store = await openSqliteStore(':memory:');
});
afterAll(() => store.close());

async function plan(query: LookupQuery, after?: { eventTime: string; seq: number }): Promise<string> {
  const compiled = eventPageQuery(store, '123456789012', query, after, 50).compile();
  const rows = await store.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
  );
  const text = rows.rows.map((r) => r.detail).join('\n');
  return text;
}

/** The index each shape must walk. */
const INDEX: Record<string, string> = {
  'no attribute': 'audit_events_by_time',
  'a time range': 'audit_events_by_time',
  EventName: 'audit_events_by_event_name',
  Username: 'audit_events_by_username',
  AccessKeyId: 'audit_events_by_access_key_id',
  EventSource: 'audit_events_by_event_source',
  ReadOnly: 'audit_events_by_read_only',
  ResourceType: 'audit_events_by_time',
  ResourceName: 'audit_event_resources_name',
  EventId: 'sqlite_autoindex_audit_events_1',
};

const base = { insights: false, limit: 50 } as const;
const shapes: [string, LookupQuery][] = [
  ['no attribute', base],
  ['a time range', { ...base, start: '2026-01-01T00:00:00.000Z', end: '2026-01-02T00:00:00.000Z' }],
  ...ATTRIBUTE_KEYS.map((key): [string, LookupQuery] => [
    key,
    {
      ...base,
      attribute: { key, value: key === 'ReadOnly' ? 'true' : 'x' },
      start: '2026-01-01T00:00:00.000Z',
    },
  ]),
];

describe('LookupEvents query plans (SQLite)', () => {
  it.each(shapes)('%s: an index, never a scan of audit_events', async (name, query) => {
    for (const after of [undefined, { eventTime: '2026-06-01T00:00:00.000Z', seq: 99 }]) {
      const text = await plan(query, after);
      expect(text).not.toMatch(/SCAN audit_events(?! USING)/);
      expect(text).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/);
      if (name !== 'ResourceName' && name !== 'EventId') expect(text).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      const index = INDEX[name];
      if (index !== undefined) expect(text).toMatch(new RegExp(`USING (COVERING )?INDEX ${index} `));
    }
  });
});
