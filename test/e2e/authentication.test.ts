import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { clients, errorOf, ROOT, startTestServer } from './support/server.js';

// SigV4 failures through the real SDK, with AWS's codes and HTTP statuses
// (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html).
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('authentication', () => {
  it('accepts the root key and reports the root identity', async () => {
    const who = await clients(server).sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:root',
      UserId: '123456789012',
    });
  });

  it('refuses a wrong secret with SignatureDoesNotMatch (403)', async () => {
    const { iam } = clients(server, { ...ROOT, secretAccessKey: 'wrong' + ROOT.secretAccessKey.slice(5) });
    const error = await errorOf(() => iam.send(new ListUsersCommand({})));
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('refuses an unknown key with InvalidClientTokenId (403)', async () => {
    const { sts } = clients(server, {
      accessKeyId: 'AKIAAAAAAAAAAAAAAAAA',
      secretAccessKey: ROOT.secretAccessKey,
    });
    const error = await errorOf(() => sts.send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({
      name: 'InvalidClientTokenId',
      status: 403,
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses an inactive key, and accepts it again once active', async () => {
    const { iam } = clients(server);
    await iam.send(new CreateUserCommand({ UserName: 'keyholder' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'keyholder' }));
    const user = clients(server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    });
    expect((await user.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      'arn:aws:iam::123456789012:user/keyholder',
    );
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: 'keyholder',
        AccessKeyId: AccessKey!.AccessKeyId!,
        Status: 'Inactive',
      }),
    );
    const error = await errorOf(() => user.sts.send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: 'keyholder',
        AccessKeyId: AccessKey!.AccessKeyId!,
        Status: 'Active',
      }),
    );
    expect((await user.sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
  });

  it('refuses a request signed with a clock more than 15 minutes off', async () => {
    const { sts } = clients(server);
    sts.config.systemClockOffset = -20 * 60 * 1000;
    const error = await errorOf(() => sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.message).toMatch(/Signature expired/);
  });

  it('refuses an unsigned request with MissingAuthenticationToken', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});
