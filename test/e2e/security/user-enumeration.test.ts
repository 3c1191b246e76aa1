import { CreateAccountAliasCommand, CreateLoginProfileCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { signIn, type ConsoleResponse } from '../support/console.js';
import { ACCOUNT, clients, startTestServer } from '../support/server.js';

// Sign-in must not tell whether an account or user exists: not in the answer, not in its timing. A missing
// principal's password is verified against a decoy argon2id hash, so both paths do one verification.
let server: RunningServer;
beforeAll(async () => {
  // No lockouts here: the timing test makes many failed attempts on purpose.
  const loose = { freeFailures: 1_000_000, baseDelayMs: 1, maxDelayMs: 1, forgetAfterMs: 1, maxKeys: 10 };
  server = await startTestServer({ throttles: { signin: { principal: loose, address: loose } } });
  const { iam } = clients(server);
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Right-pass-1' }));
  await iam.send(new CreateUserCommand({ UserName: 'no-password' }));
  await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }));
});
afterAll(() => server.close());

/** What a client can see of a failed sign-in: status, headers that matter, and the body. */
function visible(response: ConsoleResponse): unknown {
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    setCookie: response.headers.get('set-cookie'),
    body: response.text,
  };
}

describe('user enumeration at sign-in', () => {
  it('answers identically for a wrong password, an unknown user, a user without a password, an unknown account and root', async () => {
    const answers = await Promise.all([
      signIn(server, { account: ACCOUNT, user: 'alice', password: 'Wrong-pass-1' }),
      signIn(server, { account: 'example-corp', user: 'alice', password: 'Wrong-pass-1' }),
      signIn(server, { account: ACCOUNT, user: 'mallory', password: 'Wrong-pass-1' }),
      signIn(server, { account: ACCOUNT, user: 'no-password', password: 'Wrong-pass-1' }),
      signIn(server, { account: '999999999999', user: 'alice', password: 'Wrong-pass-1' }),
      signIn(server, { account: 'no-such-alias', user: 'alice', password: 'Wrong-pass-1' }),
      signIn(server, { account: ACCOUNT, root: true, password: 'Wrong-pass-1' }),
      signIn(server, { account: '999999999999', root: true, password: 'Wrong-pass-1' }),
    ]);
    const first = visible(answers[0]!);
    expect(first).toMatchObject({ status: 401, setCookie: null });
    for (const answer of answers) expect(visible(answer)).toEqual(first);
    // The right password does sign in, so the answers above were failures for the reasons named.
    expect(
      (await signIn(server, { account: 'example-corp', user: 'alice', password: 'Right-pass-1' })).status,
    ).toBe(200);
  });

  it('takes about as long for an unknown user as for a wrong password', async () => {
    const median = async (fields: Record<string, string>): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const start = process.hrtime.bigint();
        const response = await signIn(server, fields);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        expect(response.status).toBe(401);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)]!;
    };
    // Interleaved rounds, so a burst of load on the machine hits both sides alike.
    const existing: number[] = [];
    const missing: number[] = [];
    for (let round = 0; round < 3; round++) {
      existing.push(await median({ account: ACCOUNT, user: 'alice', password: 'Wrong-pass-1' }));
      missing.push(await median({ account: ACCOUNT, user: 'mallory', password: 'Wrong-pass-1' }));
    }
    const ratio = Math.min(...existing) / Math.min(...missing);
    // One argon2id verification dominates both (tens of milliseconds); skipping it would make the ratio ≫ 2.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  }, 120_000);
});
