import type { HttpRequest } from '../http.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'iamd_session';

/** The value of a cookie the request carries, if any. */
export function cookieValue(request: HttpRequest, name: string): string | undefined {
  for (const line of request.headers['cookie'] ?? []) {
    for (const part of line.split(';')) {
      const eq = part.indexOf('=');
      if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
    }
  }
  return undefined;
}

/**
 * The Set-Cookie value for a session id: HttpOnly (no script reads it), SameSite=Strict (no cross-site request
 * carries it), Path=/, and Secure when the request came over TLS. No Max-Age: the server ends sessions.
 */
export function sessionCookie(id: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
