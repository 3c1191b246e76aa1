import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
  UploadServerCertificateCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetFederationTokenCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LEAF_CERTIFICATE,
  LEAF_PRIVATE_KEY,
} from '../../../src/iam/server-certificates/test-support/certificates.js';
import type { RunningServer } from '../../../src/server/start.js';
import { ACCOUNT, clients, errorOf, ROOT, startTestServer } from '../support/server.js';
import { only, recordsOf, recordTexts } from './records.js';

/** A sequence of secret-bearing calls, then every stored event scanned for every secret they carried. */
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('audit: secrets never enter an event', () => {
  it('keys, passwords, private keys and session credentials are absent from every record', async () => {
    const secrets: string[] = [ROOT.secretAccessKey];
    const { iam } = clients(server);
    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dave',
        PolicyName: 'sts',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }))).AccessKey!;
    secrets.push(key.SecretAccessKey!);
    const passwords = ['Correct-Horse-Battery-1', 'Another-Staple-Phrase-2'];
    secrets.push(...passwords, 'Sh0rt!');
    await iam.send(new CreateLoginProfileCommand({ UserName: 'dave', Password: passwords[0] }));
    await iam.send(new UpdateLoginProfileCommand({ UserName: 'dave', Password: passwords[1] }));
    // A failed call with a password: refused by the password policy, and still redacted.
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8 }));
    expect(
      (await errorOf(() => iam.send(new UpdateLoginProfileCommand({ UserName: 'dave', Password: 'Sh0rt!' }))))
        .name,
    ).toBe('PasswordPolicyViolationException');
    secrets.push(LEAF_PRIVATE_KEY.split('\n')[1]!);
    await iam.send(
      new UploadServerCertificateCommand({
        ServerCertificateName: 'web',
        CertificateBody: LEAF_CERTIFICATE,
        PrivateKey: LEAF_PRIVATE_KEY,
      }),
    );
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'target',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const dave = clients(server, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    for (const credentials of [
      (
        await dave.sts.send(
          new AssumeRoleCommand({ RoleArn: role.Role!.Arn, RoleSessionName: 'secret-scan' }),
        )
      ).Credentials!,
      (await dave.sts.send(new GetSessionTokenCommand({}))).Credentials!,
      (
        await dave.sts.send(
          new GetFederationTokenCommand({
            Name: 'fed',
            Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
          }),
        )
      ).Credentials!,
    ]) {
      secrets.push(credentials.SecretAccessKey!, credentials.SessionToken!);
    }

    const texts = await recordTexts(server);
    expect(texts).toHaveLength(12); // every call above, the failed one included
    for (const text of texts) {
      for (const secret of secrets) {
        expect(
          text.includes(secret.length < 12 ? `"${secret}"` : secret),
          `a secret in ${text.slice(0, 200)}`,
        ).toBe(false);
      }
    }
    // What stays: the key id of the new key, the login profile's user, the certificate body.
    const records = await recordsOf(server);
    expect(only(records, 'CreateAccessKey').responseElements).toEqual({
      accessKey: {
        userName: 'dave',
        accessKeyId: key.AccessKeyId,
        status: 'Active',
        createDate: expect.any(String),
      },
    });
    expect(only(records, 'CreateLoginProfile').requestParameters).toEqual({ userName: 'dave' });
    expect(only(records, 'UploadServerCertificate').requestParameters).toMatchObject({
      serverCertificateName: 'web',
      certificateBody: LEAF_CERTIFICATE,
    });
  });
});
