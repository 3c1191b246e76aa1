import type { HttpResponse } from '../http.js';

const NO_STORE = { 'content-type': 'application/json', 'cache-control': 'no-store' };

/** A JSON response the browser must not cache. */
export function json(
  status: number,
  body: object,
  headers: Readonly<Record<string, string>> = {},
): HttpResponse {
  return { status, headers: { ...NO_STORE, ...headers }, body: JSON.stringify(body) };
}

/** An error for the console: a code and one sentence. */
export function consoleError(
  status: number,
  error: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): HttpResponse {
  return json(status, { error, message }, headers);
}

/** The one answer to every failed sign-in, whatever failed (no such account, user, or a wrong password). */
export function signinFailed(): HttpResponse {
  // AWS's sign-in page words it so.
  return consoleError(
    401,
    'AuthenticationFailed',
    'Your authentication information is incorrect. Please try again.',
  );
}

/** The answer while a lockout lasts: AWS's throttling code and message, with the wait in Retry-After. */
export function throttled(retryAfterMs: number): HttpResponse {
  return consoleError(429, 'Throttling', 'Rate exceeded', {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
  });
}
