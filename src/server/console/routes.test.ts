import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthThrottle, SIGNIN_THROTTLE } from '../../auth/auth-throttle.js';
import { openSqliteStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import type { HttpRequest } from '../http.js';
import { bootstrapRootPassword } from '../root-password.js';
import { NO_MFA } from './mfa-checker.js';
import { consoleRoutes, type ConsoleRoutes } from './routes.js';
import { DEFAULT_CONSOLE_SESSIONS } from './settings.js';

const ACCOUNT = '123456789012';
let store: Store;
let routes: ConsoleRoutes;
beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  await store.db
    .insertInto('accounts')
    .values({ id: ACCOUNT, created_at: new Date().toISOString() })
    .execute();
  await bootstrapRootPassword(store, ACCOUNT, new Date(), { preset: 'Root-pass-123' });
  routes = consoleRoutes({
    store,
    partition: 'aws',
    clock: () => new Date(),
    sessions: DEFAULT_CONSOLE_SESSIONS,
    passwordThrottle: new AuthThrottle(SIGNIN_THROTTLE),
    mfaThrottle: new AuthThrottle(SIGNIN_THROTTLE),
    mfa: NO_MFA,
    accountId: ACCOUNT,
  });
});
afterEach(() => store.close());

function signinRequest(secure: boolean, headers: Record<string, string> = {}): HttpRequest {
  return {
    method: 'POST',
    path: '/_iamd/signin',
    query: '',
    headers: Object.fromEntries(
      Object.entries({ 'content-type': 'application/json', host: 'iam.example', ...headers }).map(
        ([k, v]) => [k, [v]],
      ),
    ),
    body: Buffer.from(JSON.stringify({ account: ACCOUNT, root: true, password: 'Root-pass-123' })),
    sourceIp: '192.0.2.1',
    secure,
  };
}

const noQuery = () => Promise.reject(new Error('not a query'));

describe('console routes without a port', () => {
  it('marks the cookie Secure when the request came over TLS, and not otherwise', async () => {
    const tls = await routes(signinRequest(true), noQuery);
    expect(tls?.status).toBe(200);
    expect(tls?.headers['set-cookie']).toMatch(/; Secure$/);
    const plain = await routes(signinRequest(false), noQuery);
    expect(plain?.headers['set-cookie']).not.toMatch(/Secure/);
  });

  it('compares the Origin with the scheme the request came over', async () => {
    expect((await routes(signinRequest(true, { origin: 'https://iam.example' }), noQuery))?.status).toBe(200);
    expect((await routes(signinRequest(true, { origin: 'http://iam.example' }), noQuery))?.status).toBe(403);
    expect((await routes(signinRequest(false, { origin: 'http://iam.example' }), noQuery))?.status).toBe(200);
  });

  it('answers only its own paths', async () => {
    expect(
      await routes({ ...signinRequest(false), path: '/_iamd/health', method: 'GET' }, noQuery),
    ).toBeUndefined();
  });
});
