import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, clients } from '../support/server.js';
import { allow, expectError, policyDocument, serverForFile, unique } from './support.js';

// Access keys (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html and the pages it links).
const env = serverForFile();

const noSuchUser = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `The user with name ${name} cannot be found.`,
});

async function userWithKey() {
  const name = unique('keyholder');
  await env.iam.send(new CreateUserCommand({ UserName: name }));
  const { AccessKey } = await env.iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { name, key: AccessKey! };
}

describe('CreateAccessKey', () => {
  it('returns an active AKIA key with its 40-character secret, once', async () => {
    const name = unique('ann');
    await env.iam.send(new CreateUserCommand({ UserName: name }));
    const { AccessKey } = await env.iam.send(new CreateAccessKeyCommand({ UserName: name }));
    expect(AccessKey).toMatchObject({ UserName: name, Status: 'Active' });
    expect(AccessKey!.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(AccessKey!.SecretAccessKey).toHaveLength(40);
    expect(AccessKey!.CreateDate).toBeInstanceOf(Date);
    // The key works at once.
    const who = await clients(env.server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    }).sts.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/${name}`);
  });

  it('a third key is LimitExceeded (409)', async () => {
    const { name } = await userWithKey();
    await env.iam.send(new CreateAccessKeyCommand({ UserName: name }));
    await expectError(() => env.iam.send(new CreateAccessKeyCommand({ UserName: name })), {
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new CreateAccessKeyCommand({ UserName: 'nonexistent-user' })),
      noSuchUser('nonexistent-user'),
    );
  });
});

describe('ListAccessKeys', () => {
  it('lists the keys without secrets, in pages', async () => {
    const { name, key } = await userWithKey();
    const second = (await env.iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const first = await env.iam.send(new ListAccessKeysCommand({ UserName: name, MaxItems: 1 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.AccessKeyMetadata).toHaveLength(1);
    const rest = await env.iam.send(new ListAccessKeysCommand({ UserName: name, Marker: first.Marker }));
    expect(rest.IsTruncated).toBe(false);
    const all = [...first.AccessKeyMetadata!, ...rest.AccessKeyMetadata!];
    expect(all.map((k) => k.AccessKeyId).sort()).toEqual([key.AccessKeyId, second.AccessKeyId].sort());
    for (const metadata of all) {
      expect(metadata).toMatchObject({ UserName: name, Status: 'Active' });
      expect(metadata.CreateDate).toBeInstanceOf(Date);
      expect(metadata).not.toHaveProperty('SecretAccessKey');
    }
  });

  it('a user without keys has an empty list', async () => {
    const name = unique('keyless');
    await env.iam.send(new CreateUserCommand({ UserName: name }));
    const out = await env.iam.send(new ListAccessKeysCommand({ UserName: name }));
    expect(out).toMatchObject({ AccessKeyMetadata: [], IsTruncated: false });
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new ListAccessKeysCommand({ UserName: 'nobody-keys' })),
      noSuchUser('nobody-keys'),
    );
  });
});

describe('UpdateAccessKey', () => {
  it('deactivates a key, which then cannot sign, and reactivates it', async () => {
    const { name, key } = await userWithKey();
    const signer = clients(env.server, {
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
    await env.iam.send(
      new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId, Status: 'Inactive' }),
    );
    const listed = await env.iam.send(new ListAccessKeysCommand({ UserName: name }));
    expect(listed.AccessKeyMetadata![0]!.Status).toBe('Inactive');
    await expectError(() => signer.sts.send(new GetCallerIdentityCommand({})), {
      name: 'InvalidClientTokenId',
      status: 403,
    });
    await env.iam.send(
      new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId, Status: 'Active' }),
    );
    await signer.sts.send(new GetCallerIdentityCommand({}));
  });

  it('a key that does not exist is NoSuchEntity (404)', async () => {
    const { name } = await userWithKey();
    await expectError(
      () =>
        env.iam.send(
          new UpdateAccessKeyCommand({
            UserName: name,
            AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
            Status: 'Inactive',
          }),
        ),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: 'The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.',
      },
    );
  });

  it('a status outside Active/Inactive is ValidationError (400)', async () => {
    const { name, key } = await userWithKey();
    await expectError(
      () =>
        env.iam.send(
          new UpdateAccessKeyCommand({
            UserName: name,
            AccessKeyId: key.AccessKeyId,
            Status: 'Paused' as 'Active',
          }),
        ),
      { name: 'ValidationError', status: 400 },
    );
  });
});

describe('DeleteAccessKey', () => {
  it('deletes a key, which then cannot sign', async () => {
    const { name, key } = await userWithKey();
    await env.iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId }));
    expect((await env.iam.send(new ListAccessKeysCommand({ UserName: name }))).AccessKeyMetadata).toEqual([]);
    const signer = clients(env.server, {
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
    await expectError(() => signer.sts.send(new GetCallerIdentityCommand({})), {
      name: 'InvalidClientTokenId',
      status: 403,
    });
  });

  it('a user can delete its own key without naming itself', async () => {
    const { name, key } = await userWithKey();
    const self = clients(env.server, {
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
    await env.iam.send(
      new PutUserPolicyCommand({
        UserName: name,
        PolicyName: 'own-keys',
        PolicyDocument: allow('iam:DeleteAccessKey', `arn:aws:iam::${ACCOUNT}:user/${name}`),
      }),
    );
    await self.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: key.AccessKeyId }));
    expect((await env.iam.send(new ListAccessKeysCommand({ UserName: name }))).AccessKeyMetadata).toEqual([]);
  });

  it('without UserName from a role session is ValidationError (400)', async () => {
    const { name, key } = await userWithKey();
    const roleName = await roleFor(name);
    const user = clients(env.server, {
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
    const { Credentials } = await user.sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
        RoleSessionName: 'cleanup',
      }),
    );
    const session = clients(env.server, {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    });
    await expectError(() => session.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: key.AccessKeyId })), {
      name: 'ValidationError',
      status: 400,
      message: 'Must specify userName when calling with non-User credentials',
    });
  });

  it('a key that does not exist is NoSuchEntity (404)', async () => {
    const { name } = await userWithKey();
    await expectError(
      () => env.iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' })),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: 'The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.',
      },
    );
  });
});

describe('GetAccessKeyLastUsed', () => {
  it('reports N/A for a key never used, then the date, service and region of its last use', async () => {
    const { name, key } = await userWithKey();
    const unused = await env.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
    expect(unused.UserName).toBe(name);
    expect(unused.AccessKeyLastUsed).toEqual({ Region: 'N/A', ServiceName: 'N/A' });

    const user = clients(env.server, {
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
    await user.sts.send(new GetCallerIdentityCommand({}));
    const used = await env.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
    expect(used.UserName).toBe(name);
    expect(used.AccessKeyLastUsed).toMatchObject({ Region: 'us-east-1', ServiceName: 'sts' });
    expect(used.AccessKeyLastUsed!.LastUsedDate).toBeInstanceOf(Date);
  });

  it('a key that does not exist is AccessDenied (403), so keys cannot be probed', async () => {
    await expectError(
      () => env.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLF' })),
      {
        name: 'AccessDenied',
        status: 403,
        message: `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key AKIAIOSFODNN7EXAMPLF`,
      },
    );
  });
});

/** A role that the user may assume (the trust policy names the user). */
async function roleFor(userName: string): Promise<string> {
  const roleName = unique('role');
  await env.iam.send(
    new CreateRoleCommand({
      RoleName: roleName,
      AssumeRolePolicyDocument: policyDocument({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/${userName}` },
        Action: 'sts:AssumeRole',
      }),
    }),
  );
  return roleName;
}
