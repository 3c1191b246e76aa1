import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from '../audit/chain.js';
import { digestSignerFor } from '../audit/digest-signer.js';
import { keyedEvents } from '../audit/keyed-events.js';
import { storedKeyValue } from '../audit/lookup-keys.js';
import { rootSignIn } from '../audit/test-support/root-sign-in.js';
import { verifyTrail } from '../audit/verify.js';
import { migrationsFor } from './migrations.js';
import { openSqliteStore } from './sqlite.js';

// An access key id column longer than the keys store as it is (lookup-keys.ts storedKeyValue).
const LONG_KEY = `AKIAOLD${'0'.repeat(300)}`;

// A trail recorded before 0008 (0006's wide rows, 0007's indexes, a resources table) comes through the migration
// with its seqs, records and hashes, and every event is found again by each attribute.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 0008-audit-keys', () => {
  it('keeps a 0007 trail verifiable and every event findable by its attributes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamd-0008-'));
    dirs.push(dir);
    const file = join(dir, 'iamd.db');
    const before = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
    const all = migrationsFor('sqlite');
    const upTo0007 = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0008'));
    const { error } = await new Migrator({
      db: before,
      provider: { getMigrations: async () => upTo0007 },
    }).migrateToLatest();
    expect(error).toBeUndefined();
    // Three root sign-ins with version-4 ids, chained as the recorder chained them, one naming a resource.
    let prev = GENESIS_HASH;
    const ids = ['0b6e1c2a-8f3e-4d5c-9a7b-1c2d3e4f5a6b', '1c7f2d3b-9a4f-4e6d-8b8c-2d3e4f5a6b7c', 'legacy-3'];
    for (const [i, id] of ids.entries()) {
      const time = new Date(Date.UTC(2026, 10, 1 + i));
      const record = JSON.stringify(rootSignIn(time, id));
      const hash = chainHash(prev, record);
      await sql`insert into audit_events (seq, event_id, event_time, account_id, event_source, event_name, read_only,
          username, access_key_id, error_code, record, prev_hash, hash)
        values (${i + 1}, ${id}, ${time.toISOString()}, '123456789012', 'signin.amazonaws.com', 'ConsoleLogin', 0,
          'root', ${i === 1 ? LONG_KEY : null}, null, ${record}, ${prev}, ${hash})`.execute(before);
      prev = hash;
    }
    await sql`insert into audit_event_resources values (2, 'AWS::IAM::User', 'bob')`.execute(before);
    await sql`insert into audit_chain values (1, 3, ${prev}, 0, '', '2026-11-03T00:00:00.000Z')`.execute(
      before,
    );
    await before.destroy();

    const store = await openSqliteStore(file);
    try {
      const signer = digestSignerFor(new Uint8Array(32));
      const report = await verifyTrail(store.db, signer);
      expect(report).toMatchObject({ events: 3, firstSeq: 1, lastSeq: 3, problems: [] });
      // 0009: the events before it all have their keys.
      const head = await store.db.selectFrom('audit_chain').selectAll().executeTakeFirstOrThrow();
      expect([head.seq, head.keyed_seq]).toEqual([3, 3]);
      const find = async (key: Parameters<typeof keyedEvents>[2], value: string) =>
        (await keyedEvents(store.db, '123456789012', key, value, {}, 50)).map((e) => e.seq);
      expect(await find('Account', '123456789012')).toEqual([3, 2, 1]);
      expect(await find('EventName', 'ConsoleLogin')).toEqual([3, 2, 1]);
      expect(await find('Username', 'root')).toEqual([3, 2, 1]);
      expect(await find('EventId', ids[1]!)).toEqual([2]);
      expect(await find('EventId', 'legacy-3')).toEqual([3]);
      expect(await find('AccessKeyId', LONG_KEY)).toEqual([]); // the record decides, and it names no key
      const stored = await store.db
        .selectFrom('audit_event_keys')
        .select('value')
        .where('attribute', '=', 'AccessKeyId')
        .execute();
      expect(stored).toEqual([{ value: storedKeyValue(LONG_KEY) }]);
      expect(storedKeyValue(LONG_KEY)).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(await find('EventSource', 'signin.amazonaws.com')).toEqual([3, 2, 1]);
      expect(await find('ReadOnly', 'false')).toEqual([3, 2, 1]);
      const columns = (
        await sql<{ name: string }>`select name from pragma_table_info('audit_events')`.execute(store.db)
      ).rows.map((r) => r.name);
      expect(columns).toEqual(['seq', 'event_time', 'account_id', 'record', 'prev_hash', 'hash']);
      const tables = (
        await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name like 'audit%'`.execute(store.db)
      ).rows.map((r) => r.name);
      expect(tables.sort()).toEqual(['audit_chain', 'audit_digests', 'audit_event_keys', 'audit_events']);
    } finally {
      await store.close();
    }
  });
});
