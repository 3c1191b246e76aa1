import { passwordPrincipal } from '../../auth/password-attempts.js';
import { verifyPassword } from '../../auth/password.js';
import { loadPasswordPolicy } from '../../iam/account/password-policy.js';
import { passwordExpired } from '../../iam/login-profiles/password-expiry.js';
import type { HttpRequest, HttpResponse } from '../http.js';
import { sessionCookie } from './cookies.js';
import type { MfaOwner } from './mfa-checker.js';
import { requestFields } from './request-body.js';
import { consoleError, json, signinFailed, throttled } from './responses.js';
import { createSession, type SessionState } from './sessions.js';
import type { ConsoleDeps } from './settings.js';
import { accountIdOf, findSigninTarget, type SigninTarget } from './signin-principal.js';
import { principalOf } from './session-caller.js';
import { signInAttempt, type SignInSubject } from './sign-in-audit.js';

/**
 * `POST /_iamd/signin`: console sign-in with a password, and an MFA code when the principal has an enabled MFA
 * device. Fields (JSON or form): `account` (id or alias), then `user` (an IAM user's name) or `root=true`,
 * `password`, and `mfaCode`. Every failure before the password is known to be right gives one answer (401
 * AuthenticationFailed), in the time of one argon2id verification, whether the account or user exists or not.
 * With a right password and an MFA device but no code, the answer is `{"status":"mfaRequired"}`; the client sends
 * the same fields again with `mfaCode`. Locked-out attempts get 429 Throttling without any check.
 */
export async function signin(deps: ConsoleDeps, request: HttpRequest): Promise<HttpResponse> {
  const fields = requestFields(request);
  const account = fields.get('account')?.trim() ?? '';
  const root = fields.get('root') === 'true';
  const userName = fields.get('user') ?? '';
  const password = fields.get('password') ?? '';
  const mfaCode = fields.get('mfaCode');
  if (account === '' || password === '' || (!root && userName === '')) {
    return consoleError(400, 'ValidationError', 'account, password and user (or root=true) are required.');
  }
  const now = deps.clock();
  const accountId = await accountIdOf(deps.store.db, account);
  // Counted per account (by id, so that its alias is no second budget) and user name (IAM names ignore case).
  const principalKey =
    accountId === undefined
      ? `${account.toLowerCase()}:${root ? '#root' : userName.toLowerCase()}`
      : passwordPrincipal(accountId, root ? undefined : userName);
  const failure = (kind: 'signin-password' | 'signin-mfa', errorCode: string, wasThrottled: boolean) =>
    deps.onAuthFailure?.({
      kind,
      at: now,
      sourceIp: request.sourceIp,
      userAgent: request.headers['user-agent']?.[0],
      account,
      userName: root ? 'root' : userName,
      errorCode,
      throttled: wasThrottled,
    });

  // Every attempt is one ConsoleLogin event. Until the password is right the event names the principal only if it
  // exists, as CloudTrail does; a locked-out attempt is checked against nothing, so it names only the account.
  const unknown: SignInSubject = { kind: 'unknown', accountId: accountId ?? deps.accountId };
  const audit = (subject: SignInSubject, success: boolean, mfaUsed: boolean) =>
    deps.recordSignIn?.(signInAttempt(deps.partition, request, subject, { time: now, success, mfaUsed }));

  const gate = deps.passwordThrottle.check(principalKey, request.sourceIp, now);
  if (!gate.allowed) {
    audit(unknown, false, false);
    failure('signin-password', 'Throttling', true);
    return throttled(gate.retryAfterMs);
  }
  const target = await findSigninTarget(
    deps.store.db,
    accountId,
    root ? { root: true } : { root: false, userName },
  );
  // Always one verification: against the decoy hash when there is no such principal.
  const passwordOk = await verifyPassword(target?.passwordHash, password);
  const subject: SignInSubject =
    target === undefined
      ? unknown
      : target.user === undefined
        ? { kind: 'root', accountId: target.accountId }
        : { kind: 'user', accountId: target.accountId, user: target.user };
  if (target === undefined || !passwordOk) {
    audit(subject, false, false);
    deps.passwordThrottle.failure(principalKey, request.sourceIp, now);
    failure('signin-password', 'AuthenticationFailed', false);
    return signinFailed();
  }

  const owner: MfaOwner =
    target.user === undefined ? { kind: 'root' } : { kind: 'user', userId: target.user.id };
  const device = await deps.mfa.enabledDevice(target.accountId, owner);
  let mfaAuthenticatedAt: Date | undefined;
  if (device !== undefined) {
    if (mfaCode === undefined || mfaCode === '') return json(200, { status: 'mfaRequired' });
    const mfaGate = deps.mfaThrottle.check(principalKey, request.sourceIp, now);
    if (!mfaGate.allowed) {
      audit(subject, false, true);
      failure('signin-mfa', 'Throttling', true);
      return throttled(mfaGate.retryAfterMs);
    }
    if (!(await deps.mfa.consumeCode(target.accountId, device.serialNumber, mfaCode, now))) {
      audit(subject, false, true);
      deps.mfaThrottle.failure(principalKey, request.sourceIp, now);
      failure('signin-mfa', 'InvalidMfaCode', false);
      return consoleError(401, 'InvalidMfaCode', 'The MFA code is not valid.');
    }
    deps.mfaThrottle.success(principalKey);
    mfaAuthenticatedAt = now;
  }
  deps.passwordThrottle.success(principalKey);
  audit(subject, true, mfaAuthenticatedAt !== undefined);
  return startSession(deps, request, target, mfaAuthenticatedAt, now);
}

/** Opens the session after the password (and MFA code) were right, limited to a password change when one is due. */
async function startSession(
  deps: ConsoleDeps,
  request: HttpRequest,
  target: SigninTarget,
  mfaAuthenticatedAt: Date | undefined,
  now: Date,
): Promise<HttpResponse> {
  // The password policy's expiry applies to IAM users only, as the whole policy does.
  const policy =
    target.kind === 'user' ? await loadPasswordPolicy(deps.store.db, target.accountId) : undefined;
  const expired = passwordExpired(policy, target.changedAt, now);
  if (expired && policy?.HardExpiry === true) {
    return consoleError(
      403,
      'PasswordExpired',
      'Your password has expired. An administrator must reset it before you can sign in.',
    );
  }
  await recordPasswordUse(deps, target, now);
  const state: SessionState = expired || target.resetRequired ? 'password_change' : 'active';
  const principal =
    target.user === undefined ? { kind: 'root' as const } : { kind: 'user' as const, userId: target.user.id };
  const session = await createSession(
    deps.store,
    target.accountId,
    principal,
    state,
    mfaAuthenticatedAt,
    now,
  );
  return json(
    200,
    {
      status: state === 'active' ? 'signedIn' : 'passwordChangeRequired',
      csrfToken: session.csrfToken,
      principal: principalOf(deps.partition, target.accountId, target.user),
      mfaAuthenticated: mfaAuthenticatedAt !== undefined,
      ...(state === 'password_change'
        ? { reason: expired ? 'passwordExpired' : 'passwordResetRequired' }
        : {}),
    },
    { 'set-cookie': sessionCookie(session.id, request.secure) },
  );
}

/** Sign-in is the password's use: users.password_last_used, or the root's in accounts.root_password_last_used. */
async function recordPasswordUse(deps: ConsoleDeps, target: SigninTarget, now: Date): Promise<void> {
  if (target.user === undefined) {
    await deps.store.db
      .updateTable('accounts')
      .set({ root_password_last_used: now.toISOString() })
      .where('id', '=', target.accountId)
      .execute();
  } else {
    await deps.store.db
      .updateTable('users')
      .set({ password_last_used: now.toISOString() })
      .where('id', '=', target.user.id)
      .execute();
  }
}
