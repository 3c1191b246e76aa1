import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { expectError, idPattern, serverForFile, unique } from './support.js';

// Groups (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateGroup.html and the pages it links).
const env = serverForFile();

const noSuchGroup = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `The group with name ${name} cannot be found.`,
});
const noSuchUser = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `The user with name ${name} cannot be found.`,
});

async function createGroup(name: string, path?: string) {
  return (await env.iam.send(new CreateGroupCommand({ GroupName: name, Path: path }))).Group!;
}

async function createUser(name: string) {
  return (await env.iam.send(new CreateUserCommand({ UserName: name }))).User!;
}

describe('CreateGroup', () => {
  it('returns the group with an AGPA id, its path in the ARN and a creation date', async () => {
    const name = unique('admins');
    const group = await createGroup(name, '/division/');
    expect(group).toMatchObject({
      GroupName: name,
      Path: '/division/',
      Arn: `arn:aws:iam::${ACCOUNT}:group/division/${name}`,
    });
    expect(group.GroupId).toMatch(idPattern('AGPA'));
    expect(group.CreateDate).toBeInstanceOf(Date);
  });

  it('a name already taken is EntityAlreadyExists (409)', async () => {
    const name = unique('dup');
    await createGroup(name);
    await expectError(() => env.iam.send(new CreateGroupCommand({ GroupName: name })), {
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: `Group with name ${name} already exists.`,
    });
  });
});

describe('GetGroup', () => {
  it('returns the group and its members, one page at a time', async () => {
    const name = unique('team');
    const group = await createGroup(name);
    const users = [unique('m-a'), unique('m-b'), unique('m-c')];
    for (const user of users) {
      await createUser(user);
      await env.iam.send(new AddUserToGroupCommand({ GroupName: name, UserName: user }));
    }
    const first = await env.iam.send(new GetGroupCommand({ GroupName: name, MaxItems: 2 }));
    expect(first.Group).toMatchObject({ GroupName: name, GroupId: group.GroupId, Arn: group.Arn, Path: '/' });
    expect(first.Group!.CreateDate).toBeInstanceOf(Date);
    expect(first.Users!.map((u) => u.UserName)).toEqual(users.slice(0, 2));
    expect(first.Users![0]!.UserId).toMatch(idPattern('AIDA'));
    expect(first.IsTruncated).toBe(true);
    const second = await env.iam.send(new GetGroupCommand({ GroupName: name, Marker: first.Marker }));
    expect(second.Users!.map((u) => u.UserName)).toEqual(users.slice(2));
    expect(second.IsTruncated).toBe(false);
  });

  it('a missing group is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new GetGroupCommand({ GroupName: 'non-existent-group' })),
      noSuchGroup('non-existent-group'),
    );
  });
});

describe('ListGroups', () => {
  it('filters by path prefix and pages', async () => {
    const path = `/${unique('lg')}/`;
    const names = [unique('g-a'), unique('g-b'), unique('g-c')];
    for (const name of names) await createGroup(name, path);
    const first = await env.iam.send(new ListGroupsCommand({ PathPrefix: path, MaxItems: 2 }));
    expect(first.Groups!.map((g) => g.GroupName)).toEqual(names.slice(0, 2));
    expect(first.Groups![0]!.GroupId).toMatch(idPattern('AGPA'));
    expect(first.IsTruncated).toBe(true);
    const second = await env.iam.send(new ListGroupsCommand({ PathPrefix: path, Marker: first.Marker }));
    expect(second.Groups!.map((g) => g.GroupName)).toEqual(names.slice(2));
    expect(second.IsTruncated).toBe(false);
  });

  it('a path prefix that does not start with a slash is ValidationError (400)', async () => {
    await expectError(() => env.iam.send(new ListGroupsCommand({ PathPrefix: 'no-slash' })), {
      name: 'ValidationError',
      status: 400,
    });
  });
});

describe('UpdateGroup', () => {
  it('renames and moves a group, keeping its id and members', async () => {
    const name = unique('old');
    const renamed = unique('new');
    const group = await createGroup(name);
    const user = unique('member');
    await createUser(user);
    await env.iam.send(new AddUserToGroupCommand({ GroupName: name, UserName: user }));
    await env.iam.send(
      new UpdateGroupCommand({ GroupName: name, NewGroupName: renamed, NewPath: '/moved/' }),
    );
    const out = await env.iam.send(new GetGroupCommand({ GroupName: renamed }));
    expect(out.Group).toMatchObject({
      GroupId: group.GroupId,
      Path: '/moved/',
      Arn: `arn:aws:iam::${ACCOUNT}:group/moved/${renamed}`,
    });
    expect(out.Users!.map((u) => u.UserName)).toEqual([user]);
    await expectError(() => env.iam.send(new GetGroupCommand({ GroupName: name })), noSuchGroup(name));
  });

  it('a missing group is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new UpdateGroupCommand({ GroupName: 'nonexisting', NewGroupName: 'whatever' })),
      noSuchGroup('nonexisting'),
    );
  });

  it('renaming onto an existing group is EntityAlreadyExists (409)', async () => {
    const a = unique('ga');
    const b = unique('gb');
    await createGroup(a);
    await createGroup(b);
    await expectError(() => env.iam.send(new UpdateGroupCommand({ GroupName: a, NewGroupName: b })), {
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: `Group with name ${b} already exists.`,
    });
  });
});

describe('DeleteGroup', () => {
  it('deletes an empty group', async () => {
    const name = unique('gone');
    await createGroup(name);
    const out = await env.iam.send(new DeleteGroupCommand({ GroupName: name }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await expectError(() => env.iam.send(new GetGroupCommand({ GroupName: name })), noSuchGroup(name));
  });

  it('a group with members is DeleteConflict (409)', async () => {
    const name = unique('busy');
    await createGroup(name);
    const user = unique('inside');
    await createUser(user);
    await env.iam.send(new AddUserToGroupCommand({ GroupName: name, UserName: user }));
    await expectError(() => env.iam.send(new DeleteGroupCommand({ GroupName: name })), {
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must remove users from group first.',
    });
  });

  it('a missing group is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new DeleteGroupCommand({ GroupName: 'unknown-group' })),
      noSuchGroup('unknown-group'),
    );
  });
});

describe('AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser', () => {
  it('adds (idempotently), lists the user groups in pages, and removes', async () => {
    const user = unique('joiner');
    await createUser(user);
    const groups = [unique('ga'), unique('gb'), unique('gc')];
    for (const group of groups) {
      await createGroup(group);
      await env.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));
    }
    // Adding twice is not an error.
    await env.iam.send(new AddUserToGroupCommand({ GroupName: groups[0], UserName: user }));

    const first = await env.iam.send(new ListGroupsForUserCommand({ UserName: user, MaxItems: 2 }));
    expect(first.Groups!.map((g) => g.GroupName)).toEqual(groups.slice(0, 2));
    expect(first.Groups![0]!.GroupId).toMatch(idPattern('AGPA'));
    expect(first.Groups![0]!.CreateDate).toBeInstanceOf(Date);
    expect(first.IsTruncated).toBe(true);
    const second = await env.iam.send(new ListGroupsForUserCommand({ UserName: user, Marker: first.Marker }));
    expect(second.Groups!.map((g) => g.GroupName)).toEqual(groups.slice(2));
    expect(second.IsTruncated).toBe(false);

    for (const group of groups)
      await env.iam.send(new RemoveUserFromGroupCommand({ GroupName: group, UserName: user }));
    const after = await env.iam.send(new ListGroupsForUserCommand({ UserName: user }));
    expect(after.Groups).toEqual([]);
  });

  it('AddUserToGroup: a missing group or user is NoSuchEntity (404)', async () => {
    const user = unique('lonely');
    await createUser(user);
    await expectError(
      () => env.iam.send(new AddUserToGroupCommand({ GroupName: 'nonexistent-group', UserName: user })),
      noSuchGroup('nonexistent-group'),
    );
    const group = unique('empty');
    await createGroup(group);
    await expectError(
      () => env.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: 'non-existent-user' })),
      noSuchUser('non-existent-user'),
    );
  });

  it('RemoveUserFromGroup: a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new RemoveUserFromGroupCommand({ GroupName: 'nonexistent-group', UserName: 'any-user' }),
        ),
      noSuchUser('any-user'),
    );
  });

  it('ListGroupsForUser: a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new ListGroupsForUserCommand({ UserName: 'no-such-member' })),
      noSuchUser('no-such-member'),
    );
  });
});
