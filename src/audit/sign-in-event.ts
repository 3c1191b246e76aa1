import type { AuditTrail } from './audit-trail.js';
import { EVENT_VERSION } from './api-call-event.js';
import { isoSeconds } from '../protocol/iso-time.js';
import { eventIdAt } from './event-id.js';
import type { CloudTrailRecord, UserIdentity } from './record.js';

/** A console sign-in attempt, as the sign-in code knows it. */
export interface SignInAttempt {
  readonly time: Date;
  readonly accountId: string;
  /** Who signed in: `IAMUser` or `Root`, with principalId, arn and userName where known. */
  readonly identity: UserIdentity;
  readonly sourceIp: string;
  readonly userAgent: string | undefined;
  readonly success: boolean;
  /** Whether the sign-in used an MFA code. */
  readonly mfaUsed: boolean;
  /** The console URL the user signed in to (CloudTrail's `LoginTo`). */
  readonly loginTo: string;
  readonly eventId?: string | undefined;
  /**
   * `ConsoleLogin` (the default) or `ConsoleLogout` for a sign-out. CloudTrail documents sign-in events only;
   * recording sign-outs in the same shape, with `responseElements.ConsoleLogout`, is iamd's choice.
   */
  readonly eventName?: 'ConsoleLogin' | 'ConsoleLogout' | undefined;
}

/**
 * CloudTrail's record of a console sign-in ("AWS Management Console sign-in events" in the CloudTrail user
 * guide): eventSource `signin.amazonaws.com`, eventName `ConsoleLogin`, eventType `AwsConsoleSignIn`, recorded in
 * us-east-1, with `responseElements.ConsoleLogin` `Success` or `Failure`, `additionalEventData`
 * {LoginTo, MobileVersion, MFAUsed}, and on failure the errorMessage `Failed authentication`. No password or MFA
 * code is part of it.
 */
export function signInRecord(attempt: SignInAttempt): CloudTrailRecord {
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: attempt.identity,
    eventTime: isoSeconds(attempt.time),
    eventSource: 'signin.amazonaws.com',
    eventName: attempt.eventName ?? 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: attempt.sourceIp,
    ...(attempt.userAgent !== undefined ? { userAgent: attempt.userAgent } : {}),
    ...(attempt.success ? {} : { errorMessage: 'Failed authentication' }),
    requestParameters: null,
    responseElements: { [attempt.eventName ?? 'ConsoleLogin']: attempt.success ? 'Success' : 'Failure' },
    additionalEventData: {
      LoginTo: attempt.loginTo,
      MobileVersion: 'No',
      MFAUsed: attempt.mfaUsed ? 'Yes' : 'No',
    },
    eventID: attempt.eventId ?? eventIdAt(attempt.time),
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: attempt.accountId,
    eventCategory: 'Management',
  };
}

/** Records a console sign-in attempt in the trail (buffered: a sign-in changes no IAM state). */
export function recordSignIn(trail: AuditTrail, attempt: SignInAttempt): void {
  trail.enqueue({ time: attempt.time, record: () => signInRecord(attempt) });
}
