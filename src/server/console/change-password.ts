import { passwordPrincipal } from '../../auth/password-attempts.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { incorrectOldPassword } from '../../iam/login-profiles/change-own-password.js';
import { PASSWORD_PATTERN } from '../../iam/login-profiles/login-profile-input.js';
import type { HttpRequest, HttpResponse } from '../http.js';
import { requestFields } from './request-body.js';
import { consoleError, json } from './responses.js';
import type { QueryRunner } from './routes.js';
import { sessionCaller } from './session-caller.js';
import { activateSession, type ConsoleSessionRow } from './sessions.js';
import type { ConsoleDeps } from './settings.js';

/** iamd's rule for the root password (the account password policy does not apply to root): 8–128 characters. */
const ROOT_PASSWORD = new RegExp(`^${PASSWORD_PATTERN.slice(0, -1)}{8,128}$`);

/**
 * `POST /_iamd/console/change-password` (`oldPassword`, `newPassword`): the session's principal changes its own
 * password, which also completes a forced change (PasswordResetRequired, or an expired password). An IAM user's
 * change is the ChangePassword operation, run as the user through the same authorization path as a signed call
 * (so the user needs iam:ChangePassword, which AllowUsersToChangePassword grants); its errors are AWS's, in
 * AWS's XML. The root user's password is changed here only, with the old password.
 */
export async function changeConsolePassword(
  deps: ConsoleDeps,
  request: HttpRequest,
  session: ConsoleSessionRow,
  query: QueryRunner,
  region: string,
): Promise<HttpResponse> {
  const fields = requestFields(request);
  const oldPassword = fields.get('oldPassword') ?? '';
  const newPassword = fields.get('newPassword') ?? '';
  const caller = await sessionCaller(deps.store, deps.partition, session);
  if (caller === undefined)
    return consoleError(401, 'NotSignedIn', 'There is no console session, or it has ended.');
  if (caller.kind === 'user') {
    const body = new URLSearchParams({
      Action: 'ChangePassword',
      Version: '2010-05-08',
      OldPassword: oldPassword,
      NewPassword: newPassword,
    });
    const response = await query(
      {
        ...request,
        query: '',
        headers: { ...request.headers, 'content-type': ['application/x-www-form-urlencoded'] },
        body: Buffer.from(body.toString(), 'utf8'),
      },
      async () => ({ caller, region }),
    );
    if (response.status !== 200) return response;
    await activateSession(deps.store, session.id_hash);
    return json(200, { status: 'passwordChanged' });
  }
  return changeRootPassword(deps, session, request.sourceIp, oldPassword, newPassword);
}

async function changeRootPassword(
  deps: ConsoleDeps,
  session: ConsoleSessionRow,
  sourceIp: string,
  oldPassword: string,
  newPassword: string,
): Promise<HttpResponse> {
  const account = await deps.store.db
    .selectFrom('accounts')
    .select('root_password_hash')
    .where('id', '=', session.account_id)
    .executeTakeFirst();
  const principal = passwordPrincipal(session.account_id, undefined);
  const now = deps.clock();
  if (!deps.passwordThrottle.check(principal, sourceIp, now).allowed) {
    return consoleError(429, 'Throttling', 'Rate exceeded');
  }
  if (!(await verifyPassword(account?.root_password_hash ?? undefined, oldPassword))) {
    deps.passwordThrottle.failure(principal, sourceIp, now);
    deps.onAuthFailure?.({
      kind: 'change-password',
      at: now,
      sourceIp,
      account: session.account_id,
      userName: 'root',
      errorCode: 'AccessDenied',
      throttled: false,
    });
    const error = incorrectOldPassword();
    return consoleError(403, error.code, error.message);
  }
  deps.passwordThrottle.success(principal);
  if (!ROOT_PASSWORD.test(newPassword)) {
    return consoleError(400, 'PasswordPolicyViolation', 'The root password must have 8 to 128 characters.');
  }
  await deps.store.db
    .updateTable('accounts')
    .set({ root_password_hash: await hashPassword(newPassword), root_password_changed_at: now.toISOString() })
    .where('id', '=', session.account_id)
    .execute();
  // The root user's other console sessions end with the old password.
  await deps.store.db
    .deleteFrom('console_sessions')
    .where('account_id', '=', session.account_id)
    .where('principal_kind', '=', 'root')
    .where('id_hash', '!=', session.id_hash)
    .execute();
  await activateSession(deps.store, session.id_hash);
  return json(200, { status: 'passwordChanged' });
}
