import { describe, expect, it } from 'vitest';
import { apiCallRecord, type ApiCall } from './api-call-event.js';
import { redact, redactByTable, REDACTIONS, SECRET_MEMBERS } from './redaction.js';

/** An object holding `value` at `path`, with a sibling member at every level that must survive. */
function holding(path: readonly string[], value: string): Record<string, unknown> {
  const [head, ...rest] = path;
  return { Kept: 'visible', [head!]: rest.length === 0 ? value : holding(rest, value) };
}

function at(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

const entries = Object.entries(REDACTIONS).flatMap(([operation, r]) => [
  ...(r.request ?? []).map((path) => [operation, 'request', path] as const),
  ...(r.response ?? []).map((path) => [operation, 'response', path] as const),
]);

describe('the redaction table', () => {
  it.each(entries)('%s drops %s member %s and keeps its siblings', (operation, part, path) => {
    const parts = path.split('.');
    const value = holding(parts, 'SECRET-VALUE-1234567890');
    // The table entry alone removes it (the backstop is tested on its own below).
    const out = redactByTable(operation, part, value);
    expect(JSON.stringify(out)).not.toContain('SECRET-VALUE-1234567890');
    expect(JSON.stringify(redactByTable('NotThisOperation', part, value))).toContain(
      'SECRET-VALUE-1234567890',
    );
    expect(at(out, [...parts.slice(0, -1), 'Kept'])).toBe('visible');
    expect(at(value, parts)).toBe('SECRET-VALUE-1234567890'); // the input is not mutated
  });

  it('drops a secret member wherever it appears, even in an operation without an entry', () => {
    for (const member of SECRET_MEMBERS) {
      const value = { List: [{ Deep: { [member]: 'x-secret', Other: 'kept' } }] };
      expect(JSON.stringify(redact('SomeFutureOperation', 'response', value))).toBe(
        '{"list":[{"deep":{"other":"kept"}}]}',
      );
    }
  });

  it('keeps what CloudTrail keeps: the access key id, the expiration, the assumed role user', () => {
    const call: ApiCall = {
      eventId: 'e',
      time: new Date('2026-11-27T21:00:00.250Z'),
      accountId: '123456789012',
      service: 'sts',
      operation: 'AssumeRole',
      region: 'eu-west-1',
      sourceIp: '127.0.0.1',
      userAgent: undefined,
      requestId: 'r',
      host: undefined,
      caller: undefined,
      claimedAccessKeyId: 'AKIAEXAMPLE',
      input: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's', TokenCode: '123456' },
      output: {
        Credentials: {
          AccessKeyId: 'ASIAEXAMPLE',
          SecretAccessKey: 'secret-secret',
          SessionToken: 'token-token',
          Expiration: new Date('2026-11-27T22:00:00Z'),
        },
        AssumedRoleUser: { AssumedRoleId: 'AROAX:s', Arn: 'arn:aws:sts::123456789012:assumed-role/r/s' },
      },
    };
    const record = apiCallRecord(call);
    expect(record.requestParameters).toEqual({
      roleArn: 'arn:aws:iam::123456789012:role/r',
      roleSessionName: 's',
    });
    expect(record.responseElements).toEqual({
      credentials: { accessKeyId: 'ASIAEXAMPLE', expiration: 'Nov 27, 2026, 10:00:00 PM' },
      assumedRoleUser: { assumedRoleId: 'AROAX:s', arn: 'arn:aws:sts::123456789012:assumed-role/r/s' },
    });
    expect(record.awsRegion).toBe('eu-west-1');
    expect(record.eventTime).toBe('2026-11-27T21:00:00Z');
    expect(record.resources).toEqual([
      { accountId: '123456789012', type: 'AWS::IAM::Role', ARN: 'arn:aws:iam::123456789012:role/r' },
    ]);
  });
});
