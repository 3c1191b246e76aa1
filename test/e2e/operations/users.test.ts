import {
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  GetUserCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { allow, expectError, idPattern, serverForFile, unique } from './support.js';

// Users (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html and the pages it links).
const env = serverForFile();

const noSuchUser = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `The user with name ${name} cannot be found.`,
});

async function createUser(name: string, path?: string) {
  const { User } = await env.iam.send(new CreateUserCommand({ UserName: name, Path: path }));
  return User!;
}

describe('CreateUser', () => {
  it('returns the user with an AIDA id, an ARN that includes the path, the tags and a creation date', async () => {
    const name = unique('alice');
    const { User } = await env.iam.send(
      new CreateUserCommand({
        UserName: name,
        Path: '/engineering/',
        Tags: [{ Key: 'team', Value: 'core' }],
      }),
    );
    expect(User).toMatchObject({
      UserName: name,
      Path: '/engineering/',
      Arn: `arn:aws:iam::${ACCOUNT}:user/engineering/${name}`,
      Tags: [{ Key: 'team', Value: 'core' }],
    });
    expect(User!.UserId).toMatch(idPattern('AIDA'));
    expect(User!.CreateDate).toBeInstanceOf(Date);
  });

  it('refuses a name already taken, ignoring case (EntityAlreadyExists, 409)', async () => {
    const name = unique('bob');
    await createUser(name);
    await expectError(() => env.iam.send(new CreateUserCommand({ UserName: name.toUpperCase() })), {
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: `User with name ${name.toUpperCase()} already exists.`,
    });
  });

  it('refuses a name outside the pattern (ValidationError, 400)', async () => {
    await expectError(() => env.iam.send(new CreateUserCommand({ UserName: 'no spaces' })), {
      name: 'ValidationError',
      status: 400,
      message:
        /Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    });
  });
});

describe('GetUser', () => {
  it('returns a named user with its tags', async () => {
    const name = unique('carol');
    const created = await createUser(name);
    await env.iam.send(new TagUserCommand({ UserName: name, Tags: [{ Key: 'k', Value: 'v' }] }));
    const { User } = await env.iam.send(new GetUserCommand({ UserName: name }));
    expect(User).toMatchObject({
      UserName: name,
      UserId: created.UserId,
      Arn: created.Arn,
      Path: '/',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect(User!.CreateDate).toEqual(created.CreateDate);
  });

  it('without a name describes the caller: for the root key, the account root', async () => {
    const { User } = await env.iam.send(new GetUserCommand({}));
    expect(User).toMatchObject({ UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
    expect(User!.UserName).toBeUndefined();
    expect(User!.CreateDate).toBeInstanceOf(Date);
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new GetUserCommand({ UserName: 'nobody-here' })),
      noSuchUser('nobody-here'),
    );
  });
});

describe('ListUsers', () => {
  it('filters by path prefix and pages with MaxItems and Marker', async () => {
    const path = `/${unique('list')}/`;
    const names = [unique('u-a'), unique('u-b'), unique('u-c')];
    for (const name of names) await createUser(name, path);
    const first = await env.iam.send(new ListUsersCommand({ PathPrefix: path, MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.Marker).toEqual(expect.any(String));
    expect(first.Users!.map((u) => u.UserName)).toEqual(names.slice(0, 2));
    expect(first.Users![0]!.CreateDate).toBeInstanceOf(Date);
    expect(first.Users![0]!.UserId).toMatch(idPattern('AIDA'));
    const second = await env.iam.send(
      new ListUsersCommand({ PathPrefix: path, MaxItems: 2, Marker: first.Marker }),
    );
    expect(second.IsTruncated).toBe(false);
    expect(second.Marker).toBeUndefined();
    expect(second.Users!.map((u) => u.UserName)).toEqual(names.slice(2));
  });

  it('an unreadable Marker is ValidationError (400)', async () => {
    await expectError(() => env.iam.send(new ListUsersCommand({ Marker: 'not-a-marker' })), {
      name: 'ValidationError',
      status: 400,
      message: 'Invalid Marker.',
    });
  });

  it('MaxItems above 1000 is ValidationError (400)', async () => {
    await expectError(() => env.iam.send(new ListUsersCommand({ MaxItems: 1001 })), {
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
  });
});

describe('UpdateUser', () => {
  it('renames and moves a user, keeping its id', async () => {
    const name = unique('dave');
    const renamed = unique('david');
    const created = await createUser(name);
    await env.iam.send(new UpdateUserCommand({ UserName: name, NewUserName: renamed, NewPath: '/moved/' }));
    const { User } = await env.iam.send(new GetUserCommand({ UserName: renamed }));
    expect(User).toMatchObject({
      UserId: created.UserId,
      Path: '/moved/',
      Arn: `arn:aws:iam::${ACCOUNT}:user/moved/${renamed}`,
    });
    await expectError(() => env.iam.send(new GetUserCommand({ UserName: name })), noSuchUser(name));
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new UpdateUserCommand({ UserName: 'nobody-update', NewPath: '/x/' })),
      noSuchUser('nobody-update'),
    );
  });

  it('renaming onto an existing user is EntityAlreadyExists (409)', async () => {
    const a = unique('erin');
    const b = unique('erik');
    await createUser(a);
    await createUser(b);
    await expectError(() => env.iam.send(new UpdateUserCommand({ UserName: a, NewUserName: b })), {
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: `User with name ${b} already exists.`,
    });
  });
});

describe('DeleteUser', () => {
  it('deletes a user with nothing attached', async () => {
    const name = unique('frank');
    await createUser(name);
    const out = await env.iam.send(new DeleteUserCommand({ UserName: name }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await expectError(() => env.iam.send(new GetUserCommand({ UserName: name })), noSuchUser(name));
  });

  it('a user with an inline policy is DeleteConflict (409)', async () => {
    const name = unique('grace');
    await createUser(name);
    await env.iam.send(
      new PutUserPolicyCommand({
        UserName: name,
        PolicyName: 'inline',
        PolicyDocument: allow('s3:GetObject'),
      }),
    );
    await expectError(() => env.iam.send(new DeleteUserCommand({ UserName: name })), {
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must delete policies first.',
    });
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new DeleteUserCommand({ UserName: 'nobody-delete' })),
      noSuchUser('nobody-delete'),
    );
  });
});

describe('TagUser, UntagUser, ListUserTags', () => {
  it('tags, lists in pages and untags', async () => {
    const name = unique('heidi');
    await createUser(name);
    await env.iam.send(
      new TagUserCommand({
        UserName: name,
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
          { Key: 'c', Value: '3' },
        ],
      }),
    );
    const first = await env.iam.send(new ListUserTagsCommand({ UserName: name, MaxItems: 2 }));
    expect(first).toMatchObject({
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
      IsTruncated: true,
    });
    const second = await env.iam.send(new ListUserTagsCommand({ UserName: name, Marker: first.Marker }));
    expect(second).toMatchObject({ Tags: [{ Key: 'c', Value: '3' }], IsTruncated: false });

    await env.iam.send(new UntagUserCommand({ UserName: name, TagKeys: ['a', 'c'] }));
    const after = await env.iam.send(new ListUserTagsCommand({ UserName: name }));
    expect(after.Tags).toEqual([{ Key: 'b', Value: '2' }]);
  });

  it('duplicate keys in one request are InvalidInput (400)', async () => {
    const name = unique('ivan');
    await createUser(name);
    await expectError(
      () =>
        env.iam.send(
          new TagUserCommand({
            UserName: name,
            Tags: [
              { Key: 'env', Value: 'a' },
              { Key: 'ENV', Value: 'b' },
            ],
          }),
        ),
      { name: 'InvalidInputException', status: 400 },
    );
  });

  it('more than 50 tags in all is LimitExceeded (409)', async () => {
    const name = unique('judy');
    await createUser(name);
    const tags = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }));
    await env.iam.send(new TagUserCommand({ UserName: name, Tags: tags(0, 30) }));
    await expectError(() => env.iam.send(new TagUserCommand({ UserName: name, Tags: tags(30, 21) })), {
      name: 'LimitExceededException',
      status: 409,
    });
  });

  it('a missing user is NoSuchEntity (404) for each of them', async () => {
    const missing = noSuchUser('nonexistent-user');
    await expectError(
      () =>
        env.iam.send(new TagUserCommand({ UserName: 'nonexistent-user', Tags: [{ Key: 'k', Value: 'v' }] })),
      missing,
    );
    await expectError(
      () => env.iam.send(new UntagUserCommand({ UserName: 'nonexistent-user', TagKeys: ['k'] })),
      missing,
    );
    await expectError(() => env.iam.send(new ListUserTagsCommand({ UserName: 'nonexistent-user' })), missing);
  });
});

describe('PutUserPermissionsBoundary, DeleteUserPermissionsBoundary', () => {
  it('sets a managed policy as the boundary, shown by GetUser, and removes it', async () => {
    const name = unique('ken');
    await createUser(name);
    const { Policy } = await env.iam.send(
      new CreatePolicyCommand({ PolicyName: unique('boundary'), PolicyDocument: allow('s3:*') }),
    );
    await env.iam.send(
      new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: Policy!.Arn }),
    );
    const withBoundary = await env.iam.send(new GetUserCommand({ UserName: name }));
    expect(withBoundary.User!.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: Policy!.Arn,
    });
    await env.iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: name }));
    const without = await env.iam.send(new GetUserCommand({ UserName: name }));
    expect(without.User!.PermissionsBoundary).toBeUndefined();
  });

  it('an AWS managed policy can be the boundary', async () => {
    const name = unique('leo');
    await createUser(name);
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    await env.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: arn }));
    const { User } = await env.iam.send(new GetUserCommand({ UserName: name }));
    expect(User!.PermissionsBoundary?.PermissionsBoundaryArn).toBe(arn);
  });

  it('a policy that does not exist is NoSuchEntity (404)', async () => {
    const name = unique('mallory');
    await createUser(name);
    const arn = `arn:aws:iam::${ACCOUNT}:policy/nonexistent-policy`;
    await expectError(
      () => env.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: arn })),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: `Scope ARN: ${arn} does not exist or is not attachable.`,
      },
    );
  });

  it('an ARN that is not a policy ARN is InvalidInput (400)', async () => {
    const name = unique('nina');
    await createUser(name);
    const arn = `arn:aws:iam::${ACCOUNT}:not_a_policy/invalid`;
    await expectError(
      () => env.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: arn })),
      { name: 'InvalidInputException', status: 400, message: `ARN ${arn} is not valid.` },
    );
  });

  it('removing the boundary of a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'nobody-boundary' })),
      noSuchUser('nobody-boundary'),
    );
  });
});
