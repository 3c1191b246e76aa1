import { DEFAULT_THROTTLE, Throttle, type ThrottleCheck, type ThrottleSettings } from './throttle.js';

/**
 * How one kind of credential is throttled: per principal (a user, an access key id) and per source address. The
 * address gets more free failures, since many principals may share one address (a NAT, a test runner).
 */
export interface AuthThrottleSettings {
  readonly principal: ThrottleSettings;
  readonly address: ThrottleSettings;
}

/** Console passwords and sign-in MFA codes: 5 failures per user, 20 per address, then 1 s doubling to 15 min. */
export const SIGNIN_THROTTLE: AuthThrottleSettings = {
  principal: DEFAULT_THROTTLE,
  address: { ...DEFAULT_THROTTLE, freeFailures: 20 },
};

/**
 * SigV4 signatures: 10 failures per access key id, 40 per address, then 1 s doubling to 15 min. More than for
 * passwords, since a misconfigured client fails repeatedly before anyone notices, and a 40-character secret key
 * cannot be guessed anyway: the lockout slows scanning for key ids and bounds the cost of floods.
 */
export const SIGNATURE_THROTTLE: AuthThrottleSettings = {
  principal: { ...DEFAULT_THROTTLE, freeFailures: 10 },
  address: { ...DEFAULT_THROTTLE, freeFailures: 40 },
};

/** A throttle per principal and one per source address, checked and counted together. */
export class AuthThrottle {
  private readonly principals: Throttle;
  private readonly addresses: Throttle;

  constructor(settings: AuthThrottleSettings) {
    this.principals = new Throttle(settings.principal);
    this.addresses = new Throttle(settings.address);
  }

  /** Whether an attempt by `principal` (when known) from `address` may go ahead now. */
  check(principal: string | undefined, address: string, now: Date): ThrottleCheck {
    const byAddress = this.addresses.check([address], now);
    const byPrincipal = principal === undefined ? byAddress : this.principals.check([principal], now);
    const wait = Math.max(
      byAddress.allowed ? 0 : byAddress.retryAfterMs,
      byPrincipal.allowed ? 0 : byPrincipal.retryAfterMs,
    );
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : byAddress;
  }

  /** Counts a failed attempt against the principal (when known) and the address. */
  failure(principal: string | undefined, address: string, now: Date): void {
    this.addresses.failure([address], now);
    if (principal !== undefined) this.principals.failure([principal], now);
  }

  /**
   * Clears the principal after a success. The address keeps its count, so that one valid account does not
   * reset an address that is guessing at others.
   */
  success(principal: string): void {
    this.principals.success(principal);
  }
}
