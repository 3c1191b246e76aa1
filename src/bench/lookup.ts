import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_COLUMNS, KEY_COLUMNS } from '../audit/append.js';
import { eventIdAt } from '../audit/event-id.js';
import { lookupKeysOf, type KeyedEvent } from '../audit/lookup-keys.js';
import { lookupValuesOf } from '../audit/lookup-values.js';
import type { CloudTrailRecord } from '../audit/record.js';
import { randomIds } from '../auth/ids.js';
import { generateMasterKey } from '../auth/master-key.js';
import { secretBoxFor } from '../auth/secret-box.js';
import { lookupEvents } from '../cloudtrail/lookup-events.js';
import type { OperationContext } from '../operation/context.js';
import { JSON_SERVICES } from '../protocol/json-model.js';
import { encodeJsonOutput } from '../protocol/json-encode.js';
import type { LookupEventsInput } from '../protocol/models/cloudtrail-types.js';
import type { Database } from '../store/schema.js';
import type { AuditEventKeysTable } from '../store/schema-audit.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { Random } from './random.js';

/**
 * The LookupEvents benchmark: a trail of 1,000,000 events (90 days, 1,000 users, 40 event names, one resource
 * each; a tenth of them in a second account) in a SQLite file, bulk-inserted with the lookup keys the server would
 * write for them in batches of 100, then LookupEvents' latency per query shape: the operation and the JSON encoding
 * of its page, in process (signing and HTTP are the server benchmark's). With IAMD_BENCH_DATABASE_URL the trail is
 * in PostgreSQL instead, in a schema of its own that is dropped afterwards.
 */

const ACCOUNT = '123456789012';
const OTHER = '210987654321';
const EVENTS = Number(process.env['IAMD_BENCH_EVENTS'] ?? 1_000_000);
const DAYS = 90;
const END = Date.parse('2026-11-27T00:00:00.000Z');
const START = END - DAYS * 86_400_000;
const NAMES = [
  ...['GetUser', 'ListUsers', 'GetRole', 'ListRoles', 'GetPolicy', 'ListPolicies', 'GetCallerIdentity'],
  ...['ListAttachedUserPolicies', 'ListAttachedRolePolicies', 'GetPolicyVersion', 'ListGroups', 'GetGroup'],
  ...['ListAccessKeys', 'GetAccessKeyLastUsed', 'ListMFADevices', 'GetLoginProfile', 'ListUserTags'],
  ...['ListRoleTags', 'GetAccountSummary', 'ListInstanceProfiles', 'AssumeRole', 'CreateUser', 'DeleteUser'],
  ...['CreateRole', 'DeleteRole', 'PutUserPolicy', 'PutRolePolicy', 'AttachUserPolicy', 'AttachRolePolicy'],
  ...['DetachUserPolicy', 'DetachRolePolicy', 'CreateAccessKey', 'DeleteAccessKey', 'UpdateAccessKey'],
  ...['CreatePolicy', 'CreatePolicyVersion', 'TagUser', 'TagRole', 'AddUserToGroup', 'ConsoleLogin'],
];
const USERS = 1000;

export interface LookupMeasurement {
  readonly name: string;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly calls: number;
  /** Events on the measured pages, on average (a filter may match fewer than a page). */
  readonly eventsPerPage: number;
}

/** PostgreSQL to fill and measure instead of a SQLite file (IAMD_BENCH_DATABASE_URL). */
const DATABASE_URL = process.env['IAMD_BENCH_DATABASE_URL'];

/** Fills a fresh trail (SQLite, or PostgreSQL with IAMD_BENCH_DATABASE_URL) and measures LookupEvents on it. */
export async function lookupBenchmark(): Promise<{
  database: string;
  fillSeconds: number;
  events: number;
  results: LookupMeasurement[];
}> {
  if (DATABASE_URL !== undefined) return postgresBenchmark(DATABASE_URL);
  const dir = mkdtempSync(join(tmpdir(), 'iamd-bench-trail-'));
  const file = join(dir, 'trail.sqlite');
  try {
    // Migrate through the store, fill with prepared statements in one transaction, then reopen.
    await (await openSqliteStore(file)).close();
    const started = process.hrtime.bigint();
    const eventIds = fillSqlite(file);
    const fillSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const store = await openSqliteStore(file);
    try {
      return {
        database: 'SQLite',
        fillSeconds,
        events: EVENTS,
        results: await measureLookups(store, eventIds),
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresBenchmark(url: string): ReturnType<typeof lookupBenchmark> {
  const schema = `iamd_bench_trail_${randomBytes(4).toString('hex')}`;
  const { openPostgresStore } = await import('../store/postgres.js');
  const store = await openPostgresStore(url, { schema });
  try {
    const started = process.hrtime.bigint();
    const eventIds = await fillPostgres(store);
    const fillSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      database: 'PostgreSQL',
      fillSeconds,
      events: EVENTS,
      results: await measureLookups(store, eventIds),
    };
  } finally {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  }
}

/** Events per appended batch, as the server appends reads (src/audit/audit-trail.ts, `maxBuffered`). */
const BATCH = 100;
/** Every how many events an id is kept (if the event is `ACCOUNT`'s) for the EventId lookups: about a thousand. */
const ID_SAMPLE = Math.max(1, Math.floor(EVENTS / 1000));

/** One appended batch as the server stores it: its events' rows and its lookup keys. */
interface TrailBatch {
  readonly events: Database['audit_events'][];
  readonly keys: AuditEventKeysTable[];
}

/**
 * The trail as the server would store it: the events' rows, and per batch of `BATCH` consecutive events the lookup
 * keys that `lookupValuesOf` and `lookupKeysOf` give (src/audit/append.ts). Event ids are version-7 UUIDs of the
 * event's millisecond, as the server's are, so they have no keys and a lookup by id reads the account's events of that
 * millisecond. Pushes some ids of `ACCOUNT`'s events onto `ids`, for the EventId lookups.
 */
function* trailBatches(ids: string[]): Generator<TrailBatch, void, void> {
  const rnd = new Random(7);
  // 90 days over 1,000,000 events: 7,776 ms apart, so every event has a millisecond of its own.
  const step = (END - START) / EVENTS;
  const hash = '0'.repeat(64);
  let events: Database['audit_events'][] = [];
  let keyed: KeyedEvent[] = [];
  for (let seq = 1; seq <= EVENTS; seq++) {
    // Skewed: reads are most of a trail.
    const name = NAMES[Math.min(NAMES.length - 1, Math.floor(rnd.next() ** 2 * NAMES.length))]!;
    const user = `user-${rnd.int(USERS)}`;
    const account = rnd.int(10) === 0 ? OTHER : ACCOUNT;
    const at = new Date(START + seq * step);
    const time = at.toISOString();
    const id = eventIdAt(at);
    const source =
      name === 'AssumeRole' || name === 'GetCallerIdentity' ? 'sts.amazonaws.com' : 'iam.amazonaws.com';
    const key = `AKIA${rnd.int(USERS).toString().padStart(16, '0')}`;
    const record: CloudTrailRecord = {
      eventVersion: '1.08',
      userIdentity: {
        type: 'IAMUser',
        arn: `arn:aws:iam::${account}:user/${user}`,
        accountId: account,
        accessKeyId: key,
        userName: user,
      },
      eventTime: `${time.slice(0, 19)}Z`,
      eventSource: source,
      eventName: name,
      awsRegion: 'us-east-1',
      sourceIPAddress: '10.0.0.1',
      userAgent: 'aws-cli/2.15.0',
      // The one resource: ResourceType AWS::IAM::User and ResourceName target-N (src/audit/resources.ts).
      requestParameters: { userName: `target-${rnd.int(10_000)}` },
      responseElements: null,
      eventID: id,
      readOnly: /^(Get|List)/.test(name),
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
    };
    events.push({
      seq,
      event_time: time,
      account_id: account,
      record: JSON.stringify(record),
      prev_hash: hash,
      hash,
    });
    keyed.push({ seq, time, accountId: account, values: lookupValuesOf(record, at) });
    if (account === ACCOUNT && seq % ID_SAMPLE === 0) ids.push(id);
    if (keyed.length === BATCH || seq === EVENTS) {
      yield { events, keys: lookupKeysOf(keyed) };
      events = [];
      keyed = [];
    }
  }
}

/** Fills a migrated SQLite file with `trailBatches`; returns the sampled event ids. */
function fillSqlite(file: string): string[] {
  const db = new BetterSqlite3(file);
  // A scratch file, filled by this connection alone (openSqliteStore turns WAL back on when it reopens it).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  // The keys come a batch at a time in seq order, so the lookup index would take them in random places: building the
  // indexes afterwards, from the migration's own statements, sorts once instead (the fill took 100 s, now 40).
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      `select name, sql from sqlite_master where type = 'index' and tbl_name = 'audit_event_keys' and sql is not null`,
    )
    .all();
  for (const index of indexes) db.exec(`drop index "${index.name}"`);
  const insertEvent = db.prepare(
    `insert into audit_events (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertKey = db.prepare(
    `insert into audit_event_keys (${KEY_COLUMNS.join(', ')}) values (${KEY_COLUMNS.map(() => '?').join(', ')})`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (const batch of trailBatches(ids)) {
      for (const e of batch.events) insertEvent.run(EVENT_COLUMNS.map((c) => e[c]));
      for (const k of batch.keys) insertKey.run(KEY_COLUMNS.map((c) => k[c]));
    }
  })();
  for (const index of indexes) db.exec(index.sql);
  db.close();
  return ids;
}

/**
 * Fills a migrated PostgreSQL store with `trailBatches`, ten batches per transaction; the keys' indexes are built
 * afterwards, as for SQLite. Returns the sampled event ids.
 */
async function fillPostgres(store: Store): Promise<string[]> {
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename = 'audit_event_keys'`.execute(store.db);
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.indexname)}`.execute(store.db);
  const ids: string[] = [];
  let pending: TrailBatch[] = [];
  const write = async () => {
    const events = pending.flatMap((b) => b.events);
    const keys = pending.flatMap((b) => b.keys);
    pending = [];
    await store.transaction(async (tx) => {
      await tx.insertInto('audit_events').values(events).execute();
      // PostgreSQL takes at most 65,535 parameters per statement.
      for (let i = 0; i < keys.length; i += 5000)
        await tx
          .insertInto('audit_event_keys')
          .values(keys.slice(i, i + 5000))
          .execute();
    });
  };
  for (const batch of trailBatches(ids)) {
    pending.push(batch);
    if (pending.length === 10) await write();
  }
  if (pending.length > 0) await write();
  for (const index of indexes.rows) await sql.raw(index.indexdef).execute(store.db);
  await sql`analyze`.execute(store.db);
  return ids;
}

async function measureLookups(store: Store, eventIds: readonly string[]): Promise<LookupMeasurement[]> {
  const secrets = secretBoxFor(generateMasterKey());
  const ctx = {
    store,
    accountId: ACCOUNT,
    secrets,
    ids: randomIds,
    now: new Date(END),
    authorize: async () => {},
  } as unknown as OperationContext;
  const model = JSON_SERVICES.cloudtrail.model;
  const output = model.operation('LookupEvents')!.output;
  const call = async (input: LookupEventsInput) => {
    const result = await lookupEvents(ctx, input);
    encodeJsonOutput(model, output, result);
    return result;
  };
  const rnd = new Random(11);
  const hour = 3_600_000;
  const deepTokens: string[] = [];
  for (let i = 0; i < 20; i++) {
    const name = NAMES[rnd.int(8)]!;
    let token: string | undefined;
    for (let page = 1; page < 20; page++) {
      token = (
        await call({
          NextToken: token,
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }],
        })
      ).NextToken;
    }
    deepTokens.push(`${name}\n${token ?? ''}`);
  }
  const shapes: [string, () => LookupEventsInput][] = [
    ['no filter, first page', () => ({})],
    [
      'EventName',
      () => ({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: rnd.pick(NAMES) }] }),
    ],
    [
      'Username',
      () => ({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: `user-${rnd.int(USERS)}` }] }),
    ],
    [
      'EventId',
      () => ({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: rnd.pick(eventIds) }] }),
    ],
    [
      'time range (1 hour)',
      () => {
        const from = START + rnd.int(DAYS * 24 - 1) * hour;
        return { StartTime: new Date(from), EndTime: new Date(from + hour) };
      },
    ],
    [
      'ResourceName',
      () => ({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: `target-${rnd.int(10_000)}` }],
      }),
    ],
    [
      '20th page (EventName, NextToken)',
      () => {
        const [name, token] = rnd.pick(deepTokens).split('\n') as [string, string];
        return { NextToken: token, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }] };
      },
    ],
  ];
  const results: LookupMeasurement[] = [];
  for (const [name, input] of shapes) {
    for (let i = 0; i < 20; i++) await call(input()); // warm up
    const samples: number[] = [];
    let events = 0;
    const calls = 300;
    for (let i = 0; i < calls; i++) {
      const request = input();
      const start = process.hrtime.bigint();
      const result = await call(request);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      events += result.Events?.length ?? 0;
    }
    samples.sort((a, b) => a - b);
    results.push({
      name,
      p50Ms: samples[Math.floor(calls * 0.5)]!,
      p99Ms: samples[Math.floor(calls * 0.99)]!,
      calls,
      eventsPerPage: events / calls,
    });
  }
  return results;
}

/** Prints the LookupEvents table. */
export async function lookupTable(): Promise<void> {
  const { database, fillSeconds, events, results } = await lookupBenchmark();
  console.log(
    `LookupEvents on a ${database} trail of ${events.toLocaleString('en-US')} events (bulk fill: ${fillSeconds.toFixed(1)} s), in process, page size 50`,
  );
  console.log(
    ['query'.padEnd(34), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'events/page'.padStart(12)].join('  '),
  );
  for (const r of results) {
    console.log(
      [
        r.name.padEnd(34),
        r.p50Ms.toFixed(2).padStart(8),
        r.p99Ms.toFixed(2).padStart(8),
        r.eventsPerPage.toFixed(1).padStart(12),
      ].join('  '),
    );
  }
}
