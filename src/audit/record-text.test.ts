import { describe, expect, it } from 'vitest';
import { apiCallRecord, type ApiCall } from './api-call-event.js';
import { eventIdAt } from './event-id.js';
import type { CloudTrailRecord } from './record.js';
import { recordText } from './record-text.js';
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

function call(text: string, i: number): ApiCall {
  const time = new Date(Date.UTC(2026, 11, 6, 12, 0, 0, i));
  return {
    time,
    accountId: '123456789012',
    service: i % 2 === 0 ? 'iam' : 'sts',
    operation: i % 3 === 0 ? 'CreateUser' : 'GetUser',
    region: i % 4 === 0 ? undefined : 'eu-west-1',
    sourceIp: '192.0.2.1',
    userAgent: i % 5 === 0 ? undefined : `agent ${text}`,
    requestId: `req-${i}`,
    host: 'localhost',
    tls: i % 2 === 0 ? undefined : { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' },
    caller:
      i % 7 === 0
        ? undefined
        : {
            kind: 'user',
            arn: `arn:aws:iam::123456789012:user/${text}`,
            accountId: '123456789012',
            accessKeyId: 'AKIAEXAMPLE',
            userId: 'AIDAEXAMPLE',
            userName: text,
          },
    claimedAccessKeyId: i % 7 === 0 ? 'AKIACLAIMED' : undefined,
    input: i % 6 === 0 ? undefined : { UserName: text, Tags: [{ Key: text, Value: 'v' }] },
    output: { User: { UserName: text, CreateDate: time } },
    ...(i % 4 === 1 ? { error: { code: 'AccessDenied', message: `denied: ${text}` } } : {}),
  } as ApiCall;
}

describe('recordText', () => {
  it('writes exactly what JSON.stringify writes, for API calls of every shape', () => {
    let i = 0;
    for (const text of AWKWARD)
      for (let k = 0; k < 12; k++) {
        const record = apiCallRecord(call(text, i++));
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
});
