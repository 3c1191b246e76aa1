import type { Authenticate } from '../app.js';
import type { HttpRequest, HttpResponse } from '../http.js';
import { changeConsolePassword } from './change-password.js';
import { clearedSessionCookie } from './cookies.js';
import { sameOrigin } from './origin.js';
import { consoleError, json } from './responses.js';
import { sessionCaller } from './session-caller.js';
import { guardSession, passwordChangeFirst } from './session-guard.js';
import { endSession } from './sessions.js';
import type { ConsoleDeps } from './settings.js';
import { signin } from './signin.js';
import { signInAttempt } from './sign-in-audit.js';
import type { ConsoleSessionRow } from './sessions.js';

/** Runs a Query-protocol request (the app's handleQuery) with the caller that `authenticate` establishes. */
export type QueryRunner = (request: HttpRequest, authenticate: Authenticate) => Promise<HttpResponse>;

/** The console's routes: answers the requests it knows, and undefined for every other. */
export type ConsoleRoutes = (request: HttpRequest, query: QueryRunner) => Promise<HttpResponse | undefined>;

/** The region console API calls are made in (the credential scope a signed call would name). */
const CONSOLE_REGION = 'us-east-1';

/**
 * The console's back end:
 * - `POST /_iamd/signin`, `POST /_iamd/signout`;
 * - `GET /_iamd/console/session`: who the session is, its state and MFA;
 * - `POST /_iamd/console/api`: an IAM or STS Query request (Action=…&Version=…), authorized as the session's
 *   principal exactly as a signed request would be;
 * - `POST /_iamd/console/change-password`.
 * Every POST that uses the cookie needs the session's CSRF token in X-CSRF-Token, and a same-origin Origin.
 */
export function consoleRoutes(deps: ConsoleDeps): ConsoleRoutes {
  return async (request, query) => {
    const route = `${request.method} ${request.path}`;
    switch (route) {
      case 'POST /_iamd/signin':
        if (!sameOrigin(request))
          return consoleError(403, 'InvalidOrigin', 'Cross-origin requests are not allowed.');
        return signin(deps, request);
      case 'POST /_iamd/signout': {
        const guarded = await guardSession(deps, request, true);
        if ('refused' in guarded) return guarded.refused;
        await endSession(deps.store, guarded.session.id_hash);
        await recordSignOut(deps, request, guarded.session);
        return json(200, { status: 'signedOut' }, { 'set-cookie': clearedSessionCookie(request.secure) });
      }
      case 'GET /_iamd/console/session': {
        const guarded = await guardSession(deps, request, false);
        if ('refused' in guarded) return guarded.refused;
        const caller = await sessionCaller(deps.store, deps.partition, guarded.session);
        if (caller === undefined)
          return consoleError(401, 'NotSignedIn', 'There is no console session, or it has ended.');
        return json(200, {
          principal: {
            kind: caller.kind,
            arn: caller.arn,
            accountId: caller.accountId,
            userName: caller.userName,
          },
          state: guarded.session.state,
          mfaAuthenticated: caller.mfaAuthenticatedAt !== undefined,
        });
      }
      case 'POST /_iamd/console/api': {
        const guarded = await guardSession(deps, request, true);
        if ('refused' in guarded) return guarded.refused;
        if (guarded.session.state !== 'active') return passwordChangeFirst();
        const caller = await sessionCaller(deps.store, deps.partition, guarded.session);
        if (caller === undefined)
          return consoleError(401, 'NotSignedIn', 'There is no console session, or it has ended.');
        // The body is the Query request; the query string is not part of it.
        return query({ ...request, query: '' }, async () => ({ caller, region: CONSOLE_REGION }));
      }
      case 'POST /_iamd/console/change-password': {
        const guarded = await guardSession(deps, request, true);
        if ('refused' in guarded) return guarded.refused;
        return changeConsolePassword(deps, request, guarded.session, query, CONSOLE_REGION);
      }
      default:
        return undefined;
    }
  };
}

/** A sign-out is recorded as a `ConsoleLogout` event of the session's principal (see audit/sign-in-event.ts). */
async function recordSignOut(
  deps: ConsoleDeps,
  request: HttpRequest,
  session: ConsoleSessionRow,
): Promise<void> {
  if (deps.recordSignIn === undefined) return;
  const accountId = session.account_id;
  const user =
    session.user_id === null
      ? undefined
      : await deps.store.db
          .selectFrom('users')
          .selectAll()
          .where('id', '=', session.user_id)
          .executeTakeFirst();
  const subject =
    session.user_id === null
      ? ({ kind: 'root', accountId } as const)
      : user === undefined
        ? ({ kind: 'unknown', accountId } as const)
        : ({ kind: 'user', accountId, user } as const);
  deps.recordSignIn(
    signInAttempt(deps.partition, request, subject, {
      time: deps.clock(),
      success: true,
      mfaUsed: session.mfa_authenticated_at !== null,
      eventName: 'ConsoleLogout',
    }),
  );
}
