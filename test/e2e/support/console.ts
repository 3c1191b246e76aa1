import type { RunningServer } from '../../../src/server/start.js';

/** A console response: status, headers, parsed JSON body (or the raw text when it is not JSON). */
export interface ConsoleResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

/** A signed-in console session as a browser holds it: the cookie and the CSRF token from the sign-in answer. */
export interface ConsoleSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

async function read(response: Response): Promise<ConsoleResponse> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // XML (an AWS error from the console API) or empty.
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** POSTs JSON (or, with `form`, a form) to a console path. */
export async function consolePost(
  server: RunningServer,
  path: string,
  fields: Record<string, string | boolean>,
  options: {
    session?: ConsoleSession;
    csrf?: string | null;
    headers?: Record<string, string>;
    form?: boolean;
  } = {},
): Promise<ConsoleResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string;
  if (options.form === true) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(
      Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(fields);
  }
  if (options.session !== undefined) {
    headers['cookie'] = options.session.cookie;
    const csrf = options.csrf === undefined ? options.session.csrfToken : options.csrf;
    if (csrf !== null) headers['x-csrf-token'] = csrf;
  }
  return read(await fetch(`${server.url}${path}`, { method: 'POST', headers, body }));
}

/** Signs in; the fields are the sign-in form's (`account`, `user` or `root`, `password`, `mfaCode`). */
export function signIn(
  server: RunningServer,
  fields: Record<string, string | boolean>,
): Promise<ConsoleResponse> {
  return consolePost(server, '/_iamd/signin', fields);
}

/** The session a successful sign-in answer opened. */
export function sessionOf(response: ConsoleResponse): ConsoleSession {
  const setCookie = response.headers.get('set-cookie');
  if (setCookie === null) throw new Error(`no session cookie (status ${response.status}: ${response.text})`);
  return { cookie: setCookie.split(';')[0]!, csrfToken: String(response.body['csrfToken']) };
}

/** Signs in and returns the session, failing when sign-in does not open one. */
export async function signedIn(
  server: RunningServer,
  fields: Record<string, string | boolean>,
): Promise<ConsoleSession> {
  return sessionOf(await signIn(server, fields));
}

/** Calls an IAM or STS action through the console API (a Query body, the cookie and the CSRF token). */
export async function consoleApi(
  server: RunningServer,
  session: ConsoleSession,
  params: Record<string, string>,
  csrf?: string | null,
): Promise<ConsoleResponse> {
  const body = new URLSearchParams({ Version: '2010-05-08', ...params }).toString();
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    cookie: session.cookie,
  };
  const token = csrf === undefined ? session.csrfToken : csrf;
  if (token !== null) headers['x-csrf-token'] = token;
  return read(await fetch(`${server.url}/_iamd/console/api`, { method: 'POST', headers, body }));
}

/** The session's state as `GET /_iamd/console/session` reports it. */
export async function sessionInfo(server: RunningServer, session: ConsoleSession): Promise<ConsoleResponse> {
  return read(await fetch(`${server.url}/_iamd/console/session`, { headers: { cookie: session.cookie } }));
}

/** The AWS error code in a Query XML error body. */
export function xmlErrorCode(text: string): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
}
