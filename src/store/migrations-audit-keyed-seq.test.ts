import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PGliteDialect, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvents, prepareEvent } from '../audit/append.js';
import { chainHash, GENESIS_HASH } from '../audit/chain.js';
import { digestSignerFor } from '../audit/digest-signer.js';
import { keyedEvents } from '../audit/keyed-events.js';
import { lookupKeysOf } from '../audit/lookup-keys.js';
import { lookupValuesOf } from '../audit/lookup-values.js';
import { rootSignIn } from '../audit/test-support/root-sign-in.js';
import { verifyTrail } from '../audit/verify.js';
import { migrationsFor } from './migrations.js';
import { introspectingSchema } from './postgres-introspector.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import { createStore, type Store, type StoreKind } from './store.js';

// A trail recorded before 0009, keyed as 0008 keyed it (every batch with its keys), comes through 0009 keyed up to
// its head: it verifies, lookups find every event, and changes appended after it (unkeyed until the next batch) are
// keyed and verify too. On SQLite, on PGlite, and on a PostgreSQL server when IAMD_TEST_DATABASE_URL names one.

const ACCOUNT = '123456789012';
const signer = digestSignerFor(new Uint8Array(32).fill(9));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database at 0008, then the store that migrates it. */
interface Before0009 {
  readonly kind: StoreKind;
  readonly db: Kysely<unknown>;
  readonly migrationSchema?: string;
  readonly open: () => Promise<Store>;
}

async function sqliteBefore(): Promise<Before0009> {
  const dir = mkdtempSync(join(tmpdir(), 'iamd-0009-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'iamd.db');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
  cleanups.push(() => db.destroy());
  return { kind: 'sqlite', db, open: () => openSqliteStore(file) };
}

async function pgliteBefore(): Promise<Before0009> {
  const pglite = await PGlite.create();
  // One PGlite, one connection: the store opened on it afterwards owns and closes it.
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  return {
    kind: 'postgres',
    db,
    open: () =>
      createStore({
        kind: 'postgres',
        dialect: introspectingSchema(new PGliteDialect({ pglite }), undefined),
      }),
  };
}

async function postgresBefore(url: string): Promise<Before0009> {
  const schema = `iamd_0009_test_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
  await pool.query(`create schema ${schema}`);
  const db = new Kysely<unknown>({ dialect: introspectingSchema(new PostgresDialect({ pool }), schema) });
  cleanups.push(async () => {
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(db);
    await db.destroy();
  });
  return { kind: 'postgres', db, migrationSchema: schema, open: () => openPostgresStore(url, { schema }) };
}

/** Migrates to 0008 and records `count` console sign-ins, in batches of 3, as 0008's appends wrote them. */
async function trailAt0008(at: Before0009, count: number): Promise<void> {
  const upTo0008 = Object.fromEntries(
    Object.entries(migrationsFor(at.kind)).filter(([name]) => name < '0009'),
  );
  const { error } = await new Migrator({
    db: at.db,
    provider: { getMigrations: async () => upTo0008 },
    migrationTableSchema: at.migrationSchema,
  }).migrateToLatest();
  expect(error).toBeUndefined();
  let prev = GENESIS_HASH;
  for (let first = 1; first <= count; first += 3) {
    const batch = [];
    for (let seq = first; seq < first + 3 && seq <= count; seq++) {
      const time = new Date(Date.UTC(2026, 11, 1, 0, 0, seq));
      const record = rootSignIn(time, `legacy-${seq}`);
      const text = JSON.stringify(record);
      const hash = chainHash(prev, text);
      const eventTime = time.toISOString();
      await sql`insert into audit_events (seq, event_time, account_id, record, prev_hash, hash)
        values (${seq}, ${eventTime}, ${ACCOUNT}, ${text}, ${prev}, ${hash})`.execute(at.db);
      batch.push({ seq, time: eventTime, accountId: ACCOUNT, values: lookupValuesOf(record, time) });
      prev = hash;
    }
    for (const k of lookupKeysOf(batch))
      await sql`insert into audit_event_keys (account_id, attribute, value, first_seq, last_seq, min_time, max_time)
        values (${k.account_id}, ${k.attribute}, ${k.value}, ${k.first_seq}, ${k.last_seq}, ${k.min_time},
          ${k.max_time})`.execute(at.db);
  }
  await sql`insert into audit_chain (id, seq, hash, digest_seq, digest_signature, digest_at)
    values (1, ${count}, ${prev}, 0, '', '2026-12-01T00:00:00.000Z')`.execute(at.db);
}

async function checkMigrated(at: Before0009): Promise<void> {
  await trailAt0008(at, 8);
  const store = await at.open();
  cleanups.push(() => store.close());
  const head = async () =>
    store.db.selectFrom('audit_chain').select(['seq', 'keyed_seq']).executeTakeFirstOrThrow();
  expect(await head()).toEqual({ seq: 8, keyed_seq: 8 });
  expect((await verifyTrail(store.db, signer)).problems).toEqual([]);
  const find = async (key: Parameters<typeof keyedEvents>[2], value: string) =>
    (await keyedEvents(store.db, ACCOUNT, key, value, {}, 50)).map((e) => e.seq);
  expect(await find('Username', 'root')).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  expect(await find('EventId', 'legacy-4')).toEqual([4]);

  // Two changes, appended without keys as a change is, then a batch that keys them with its own event.
  const event = (seq: number) => {
    const time = new Date(Date.UTC(2026, 11, 2, 0, 0, seq));
    return prepareEvent({ time, record: () => rootSignIn(time, `after-${seq}`) });
  };
  const now = new Date('2026-12-02T00:01:00Z');
  for (const seq of [9, 10])
    await store.transaction((tx) =>
      appendEvents(tx, [event(seq)], signer, { everyEvents: 1000 }, now, 'change'),
    );
  expect(await head()).toEqual({ seq: 10, keyed_seq: 8 });
  expect(await find('EventId', 'after-10')).toEqual([10]);
  await store.transaction((tx) => appendEvents(tx, [event(11)], signer, { everyEvents: 1000 }, now));
  expect(await head()).toEqual({ seq: 11, keyed_seq: 11 });
  expect((await find('Username', 'root')).slice(0, 4)).toEqual([11, 10, 9, 8]);
  const report = await verifyTrail(store.db, signer);
  expect(report).toMatchObject({ events: 11, firstSeq: 1, lastSeq: 11, problems: [] });
}

describe('migration 0009-audit-keyed-seq on a populated trail', () => {
  it('SQLite', async () => checkMigrated(await sqliteBefore()));

  // PostgreSQL runs the migrations' DDL in seconds, more under load (PGlite also starts up).
  it('PGlite', async () => checkMigrated(await pgliteBefore()), 60_000);

  const url = process.env['IAMD_TEST_DATABASE_URL'];
  if (url) it('PostgreSQL', async () => checkMigrated(await postgresBefore(url)), 60_000);
  else
    it.skip('PostgreSQL: set IAMD_TEST_DATABASE_URL (see scripts/ci-postgres.sh) to run it on a server', () => {});
});
