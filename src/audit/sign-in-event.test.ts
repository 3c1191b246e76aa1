import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import { AuditTrail } from './audit-trail.js';
import { digestSignerFor } from './digest-signer.js';
import { recordSignIn, signInRecord } from './sign-in-event.js';

const attempt = {
  time: new Date('2026-11-27T21:00:00.500Z'),
  accountId: '123456789012',
  identity: {
    type: 'IAMUser' as const,
    principalId: 'AIDAEXAMPLE',
    arn: 'arn:aws:iam::123456789012:user/alice',
    accountId: '123456789012',
    userName: 'alice',
  },
  sourceIp: '192.0.2.1',
  userAgent: 'Mozilla/5.0',
  mfaUsed: true,
  loginTo: 'http://127.0.0.1:4599/console/',
};

describe('console sign-in events', () => {
  it('a success is a ConsoleLogin event in CloudTrail shape', () => {
    const record = signInRecord({ ...attempt, success: true });
    expect(record).toMatchObject({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      awsRegion: 'us-east-1',
      eventTime: '2026-11-27T21:00:00Z',
      requestParameters: null,
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { LoginTo: attempt.loginTo, MobileVersion: 'No', MFAUsed: 'Yes' },
      userIdentity: attempt.identity,
    });
    expect(record.errorMessage).toBeUndefined();
  });

  it('a failure says Failure and "Failed authentication"', () => {
    const record = signInRecord({ ...attempt, success: false, mfaUsed: false });
    expect(record.responseElements).toEqual({ ConsoleLogin: 'Failure' });
    expect(record.errorMessage).toBe('Failed authentication');
    expect(record.additionalEventData).toMatchObject({ MFAUsed: 'No' });
  });

  it('recordSignIn appends it to the trail', async () => {
    const store = await openSqliteStore(':memory:');
    const trail = new AuditTrail({
      store,
      signer: digestSignerFor(new Uint8Array(32)),
      clock: () => attempt.time,
    });
    recordSignIn(trail, { ...attempt, success: true });
    await trail.close();
    const rows = await store.db.selectFrom('audit_events').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.record)).toMatchObject({
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      userIdentity: { userName: 'alice' },
    });
    const keys = await store.db.selectFrom('audit_event_keys').select(['attribute', 'value']).execute();
    expect(keys).toEqual(
      expect.arrayContaining([
        { attribute: 'EventName', value: 'ConsoleLogin' },
        { attribute: 'EventSource', value: 'signin.amazonaws.com' },
        { attribute: 'Username', value: 'alice' },
      ]),
    );
    await store.close();
  });
});
