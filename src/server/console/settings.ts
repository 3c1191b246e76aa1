import type { SignInAttempt } from '../../audit/sign-in-event.js';
import type { AuthFailureListener } from '../../auth/auth-failure.js';
import type { AuthThrottle } from '../../auth/auth-throttle.js';
import type { Store } from '../../store/store.js';
import type { MfaChecker } from './mfa-checker.js';

/** How long console sessions last. */
export interface ConsoleSessionSettings {
  /** A session unused for this long ends. */
  readonly idleTimeoutMs: number;
  /** A session ends this long after sign-in, however busy. */
  readonly absoluteTimeoutMs: number;
}

/**
 * The defaults: 1 hour idle, 12 hours in all. AWS's console keeps a session up to 12 hours for IAM users (and
 * signs root out after about an hour idle); iamd uses one idle timeout for both.
 */
export const DEFAULT_CONSOLE_SESSIONS: ConsoleSessionSettings = {
  idleTimeoutMs: 60 * 60_000,
  absoluteTimeoutMs: 12 * 60 * 60_000,
};

/** What the console's back end is built from. */
export interface ConsoleDeps {
  readonly store: Store;
  readonly partition: string;
  readonly clock: () => Date;
  readonly sessions: ConsoleSessionSettings;
  /** Wrong console passwords, per user and per source address. */
  readonly passwordThrottle: AuthThrottle;
  /** Wrong MFA codes at sign-in, per user and per source address. */
  readonly mfaThrottle: AuthThrottle;
  readonly mfa: MfaChecker;
  readonly onAuthFailure?: AuthFailureListener | undefined;
  /** The account the server serves: the recipient of sign-in events that name an unknown account. */
  readonly accountId: string;
  /** Records sign-ins (successful or not) and sign-outs in the audit trail; absent with the trail off. */
  readonly recordSignIn?: ((attempt: SignInAttempt) => void) | undefined;
}
