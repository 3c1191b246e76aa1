import { describe, expect, it } from 'vitest';
import { apiCallRecord } from './api-call-event.js';
import { parseStoredRecord, storedEventId } from './record.js';
import { recordText } from './record-text.js';
import { sampleApiCall } from './test-support/api-calls.js';
import { rootSignIn } from './test-support/root-sign-in.js';

const WRITTEN = [
  ...Array.from({ length: 28 }, (_, i) => recordText(apiCallRecord(sampleApiCall(`name-${i}`, i)))),
  recordText(rootSignIn(new Date('2026-12-06T12:00:00Z'), 'e7c1a2d4-0000-4000-8000-000000000001')),
];

/** A written record with one member changed: `undefined` removes it. */
function edited(text: string, path: readonly string[], value: unknown): string {
  const record = JSON.parse(text) as Record<string, unknown>;
  let holder = record;
  for (const step of path.slice(0, -1)) holder = holder[step] as Record<string, unknown>;
  holder[path.at(-1)!] = value;
  return JSON.stringify(record);
}

describe('parseStoredRecord', () => {
  it('reads back every kind of record iamd writes', () => {
    for (const text of WRITTEN) expect(parseStoredRecord(text)).toEqual(JSON.parse(text));
  });

  it('passes over text that is not JSON or not an object', () => {
    for (const text of ['', '{', 'null', '5', '"text"', 'true', '[]', '[{}]', '{}', '{"edited":true}'])
      expect(parseStoredRecord(text)).toBeUndefined();
  });

  it('passes over a record missing a member that readers use, or holding it with another type', () => {
    const user = WRITTEN.find((t) => t.includes('"type":"IAMUser"'))!;
    const role = WRITTEN.find((t) => t.includes('"type":"AssumedRole"'))!;
    const cases: [string, string[], unknown][] = [
      [user, ['recipientAccountId'], undefined],
      [user, ['recipientAccountId'], 123456789012],
      [user, ['eventName'], null],
      [user, ['eventSource'], ['iam.amazonaws.com']],
      [user, ['eventTime'], undefined],
      [user, ['eventID'], 7],
      [user, ['awsRegion'], undefined],
      [user, ['readOnly'], 'true'],
      [user, ['managementEvent'], undefined],
      [user, ['errorCode'], 403],
      [user, ['requestParameters'], 'userName=x'],
      [user, ['requestParameters'], undefined],
      [user, ['userIdentity'], null],
      [user, ['userIdentity'], 'root'],
      [user, ['userIdentity', 'type'], undefined],
      [user, ['userIdentity', 'accessKeyId'], 42],
      [user, ['userIdentity', 'userName'], { name: 'x' }],
      [role, ['userIdentity', 'sessionContext'], 'context'],
      [role, ['userIdentity', 'sessionContext', 'sessionIssuer'], null],
      [role, ['userIdentity', 'sessionContext', 'sessionIssuer', 'arn'], 1],
    ];
    for (const [text, path, value] of cases) {
      expect(
        parseStoredRecord(edited(text, path, value)),
        `${path.join('.')} = ${String(value)}`,
      ).toBeUndefined();
    }
    // The members a record may leave out.
    for (const path of [['userAgent'], ['errorCode'], ['requestID'], ['userIdentity', 'arn']])
      expect(parseStoredRecord(edited(user, path, undefined)), path.join('.')).toBeDefined();
  });
});

describe('storedEventId', () => {
  it("names the event by its record's id whenever the record is JSON with one", () => {
    expect(storedEventId('{"eventID":"abc","readOnly":"no"}')).toBe('abc');
    expect(storedEventId(WRITTEN.at(-1)!)).toBe('e7c1a2d4-0000-4000-8000-000000000001');
    for (const text of ['not json', 'null', '[]', '{"eventID":5}'])
      expect(storedEventId(text)).toBeUndefined();
  });
});
