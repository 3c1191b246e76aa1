import { describe, expect, it } from 'vitest';
import type { Caller } from '../operation/context.js';
import { apiCallRecord, type ApiCall } from './api-call-event.js';
import { eventIdAt } from './event-id.js';
import type { CloudTrailRecord } from './record.js';
import { recordText } from './record-text.js';
import { sampleApiCall } from './test-support/api-calls.js';
import { rootSignIn } from './test-support/root-sign-in.js';

// The stored text is the hashed text and LookupEvents' CloudTrailEvent: recordText must write what JSON.stringify
// writes, byte for byte, whatever the record holds.
const AWKWARD = [
  '',
  'plain',
  'a "quoted" word',
  'back\\slash',
  'line\nbreak\ttab\u0000nul\u001f',
  'unicode é ü 漢字 \u2028 \u2029',
  'emoji 😀 pair',
  'lone \ud800 high',
  'lone \udfff low',
  '</script>',
];

describe('recordText', () => {
  it('writes exactly what JSON.stringify writes, for API calls of every shape', () => {
    let i = 0;
    for (const text of AWKWARD)
      for (let k = 0; k < 12; k++) {
        const record = apiCallRecord(sampleApiCall(text, i++));
        expect(recordText(record)).toBe(JSON.stringify(record));
        // A second time, with the identity's text kept.
        expect(recordText(record)).toBe(JSON.stringify(record));
      }
  });

  it('writes console sign-ins and records with members CloudTrail omits', () => {
    const signIn = rootSignIn(new Date('2026-12-06T12:00:00Z'), eventIdAt(new Date()));
    expect(recordText(signIn)).toBe(JSON.stringify(signIn));
    const sparse = {
      eventVersion: '1.08',
      userAgent: undefined,
      readOnly: false,
    } as unknown as CloudTrailRecord;
    expect(recordText(sparse)).toBe('{"eventVersion":"1.08","readOnly":false}');
    expect(recordText({} as CloudTrailRecord)).toBe('{}');
  });

  // One caller's calls of one operation are written from the layout kept from the last of them (record-text.ts);
  // these runs change one member at a time, the varying ones and the others, so that both ways are taken.
  it('writes runs of one caller’s calls exactly, whatever member changes between them', () => {
    const caller: Caller = {
      kind: 'user',
      accountId: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/alice',
      userId: 'AIDAEXAMPLE',
      accessKeyId: 'AKIAEXAMPLE',
      userName: 'alice',
    };
    const base: ApiCall = {
      time: new Date('2026-12-06T12:00:00.000Z'),
      accountId: '123456789012',
      service: 'iam',
      operation: 'GetUser',
      region: 'us-east-1',
      sourceIp: '192.0.2.1',
      userAgent: 'agent',
      requestId: 'req-0',
      host: 'localhost',
      caller,
      claimedAccessKeyId: undefined,
      input: { UserName: 'bob' },
    };
    const changes: Partial<ApiCall>[] = [
      {},
      { time: new Date('2026-12-06T12:00:01.500Z'), requestId: 'req-1' },
      { requestId: 'req "2"' },
      { input: { UserName: 'carol' } },
      { input: undefined },
      { input: {} },
      { userAgent: 'another agent' },
      { userAgent: undefined },
      { userAgent: 'a "quoted" agent' },
      { sourceIp: '198.51.100.7' },
      { region: undefined },
      { error: { code: 'AccessDenied', message: 'denied' } },
      { error: { code: 'AccessDenied', message: 'denied \n again' } },
      { error: { code: 'NoSuchEntity', message: 'denied' } },
      { tls: { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' } },
      { tls: { version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' }, host: 'example.com' },
      { eventId: 'not-a-uuid' },
      { operation: 'ListUsers', input: {} },
      { operation: 'CreateUser', output: { User: { UserName: 'bob' } } },
      { operation: 'CreateUser', output: { User: { UserName: 'dave' } } },
      {
        operation: 'CreateUser',
        output: { User: { UserName: 'dave' } },
        error: { code: 'Throttling', message: 'x' },
      },
    ];
    for (let round = 0; round < 3; round++)
      for (const [i, change] of changes.entries()) {
        // Each change once after the call before it, and once after the unchanged call.
        for (const call of [
          { ...base, ...change },
          base,
          { ...base, ...change, requestId: `req-${round}-${i}` },
        ]) {
          const record = apiCallRecord(call);
          expect(recordText(record)).toBe(JSON.stringify(record));
        }
      }
  });

  it('writes records of one caller and operation whose members differ in order or in presence', () => {
    const record = apiCallRecord(sampleApiCall('x', 1));
    expect(recordText(record)).toBe(JSON.stringify(record));
    const { eventVersion, ...rest } = record;
    const variants: CloudTrailRecord[] = [
      { ...rest, eventVersion } as CloudTrailRecord, // the first member last
      { ...record, eventTime: undefined } as unknown as CloudTrailRecord, // a varying member left out
      { ...record, extra: 'member' } as CloudTrailRecord, // a member more
      withoutLast(record), // a member fewer
      { ...record, awsRegion: 'same', sourceIPAddress: 'same' },
      swapped({ ...record, awsRegion: 'same', sourceIPAddress: 'same' }, 'awsRegion', 'sourceIPAddress'), // same values
      { ...record, readOnly: !record.readOnly }, // a member of another value
      { requestID: 'first', ...record } as CloudTrailRecord, // a varying member first
      { eventVersion: undefined, ...rest } as unknown as CloudTrailRecord, // the first member left out
    ];
    for (const variant of variants) {
      // Twice in a row, so that the second is written from the first's layout, then after the record.
      for (const next of [variant, variant, record, variant, variant]) {
        expect(recordText(next)).toBe(JSON.stringify(next));
      }
    }
  });

  it('writes the calls of one caller with many operation names (as failed calls name unknown actions)', () => {
    const call = sampleApiCall('z', 2);
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 200; i++) {
        const record = apiCallRecord({ ...call, operation: `Action${i % 150}`, requestId: `r${round}-${i}` });
        expect(recordText(record)).toBe(JSON.stringify(record));
      }
  });

  it('writes an object member as it is now, even when the same object was written before', () => {
    const shared = { n: 1 };
    const record = { ...apiCallRecord(sampleApiCall('y', 1)), extra: shared } as CloudTrailRecord;
    expect(recordText(record)).toBe(JSON.stringify(record));
    shared.n = 2;
    expect(recordText(record)).toBe(JSON.stringify(record));
  });
});

function withoutLast(record: CloudTrailRecord): CloudTrailRecord {
  const copy: Record<string, unknown> = { ...record };
  delete copy[Object.keys(copy).at(-1)!];
  return copy as unknown as CloudTrailRecord;
}

/** The record with members `a` and `b` trading places (and values). */
function swapped(record: CloudTrailRecord, a: string, b: string): CloudTrailRecord {
  const entries = Object.entries(record);
  const i = entries.findIndex(([key]) => key === a);
  const j = entries.findIndex(([key]) => key === b);
  [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  return Object.fromEntries(entries) as unknown as CloudTrailRecord;
}
