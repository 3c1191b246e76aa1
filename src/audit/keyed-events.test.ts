import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { appendEvents, prepareEvent } from './append.js';
import { digestSignerFor } from './digest-signer.js';
import { eventIdAt } from './event-id.js';
import { keyedEvents, newestFirst, within, type EventBounds } from './keyed-events.js';
import { verifyTrail } from './verify.js';
import { hasLookupValue, type KeyAttribute } from './lookup-values.js';
import type { CloudTrailRecord } from './record.js';

// The keyed walk against the plain answer (every event of the account, filtered by its record, sorted), on a trail
// whose batches overlap in time as the server's do: a change's event is appended at once, reads up to a flush later.
// A change's event is appended without keys, and keyed by the next batch; the trail ends with some not keyed yet.

/** A small deterministic generator (xorshift), so a failure repeats. */
function random(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

const ACCOUNTS = ['111111111111', '222222222222'];
const USERS = ['alice', 'bob', 'carol'];
const NAMES = ['GetUser', 'ListUsers', 'CreateUser', 'GetCallerIdentity'];
const T0 = Date.parse('2026-12-01T00:00:00.000Z');

function recordOf(rnd: (n: number) => number, time: Date): CloudTrailRecord {
  const account = ACCOUNTS[rnd(ACCOUNTS.length)]!;
  const user = USERS[rnd(USERS.length)]!;
  const name = NAMES[rnd(NAMES.length)]!;
  const who = rnd(8);
  const role = `arn:aws:iam::${account}:role/${user}-role`;
  return {
    eventVersion: '1.08',
    userIdentity:
      who === 0
        ? { type: 'Root', arn: `arn:aws:iam::${account}:root`, accountId: account }
        : who === 1
          ? {
              type: 'AssumedRole',
              arn: `arn:aws:sts::${account}:assumed-role/${user}-role/session`,
              accountId: account,
              sessionContext: {
                sessionIssuer: {
                  type: 'Role',
                  principalId: 'AROAEXAMPLE',
                  arn: role,
                  accountId: account,
                  userName: `${user}-role`,
                },
                attributes: { creationDate: '2026-12-01T00:00:00Z', mfaAuthenticated: 'false' },
              },
            }
          : {
              type: 'IAMUser',
              arn: `arn:aws:iam::${account}:user/${user}`,
              accountId: account,
              accessKeyId: `AKIA${user.toUpperCase().padEnd(16, '0')}`,
              userName: user,
            },
    eventTime: `${time.toISOString().slice(0, 19)}Z`,
    eventSource: name === 'GetCallerIdentity' ? 'sts.amazonaws.com' : 'iam.amazonaws.com',
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.1',
    requestParameters: name === 'GetCallerIdentity' ? null : { userName: USERS[rnd(USERS.length)]! },
    responseElements: null,
    // Most ids carry their time; some (as from a trail before 0008) do not, and need an EventId key.
    eventID: rnd(5) === 0 ? randomUUID() : eventIdAt(time),
    readOnly: name !== 'CreateUser',
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
  };
}

let store: Store;
const all: { seq: number; event_time: string; record: CloudTrailRecord }[] = [];
/** The last seq of the last batch: the events after it are changes not keyed yet. */
let keyedUpTo = 0;

beforeAll(async () => {
  store = await openSqliteStore(':memory:');
  const rnd = random(20261206);
  const signer = digestSignerFor(new Uint8Array(32).fill(1));
  let clock = T0;
  let seq = 0;
  for (let b = 0; b < 64; b++) {
    // A batch of up to 12 events; its times go back up to 3 s before the clock, so batches interleave in time, and
    // several events share a millisecond. A third are changes, one event each; so are the last four appends.
    const keying = rnd(3) === 0 || b >= 60 ? 'change' : 'batch';
    const size = keying === 'change' ? 1 : 1 + rnd(12);
    clock += rnd(2000);
    const events = Array.from({ length: size }, () => {
      const time = new Date(clock - rnd(3000));
      return { time, record: recordOf(rnd, time) };
    });
    const prepared = events.map((e) => prepareEvent({ time: e.time, record: () => e.record }));
    await store.transaction((tx) =>
      appendEvents(tx, prepared, signer, { everyEvents: 1e9 }, new Date(clock), keying),
    );
    for (const e of events) all.push({ seq: ++seq, event_time: e.time.toISOString(), record: e.record });
    if (keying === 'batch') keyedUpTo = seq;
  }
});
afterAll(() => store.close());

function expected(
  account: string,
  key: KeyAttribute,
  value: string,
  bounds: EventBounds,
  limit: number,
): number[] {
  return all
    .filter(
      (e) =>
        e.record.recipientAccountId === account && within(e, bounds) && hasLookupValue(e.record, key, value),
    )
    .sort(newestFirst)
    .slice(0, limit + 1)
    .map((e) => e.seq);
}

describe('keyedEvents', () => {
  it('finds what a plain filter and sort find, for every attribute, bounds, cursor and page size', async () => {
    const rnd = random(7);
    let compared = 0;
    let nonEmpty = 0;
    for (let i = 0; i < 400; i++) {
      const sample = all[rnd(all.length)]!;
      const account = rnd(4) === 0 ? ACCOUNTS[rnd(2)]! : sample.record.recipientAccountId;
      const keys: [KeyAttribute, string][] = [
        ['Account', account],
        ['Account', account],
        ['SessionIssuer', `arn:aws:iam::${account}:role/${USERS[rnd(USERS.length)]!}-role`],
        ['Username', 'session'],
        ['EventName', sample.record.eventName],
        ['EventSource', sample.record.eventSource],
        ['ReadOnly', rnd(2) === 0 ? 'true' : 'false'],
        ['Username', USERS[rnd(USERS.length)]!],
        ['Username', 'root'],
        ['AccessKeyId', sample.record.userIdentity.accessKeyId ?? 'AKIANONE'],
        ['ResourceName', USERS[rnd(USERS.length)]!],
        ['ResourceType', 'AWS::IAM::User'],
        ['EventId', sample.record.eventID],
        ['EventName', 'DeleteUser'],
      ];
      const [key, value] = keys[rnd(keys.length)]!;
      const time = (offset: number) => new Date(T0 + offset).toISOString();
      const span = 60 * 2000;
      const bounds: EventBounds = {
        ...(rnd(3) === 0 ? { start: time(rnd(span)) } : {}),
        ...(rnd(3) === 0 ? { end: time(rnd(span)) } : {}),
        ...(rnd(2) === 0 ? { after: { eventTime: sample.event_time, seq: sample.seq } } : {}),
      };
      const limit = 1 + rnd(8);
      const want = expected(account, key, value, bounds, limit);
      const got = await keyedEvents(store.db, account, key, value, bounds, limit);
      expect({ key, value, bounds, limit, seqs: got.map((e) => e.seq) }).toEqual({
        key,
        value,
        bounds,
        limit,
        seqs: want,
      });
      compared++;
      if (want.length > 0) nonEmpty++;
    }
    expect(compared).toBe(400);
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it('covers changes keyed by a later batch and changes not keyed yet, and verify accepts both', async () => {
    const head = await store.db.selectFrom('audit_chain').selectAll().executeTakeFirstOrThrow();
    expect(head.seq).toBe(all.length);
    expect(head.keyed_seq).toBe(keyedUpTo);
    expect(head.seq - head.keyed_seq).toBeGreaterThanOrEqual(4);
    const keys = await store.db.selectFrom('audit_event_keys').select(['first_seq', 'last_seq']).execute();
    expect(keys.every((k) => k.last_seq <= head.keyed_seq)).toBe(true);
    const report = await verifyTrail(store.db, digestSignerFor(new Uint8Array(32).fill(1)));
    expect(report).toMatchObject({ events: all.length, problems: [] });
  });

  it('with no limit, returns every match', async () => {
    const got = await keyedEvents(store.db, ACCOUNTS[0]!, 'Username', 'alice', {}, Infinity);
    expect(got.map((e) => e.seq)).toEqual(expected(ACCOUNTS[0]!, 'Username', 'alice', {}, Infinity));
    expect(got.length).toBeGreaterThan(10);
  });

  it('finds a value too long to store as it is, and verify accepts its key', async () => {
    const own = await openSqliteStore(':memory:');
    try {
      const time = new Date(T0);
      const long = `Unknown${'x'.repeat(3000)}`;
      const record = { ...recordOf(random(1), time), eventName: long, recipientAccountId: ACCOUNTS[0]! };
      const prepared = [prepareEvent({ time, record: () => record })];
      const signer = digestSignerFor(new Uint8Array(32).fill(1));
      await own.transaction((tx) => appendEvents(tx, prepared, signer, { everyEvents: 1 }, time));
      const stored = await own.db
        .selectFrom('audit_event_keys')
        .select('value')
        .where('attribute', '=', 'EventName')
        .execute();
      expect(stored.map((k) => k.value)).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
      const found = await keyedEvents(own.db, ACCOUNTS[0]!, 'EventName', long, {}, 50);
      expect(found.map((e) => e.parsed.eventName)).toEqual([long]);
      expect((await verifyTrail(own.db, signer)).problems).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
