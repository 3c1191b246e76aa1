import { describe, expect, it } from 'vitest';
import { apiCallRecord } from './api-call-event.js';
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
});
