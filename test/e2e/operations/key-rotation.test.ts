import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, clients } from '../support/server.js';
import { allow, expectError, serverForFile, unique } from './support.js';

// Rotating a user's access keys the way the IAM User Guide describes it ("Rotating access keys": create a second
// key, move to it, check the first is no longer used, deactivate it, delete it), each step through the SDK.
const env = serverForFile();

const INVALID_TOKEN = {
  name: 'InvalidClientTokenId',
  status: 403,
  message: 'The security token included in the request is invalid.',
};

describe('access key rotation', () => {
  it('walks AWS’s rotation procedure with two keys', async () => {
    const name = unique('rotator');
    await env.iam.send(new CreateUserCommand({ UserName: name }));
    // The user manages its own keys, as the User Guide's procedure has it.
    await env.iam.send(
      new PutUserPolicyCommand({
        UserName: name,
        PolicyName: 'own-keys',
        PolicyDocument: allow(
          ['iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys'],
          `arn:aws:iam::${ACCOUNT}:user/${name}`,
        ),
      }),
    );
    const created = await env.iam.send(new CreateAccessKeyCommand({ UserName: name }));
    const first: AwsCredentialIdentity = {
      accessKeyId: created.AccessKey!.AccessKeyId!,
      secretAccessKey: created.AccessKey!.SecretAccessKey!,
    };
    const withFirst = clients(env.server, first);
    await withFirst.sts.send(new GetCallerIdentityCommand({}));

    // 1. The user creates a second key with the first, which stays active.
    const second = (await withFirst.iam.send(new CreateAccessKeyCommand({}))).AccessKey!;
    expect(second.Status).toBe('Active');
    const listed = await withFirst.iam.send(new ListAccessKeysCommand({}));
    expect(listed.AccessKeyMetadata!.map((k) => [k.AccessKeyId, k.Status])).toEqual(
      expect.arrayContaining([
        [first.accessKeyId, 'Active'],
        [second.AccessKeyId, 'Active'],
      ]),
    );
    // A third key is over the quota of two, whatever their status.
    await expectError(() => withFirst.iam.send(new CreateAccessKeyCommand({})), {
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });

    // 2. The application moves to the second key; its last use shows it is the one in use.
    const withSecond = clients(env.server, {
      accessKeyId: second.AccessKeyId!,
      secretAccessKey: second.SecretAccessKey!,
    });
    expect((await withSecond.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:iam::${ACCOUNT}:user/${name}`,
    );
    const secondUse = await env.iam.send(
      new GetAccessKeyLastUsedCommand({ AccessKeyId: second.AccessKeyId }),
    );
    expect(secondUse.AccessKeyLastUsed).toMatchObject({ ServiceName: 'sts', Region: 'us-east-1' });

    // 3. The first key is deactivated (with the second): its requests fail at once.
    await withSecond.iam.send(
      new UpdateAccessKeyCommand({ AccessKeyId: first.accessKeyId, Status: 'Inactive' }),
    );
    await expectError(() => withFirst.sts.send(new GetCallerIdentityCommand({})), INVALID_TOKEN);
    await expectError(() => withFirst.iam.send(new ListAccessKeysCommand({})), INVALID_TOKEN);
    // The second key still works, and an inactive key still counts toward the quota.
    await expectError(() => withSecond.iam.send(new CreateAccessKeyCommand({})), {
      name: 'LimitExceededException',
      status: 409,
    });

    // 4. Something still needed the first key: re-activating it brings it back.
    await withSecond.iam.send(
      new UpdateAccessKeyCommand({ AccessKeyId: first.accessKeyId, Status: 'Active' }),
    );
    expect((await withFirst.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:iam::${ACCOUNT}:user/${name}`,
    );

    // 5. Once it is deactivated again and no longer needed, it is deleted; the second key remains alone.
    await withSecond.iam.send(
      new UpdateAccessKeyCommand({ AccessKeyId: first.accessKeyId, Status: 'Inactive' }),
    );
    await withSecond.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: first.accessKeyId }));
    await expectError(() => withFirst.sts.send(new GetCallerIdentityCommand({})), INVALID_TOKEN);
    const remaining = await withSecond.iam.send(new ListAccessKeysCommand({}));
    expect(remaining.AccessKeyMetadata!.map((k) => [k.AccessKeyId, k.Status])).toEqual([
      [second.AccessKeyId, 'Active'],
    ]);
    // There is room for the next rotation.
    const next = await withSecond.iam.send(new CreateAccessKeyCommand({}));
    expect(next.AccessKey!.Status).toBe('Active');
  });
});
