import type { HttpRequest } from '../http.js';

/**
 * Whether a request may come from where it says. A browser sends `Origin` with every cross-origin request and
 * with same-origin POSTs; one that names another origin than this server's (its scheme, and the Host the request
 * was sent to) is refused. A request without `Origin` (curl, old browsers) passes here: the CSRF token and the
 * SameSite=Strict cookie still stand in its way.
 */
export function sameOrigin(request: HttpRequest): boolean {
  const origin = request.headers['origin']?.[0];
  if (origin === undefined) return true;
  const host = request.headers['host']?.[0];
  if (host === undefined) return false;
  return origin.toLowerCase() === `${request.secure ? 'https' : 'http'}://${host}`.toLowerCase();
}
