import type { HttpRequest, HttpResponse } from '../http.js';
import { cookieValue, SESSION_COOKIE } from './cookies.js';
import { sameOrigin } from './origin.js';
import { consoleError } from './responses.js';
import { csrfTokenMatches, findSession, type ConsoleSessionRow } from './sessions.js';
import type { ConsoleDeps } from './settings.js';

/** The header that must carry the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

/** A request's session, or the response that refuses it. */
export type Guarded = { readonly session: ConsoleSessionRow } | { readonly refused: HttpResponse };

/**
 * The checks before a request that uses the session cookie: a same-origin `Origin` (when sent), a live session,
 * and, for state-changing requests (`csrf`), the session's CSRF token in X-CSRF-Token. The origin and token are
 * checked with 403, a missing or expired session with 401.
 */
export async function guardSession(deps: ConsoleDeps, request: HttpRequest, csrf: boolean): Promise<Guarded> {
  if (!sameOrigin(request)) {
    return { refused: consoleError(403, 'InvalidOrigin', 'Cross-origin requests are not allowed.') };
  }
  const session = await findSession(
    deps.store,
    deps.sessions,
    cookieValue(request, SESSION_COOKIE),
    deps.clock(),
  );
  if (session === undefined) {
    return { refused: consoleError(401, 'NotSignedIn', 'There is no console session, or it has ended.') };
  }
  if (csrf && !csrfTokenMatches(session, request.headers[CSRF_HEADER]?.[0])) {
    return {
      refused: consoleError(403, 'InvalidCsrfToken', "The request needs the session's X-CSRF-Token header."),
    };
  }
  return { session };
}

/** The refusal for a session that must change its password before anything else. */
export function passwordChangeFirst(): HttpResponse {
  return consoleError(
    403,
    'PasswordChangeRequired',
    'You must change your password before you can use the console (POST /_iamd/console/change-password).',
  );
}
