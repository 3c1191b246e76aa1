import type { CloudTrailRecord } from '../record.js';
import { signInRecord } from '../sign-in-event.js';

/** TEST SUPPORT ONLY: the record of the account's root user signing in to the console at `time`. */
export function rootSignIn(time: Date, eventId: string): CloudTrailRecord {
  return signInRecord({
    time,
    accountId: '123456789012',
    identity: { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root' },
    sourceIp: '192.0.2.1',
    userAgent: undefined,
    success: true,
    mfaUsed: false,
    loginTo: 'console',
    eventId,
  });
}
