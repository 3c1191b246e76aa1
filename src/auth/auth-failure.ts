/**
 * An authentication failure, reported to whoever watches them (the audit trail): every wrong console password,
 * wrong MFA code at sign-in, wrong old password in a password change, and failed SigV4 signature, including
 * attempts refused because of a lockout.
 */
export interface AuthFailureEvent {
  readonly kind: 'signin-password' | 'signin-mfa' | 'change-password' | 'signature';
  readonly at: Date;
  readonly sourceIp: string;
  readonly userAgent?: string | undefined;
  /** The account the attempt named (sign-in: as resolved; unknown accounts keep what was typed). */
  readonly account?: string | undefined;
  /** Sign-in: the user name tried, or `root`. */
  readonly userName?: string | undefined;
  /** SigV4: the access key id the request named. */
  readonly accessKeyId?: string | undefined;
  /** The AWS error code or sign-in outcome given to the caller. */
  readonly errorCode: string;
  /** True when the attempt was refused because of a lockout, without checking the secret. */
  readonly throttled: boolean;
}

/** Receives authentication failures. It must not throw, and must not be slow: it runs on the request path. */
export type AuthFailureListener = (event: AuthFailureEvent) => void;
