import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GenerateCredentialReportCommand,
  IAMClient,
  ListUsersCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../support/server.js';

// iamd never writes a secret to its output: not secret access keys, session tokens or passwords, whether requests
// succeed, fail authentication, are malformed or hit an internal error. The exceptions are by design: the root
// key's secret and the root console password, printed once when a data directory is first started
// (docs/configuration.md). The server runs as
// `iamd serve` in a child process (from dist/: `npm test` builds first), and everything it prints is checked.

const BIN = fileURLToPath(new URL('../../../bin/iamd.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<string>;
}

/** Starts `iamd serve` on a data directory and waits until it prints its endpoint. */
async function serve(dataDir: string, firstStart: boolean): Promise<Child> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('IAMD_') && v !== undefined) env[k] = v;
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (https?:\/\/\S+)/.exec(output);
      // On a first start the root key's and root password's lines follow the endpoint line.
      if (match !== null && (!firstStart || /IAMD_ROOT_PASSWORD=\S+\n/.test(output))) {
        clearInterval(timer);
        resolve(match[1]!);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`iamd serve exited with ${code}: ${output}`));
    });
  });
  return {
    process: child,
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      return output;
    },
  };
}

function clientsFor(url: string, credentials: AwsCredentialIdentity) {
  const config = { endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 };
  return { iam: new IAMClient(config), sts: new STSClient(config) };
}

let dataDir: string;
beforeAll(async () => {
  if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  dataDir = await mkdtemp(join(tmpdir(), 'iamd-redaction-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('secrets in iamd’s output', () => {
  it('none appear, whatever the requests; the root secret appears once, on the first start only', async () => {
    const first = await serve(dataDir, true);
    const rootKey = /AWS_ACCESS_KEY_ID=(\S+)\n\s*AWS_SECRET_ACCESS_KEY=(\S+)\n/.exec(first.output());
    expect(rootKey).not.toBeNull();
    const root = { accessKeyId: rootKey![1]!, secretAccessKey: rootKey![2]! };
    expect(root.secretAccessKey).toHaveLength(40);
    const rootPassword = /IAMD_ROOT_PASSWORD=(\S+)\n/.exec(first.output())![1]!;
    const secrets: string[] = [];
    try {
      const { iam } = clientsFor(first.url, root);
      // A user's key, passwords set and changed, a role session and an MFA-less session token.
      await iam.send(new CreateUserCommand({ UserName: 'alice' }));
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
      const alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
      secrets.push(alice.secretAccessKey, 'First-Password-1', 'Second-Password-2');
      await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'First-Password-1' }));
      await iam.send(new UpdateLoginProfileCommand({ UserName: 'alice', Password: 'Second-Password-2' }));
      await iam.send(
        new CreateRoleCommand({
          RoleName: 'worker',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' },
                Action: 'sts:AssumeRole',
              },
            ],
          }),
        }),
      );
      const asAlice = clientsFor(first.url, alice);
      const session = (
        await asAlice.sts.send(
          new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/worker', RoleSessionName: 'job' }),
        )
      ).Credentials!;
      const sessionToken = (await asAlice.sts.send(new GetSessionTokenCommand({}))).Credentials!;
      secrets.push(
        session.SecretAccessKey!,
        session.SessionToken!,
        sessionToken.SecretAccessKey!,
        sessionToken.SessionToken!,
      );
      const roleSession = {
        accessKeyId: session.AccessKeyId!,
        secretAccessKey: session.SecretAccessKey!,
        sessionToken: session.SessionToken!,
      };
      await clientsFor(first.url, roleSession).sts.send(new GetCallerIdentityCommand({}));

      // Failures: a wrong secret, a session key presented with another session's token, a password over the limit,
      // unsigned requests that carry a password, an oversized body.
      const wrongSecret = 'x'.repeat(40);
      expect(
        (
          await errorOf(() =>
            clientsFor(first.url, { ...alice, secretAccessKey: wrongSecret }).iam.send(
              new ListUsersCommand({}),
            ),
          )
        ).name,
      ).toBe('SignatureDoesNotMatch');
      expect(
        (
          await errorOf(() =>
            clientsFor(first.url, { ...roleSession, sessionToken: sessionToken.SessionToken! }).sts.send(
              new GetCallerIdentityCommand({}),
            ),
          )
        ).status,
      ).toBe(403);
      const longPassword = `Too-Long-${'p'.repeat(150)}`;
      secrets.push(longPassword);
      expect(
        (
          await errorOf(() =>
            iam.send(new UpdateLoginProfileCommand({ UserName: 'alice', Password: longPassword })),
          )
        ).name,
      ).toBe('ValidationError');
      secrets.push('Unsigned-Password-3', 'Oversized-Password-4');
      const unsigned = await fetch(first.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=CreateLoginProfile&Version=2010-05-08&UserName=alice&Password=Unsigned-Password-3&%E0%A4%A=%',
      });
      expect(unsigned.status).toBe(403);
      const oversized = await fetch(first.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `Action=CreateLoginProfile&Password=Oversized-Password-4&Padding=${'a'.repeat(1_100_000)}`,
      }).catch(() => undefined);
      expect(oversized?.status ?? 413).toBe(413);

      // The console: a wrong password, then the right ones (alice's and root's), in JSON and form bodies.
      secrets.push('Wrong-Password-6');
      const signin = (body: string, type: string) =>
        fetch(`${first.url}/_iamd/signin`, { method: 'POST', headers: { 'content-type': type }, body });
      const json = 'application/json';
      expect(
        (
          await signin(
            JSON.stringify({ account: '123456789012', user: 'alice', password: 'Wrong-Password-6' }),
            json,
          )
        ).status,
      ).not.toBe(200);
      const aliceSignin = await signin(
        JSON.stringify({ account: '123456789012', user: 'alice', password: 'Second-Password-2' }),
        json,
      );
      expect(aliceSignin.status).toBe(200);
      const cookie = aliceSignin.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await aliceSignin.json()) as { csrfToken: string };
      secrets.push(cookie.slice(cookie.indexOf('=') + 1), csrfToken);
      const rootSignin = await signin(
        new URLSearchParams({ account: '123456789012', root: 'true', password: rootPassword }).toString(),
        'application/x-www-form-urlencoded',
      );
      expect(rootSignin.status).toBe(200);

      // Internal errors: a table dropped under the running server makes the next calls on it fail inside iamd,
      // which logs them (with the request's password in flight).
      const db = new Database(join(dataDir, 'iamd.sqlite'));
      db.exec('drop table login_profiles; drop table credential_reports');
      db.close();
      secrets.push('Internal-Password-5');
      const internal = await errorOf(() =>
        iam.send(new UpdateLoginProfileCommand({ UserName: 'alice', Password: 'Internal-Password-5' })),
      );
      expect(internal).toMatchObject({ name: 'ServiceFailureException', status: 500 });
      expect((await errorOf(() => iam.send(new GenerateCredentialReportCommand({})))).status).toBe(500);
    } finally {
      await first.stop();
    }
    const output = first.output();
    // The internal errors were logged, so the log was there to leak into.
    expect(output.match(/internal error in request/g)?.length).toBe(2);
    expect(output.split(root.secretAccessKey).length - 1).toBe(1);
    expect(output.split(rootPassword).length - 1).toBe(1);
    for (const secret of secrets)
      expect(output.includes(secret), `a secret in the output: ${secret.slice(0, 6)}…`).toBe(false);

    // The second start of the same data directory prints the endpoint, and no key.
    const second = await serve(dataDir, false);
    const again = await second.stop();
    expect(again).toMatch(/listening on http:\/\//);
    expect(again).not.toContain(root.secretAccessKey);
    expect(again).not.toContain('AWS_SECRET_ACCESS_KEY');
    expect(again).not.toContain(rootPassword);
    expect(again).not.toContain('IAMD_ROOT_PASSWORD=');
  }, 60_000);
});
