import type { SignInAttempt } from '../../audit/sign-in-event.js';
import type { UserIdentity } from '../../audit/record.js';
import type { UserRow } from '../../iam/common/entity-lookup.js';
import type { HttpRequest } from '../http.js';

/**
 * What CloudTrail writes as the user name of a failed sign-in that names no existing user ("AWS Management
 * Console sign-in events", CloudTrail user guide), so that the trail does not collect mistyped passwords pasted
 * into the user name field.
 */
const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** Who a sign-in or sign-out event names: the user or root, or, for an unknown principal, only the account. */
export type SignInSubject =
  | { readonly kind: 'user'; readonly accountId: string; readonly user: UserRow }
  | { readonly kind: 'root'; readonly accountId: string }
  | { readonly kind: 'unknown'; readonly accountId: string };

/** The userIdentity CloudTrail gives a console sign-in (IAMUser or Root; an unknown user is hidden). */
export function signInIdentity(partition: string, subject: SignInSubject): UserIdentity {
  switch (subject.kind) {
    case 'user':
      return {
        type: 'IAMUser',
        principalId: subject.user.id,
        arn: subject.user.arn,
        accountId: subject.accountId,
        userName: subject.user.name,
      };
    case 'root':
      return {
        type: 'Root',
        principalId: subject.accountId,
        arn: `arn:${partition}:iam::${subject.accountId}:root`,
        accountId: subject.accountId,
      };
    case 'unknown':
      return { type: 'IAMUser', accountId: subject.accountId, userName: HIDDEN };
  }
}

/** A sign-in attempt (or sign-out) for the audit trail, from the request and its outcome. */
export function signInAttempt(
  partition: string,
  request: HttpRequest,
  subject: SignInSubject,
  outcome: {
    readonly time: Date;
    readonly success: boolean;
    readonly mfaUsed: boolean;
    readonly eventName?: 'ConsoleLogin' | 'ConsoleLogout';
  },
): SignInAttempt {
  const host = request.headers['host']?.[0] ?? 'localhost';
  return {
    ...outcome,
    accountId: subject.accountId,
    identity: signInIdentity(partition, subject),
    sourceIp: request.sourceIp,
    userAgent: request.headers['user-agent']?.[0],
    loginTo: `${request.secure ? 'https' : 'http'}://${host}/console/`,
  };
}
