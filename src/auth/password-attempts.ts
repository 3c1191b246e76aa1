import { AwsError } from '../errors/aws-error.js';
import type { AuthFailureListener } from './auth-failure.js';
import type { AuthThrottle } from './auth-throttle.js';

/**
 * Guessing a password through ChangePassword's OldPassword (or the console's password change), for one request:
 * the attempts share the console sign-in's lockout, per principal (`ACCOUNT:user`, or `ACCOUNT:#root`) and per
 * source address, so that credentials already held cannot be used to guess a password faster than sign-in allows.
 */
export interface PasswordAttempts {
  /** Throws AWS's Throttling "Rate exceeded" while the principal or address is locked out. */
  guard(principal: string, userName: string): void;
  failed(principal: string, userName: string): void;
  succeeded(principal: string): void;
}

/** The principal key a user's password attempts are counted under (the same as console sign-in's). */
export function passwordPrincipal(accountId: string, userName: string | undefined): string {
  return `${accountId}:${userName === undefined ? '#root' : userName.toLowerCase()}`;
}

/** Password attempts for one request from `sourceIp`, counted in `throttle` and reported to `onAuthFailure`. */
export function passwordAttemptsFor(
  throttle: AuthThrottle,
  onAuthFailure: AuthFailureListener | undefined,
  request: { readonly sourceIp: string; readonly userAgent?: string | undefined },
  accountId: string,
  now: Date,
): PasswordAttempts {
  const report = (userName: string, errorCode: string, throttled: boolean) =>
    onAuthFailure?.({
      kind: 'change-password',
      at: now,
      sourceIp: request.sourceIp,
      userAgent: request.userAgent,
      account: accountId,
      userName,
      errorCode,
      throttled,
    });
  return {
    guard: (principal, userName) => {
      if (!throttle.check(principal, request.sourceIp, now).allowed) {
        report(userName, 'Throttling', true);
        throw new AwsError('Throttling', 'Rate exceeded');
      }
    },
    failed: (principal, userName) => {
      throttle.failure(principal, request.sourceIp, now);
      report(userName, 'AccessDenied', false);
    },
    succeeded: (principal) => throttle.success(principal),
  };
}
