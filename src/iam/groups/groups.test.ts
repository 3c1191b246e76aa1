import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  harness,
  storeAttachment,
  storeCustomerPolicy,
  storeInlinePolicy,
  type Harness,
} from '../common/test-support/identities.js';
import { createUser } from '../users/create-user.js';
import { createGroup } from './create-group.js';
import { deleteGroup } from './delete-group.js';
import { getGroup } from './get-group.js';
import { listGroups } from './list-groups.js';
import { updateGroup } from './update-group.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

describe('CreateGroup', () => {
  it('creates a group with an AGPA id, at a path', async () => {
    const { Group } = await createGroup(h.ctx, { GroupName: 'devs', Path: '/some/location/' });
    expect(Group).toEqual({
      Path: '/some/location/',
      GroupName: 'devs',
      GroupId: expect.stringMatching(/^AGPA[A-Z2-7]{17}$/),
      Arn: 'arn:aws:iam::123456789012:group/some/location/devs',
      CreateDate: h.ctx.now,
    });
    expect(h.calls).toEqual([
      {
        action: 'iam:CreateGroup',
        resource: 'arn:aws:iam::123456789012:group/some/location/devs',
        context: {},
      },
    ]);
  });

  it('refuses a duplicate name without regard to case, with AWS message', async () => {
    await createGroup(h.ctx, { GroupName: 'devs' });
    await expect(createGroup(h.ctx, { GroupName: 'Devs' })).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
      message: 'Group with name Devs already exists.',
    });
  });

  it('enforces the quota of 300 groups per account', async () => {
    for (let i = 0; i < 300; i++) await createGroup(h.ctx, { GroupName: `g${i}` });
    await expect(createGroup(h.ctx, { GroupName: 'one-too-many' })).rejects.toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for GroupsPerAccount: 300',
    });
  });

  it('validates the name and path together', async () => {
    await expect(createGroup(h.ctx, { GroupName: 'a'.repeat(129), Path: 'x' })).rejects.toMatchObject({
      code: 'ValidationError',
      message: expect.stringMatching(
        /^2 validation errors detected: Value at 'groupName' .*; Value at 'path' /,
      ),
    });
  });
});

describe('GetGroup', () => {
  it('returns an empty member list for a new group (recorded: test_get_group_with_path)', async () => {
    const { Group } = await createGroup(h.ctx, { GroupName: 'devs' });
    expect(await getGroup(h.ctx, { GroupName: 'DEVS' })).toEqual({ Group, Users: [], IsTruncated: false });
  });

  it('says NoSuchEntity with AWS message', async () => {
    await expect(getGroup(h.ctx, { GroupName: 'non-existent-group' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
      status: 404,
      message: 'The group with name non-existent-group cannot be found.',
    });
  });
});

describe('UpdateGroup', () => {
  it('renames and moves a group, keeping its id (recorded: test_update_group_path)', async () => {
    const { Group } = await createGroup(h.ctx, { GroupName: 'old', Path: '/path/' });
    await updateGroup(h.ctx, { GroupName: 'old', NewGroupName: 'new', NewPath: '/new-path/' });
    expect((await getGroup(h.ctx, { GroupName: 'new' })).Group).toEqual({
      ...Group,
      GroupName: 'new',
      Path: '/new-path/',
      Arn: 'arn:aws:iam::123456789012:group/new-path/new',
    });
    await expect(getGroup(h.ctx, { GroupName: 'old' })).rejects.toMatchObject({
      message: 'The group with name old cannot be found.',
    });
  });

  it('refuses the name of another group, and an unknown group, with AWS messages', async () => {
    await createGroup(h.ctx, { GroupName: 'one' });
    await createGroup(h.ctx, { GroupName: 'two' });
    await expect(updateGroup(h.ctx, { GroupName: 'one', NewGroupName: 'two' })).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
      message: 'Group with name two already exists.',
    });
    await expect(
      updateGroup(h.ctx, { GroupName: 'nonexisting', NewGroupName: 'new-name' }),
    ).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The group with name nonexisting cannot be found.',
    });
  });
});

describe('DeleteGroup', () => {
  it('deletes a group', async () => {
    await createGroup(h.ctx, { GroupName: 'devs' });
    await deleteGroup(h.ctx, { GroupName: 'devs' });
    expect((await listGroups(h.ctx, {})).Groups).toEqual([]);
  });

  it('says NoSuchEntity with AWS message (recorded: test_delete_unknown_group)', async () => {
    await expect(deleteGroup(h.ctx, { GroupName: 'unknown-group' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The group with name unknown-group cannot be found.',
    });
  });

  it('refuses while the group has members or policies', async () => {
    const { Group } = await createGroup(h.ctx, { GroupName: 'devs' });
    const { User } = await createUser(h.ctx, { UserName: 'alice' });
    await h.ctx.store.db
      .insertInto('group_members')
      .values({ account_id: h.ctx.accountId, group_id: Group.GroupId, user_id: User!.UserId })
      .execute();
    await expect(deleteGroup(h.ctx, { GroupName: 'devs' })).rejects.toMatchObject({
      code: 'DeleteConflict',
      status: 409,
      message: 'Cannot delete entity, must remove users from group first.',
    });
    await h.ctx.store.db.deleteFrom('group_members').execute();

    await storeInlinePolicy(h.ctx, 'group', Group.GroupId, 'inline');
    await expect(deleteGroup(h.ctx, { GroupName: 'devs' })).rejects.toMatchObject({
      message: 'Cannot delete entity, must delete policies first.',
    });
    await h.ctx.store.db.deleteFrom('inline_policies').execute();

    await storeAttachment(h.ctx, 'group', Group.GroupId, await storeCustomerPolicy(h.ctx, 'P'));
    await expect(deleteGroup(h.ctx, { GroupName: 'devs' })).rejects.toMatchObject({
      message: 'Cannot delete entity, must detach all policies first.',
    });
  });
});

describe('ListGroups', () => {
  it('lists in name order, filters by path prefix and pages', async () => {
    await createGroup(h.ctx, { GroupName: 'b' });
    await createGroup(h.ctx, { GroupName: 'a', Path: '/eng/' });
    await createGroup(h.ctx, { GroupName: 'c', Path: '/eng/' });
    expect((await listGroups(h.ctx, {})).Groups.map((g) => g.GroupName)).toEqual(['a', 'b', 'c']);
    const first = await listGroups(h.ctx, { PathPrefix: '/eng/', MaxItems: 1 });
    expect(first).toMatchObject({ Groups: [{ GroupName: 'a' }], IsTruncated: true });
    const second = await listGroups(h.ctx, { PathPrefix: '/eng/', MaxItems: 1, Marker: first.Marker });
    expect(second).toMatchObject({ Groups: [{ GroupName: 'c' }], IsTruncated: false });
    expect(h.calls.filter((c) => c.action === 'iam:ListGroups').map((c) => c.resource)).toEqual([
      'arn:aws:iam::123456789012:group/',
      'arn:aws:iam::123456789012:group/eng/',
      'arn:aws:iam::123456789012:group/eng/',
    ]);
  });
});
