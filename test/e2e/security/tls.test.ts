import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { ACCOUNT, ROOT, errorOf, startTestServer } from '../support/server.js';

// `iamd serve --tls-cert FILE --tls-key FILE` serves HTTPS, and requests over it have aws:SecureTransport "true"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport).

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/tls/${name}`, import.meta.url));
const TLS = { certFile: fixture('localhost.crt'), keyFile: fixture('localhost.key') };
// The SDK trusts the test certificate as its only CA: the connection is verified, not merely encrypted.
const httpsAgent = new Agent({ ca: readFileSync(TLS.certFile) });

function iamFor(server: RunningServer, credentials: AwsCredentialIdentity): IAMClient {
  return new IAMClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
    requestHandler: { httpsAgent },
  });
}

/** A user allowed to list users, except that requests not over TLS are denied (AWS's documented pattern). */
async function userDeniedWithoutTls(server: RunningServer): Promise<AwsCredentialIdentity> {
  const root = iamFor(server, ROOT);
  await root.send(new CreateUserCommand({ UserName: 'tls-only' }));
  await root.send(
    new PutUserPolicyCommand({
      UserName: 'tls-only',
      PolicyName: 'tls-only',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
          {
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    }),
  );
  const { AccessKey } = await root.send(new CreateAccessKeyCommand({ UserName: 'tls-only' }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

let https: RunningServer;
let http: RunningServer;
beforeAll(async () => {
  [https, http] = await Promise.all([startTestServer({ tls: TLS }), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([https.close(), http.close()]);
});

describe('serving over TLS', () => {
  it('the endpoint is https:// and speaks TLS with the given certificate', async () => {
    expect(https.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(http.url).toMatch(/^http:\/\//);
    const sts = new STSClient({
      endpoint: https.url,
      region: 'us-east-1',
      credentials: ROOT,
      maxAttempts: 1,
      requestHandler: { httpsAgent },
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${ACCOUNT}:root`);
  });

  it('a Deny on aws:SecureTransport "false" blocks the request over plain HTTP but not over HTTPS', async () => {
    const overTls = iamFor(https, await userDeniedWithoutTls(https));
    const listed = await overTls.send(new ListUsersCommand({}));
    expect(listed.Users!.map((u) => u.UserName)).toEqual(['tls-only']);

    const plain = iamFor(http, await userDeniedWithoutTls(http));
    const denied = await errorOf(() => plain.send(new ListUsersCommand({})));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/tls-only is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ with an explicit deny in an identity-based policy`,
    );
  });

  it('a certificate file that does not exist fails the start', async () => {
    await expect(startTestServer({ tls: { ...TLS, certFile: fixture('missing.crt') } })).rejects.toThrow(
      /ENOENT/,
    );
  });

  it('a key that does not match the certificate fails the start', async () => {
    await expect(
      startTestServer({ tls: { certFile: TLS.certFile, keyFile: TLS.certFile } }),
    ).rejects.toThrow();
  });
});
