import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { createUser } from '../users/create-user.js';
import { updateUser } from '../users/update-user.js';
import { addUserToGroup } from './add-user-to-group.js';
import { createGroup } from './create-group.js';
import { getGroup } from './get-group.js';
import { listGroupsForUser } from './list-groups-for-user.js';
import { removeUserFromGroup } from './remove-user-from-group.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createUser(h.ctx, { UserName: 'alice' });
  await createGroup(h.ctx, { GroupName: 'group-2' });
  await createGroup(h.ctx, { GroupName: 'group-1' });
  h.calls.length = 0;
});
afterEach(() => h.ctx.close());

const groupsOf = async (user: string) =>
  (await listGroupsForUser(h.ctx, { UserName: user })).Groups.map((g) => g.GroupName);

describe('group membership', () => {
  it('adds, lists and removes (recorded: test_user_group_membership)', async () => {
    expect(await listGroupsForUser(h.ctx, { UserName: 'alice' })).toEqual({ Groups: [], IsTruncated: false });
    await addUserToGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    await addUserToGroup(h.ctx, { GroupName: 'group-2', UserName: 'alice' });
    expect(await groupsOf('alice')).toEqual(['group-1', 'group-2']);
    expect((await getGroup(h.ctx, { GroupName: 'group-1' })).Users).toEqual([
      expect.objectContaining({ UserName: 'alice', Arn: 'arn:aws:iam::123456789012:user/alice' }),
    ]);
    await removeUserFromGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    expect(await groupsOf('alice')).toEqual(['group-2']);
  });

  it('adding twice keeps one membership; removing a non-member succeeds', async () => {
    await addUserToGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    await addUserToGroup(h.ctx, { GroupName: 'GROUP-1', UserName: 'ALICE' });
    expect(await groupsOf('alice')).toEqual(['group-1']);
    await removeUserFromGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    await removeUserFromGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    expect(await groupsOf('alice')).toEqual([]);
  });

  it('membership survives a rename (recorded: test_user_rename_preserves_group_membership)', async () => {
    await addUserToGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    await updateUser(h.ctx, { UserName: 'alice', NewUserName: 'alicia' });
    expect(await groupsOf('alicia')).toEqual(['group-1']);
    await expect(listGroupsForUser(h.ctx, { UserName: 'alice' })).rejects.toMatchObject({
      message: 'The user with name alice cannot be found.',
    });
  });

  it('names the missing user or group with AWS messages, the user first', async () => {
    await expect(
      addUserToGroup(h.ctx, { GroupName: 'group-1', UserName: 'non-existent-user' }),
    ).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The user with name non-existent-user cannot be found.',
    });
    await expect(
      addUserToGroup(h.ctx, { GroupName: 'non-existent-group', UserName: 'alice' }),
    ).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The group with name non-existent-group cannot be found.',
    });
    await expect(
      removeUserFromGroup(h.ctx, { GroupName: 'non-existent-group', UserName: 'any-user' }),
    ).rejects.toMatchObject({ message: 'The user with name any-user cannot be found.' });
  });

  it('authorizes membership changes on the group', async () => {
    await addUserToGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    await removeUserFromGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:AddUserToGroup', 'arn:aws:iam::123456789012:group/group-1'],
      ['iam:RemoveUserFromGroup', 'arn:aws:iam::123456789012:group/group-1'],
    ]);
  });

  it('a user may be in at most 10 groups', async () => {
    for (let i = 0; i < 10; i++) {
      await createGroup(h.ctx, { GroupName: `g${i}` });
      await addUserToGroup(h.ctx, { GroupName: `g${i}`, UserName: 'alice' });
    }
    await expect(addUserToGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' })).rejects.toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for GroupsPerUser: 10',
    });
    // Re-adding an existing membership is not a new one.
    await addUserToGroup(h.ctx, { GroupName: 'g0', UserName: 'alice' });
  });

  it('pages the members of a group', async () => {
    await createUser(h.ctx, { UserName: 'bob' });
    await addUserToGroup(h.ctx, { GroupName: 'group-1', UserName: 'bob' });
    await addUserToGroup(h.ctx, { GroupName: 'group-1', UserName: 'alice' });
    const first = await getGroup(h.ctx, { GroupName: 'group-1', MaxItems: 1 });
    expect(first).toMatchObject({ Users: [{ UserName: 'alice' }], IsTruncated: true });
    const second = await getGroup(h.ctx, { GroupName: 'group-1', MaxItems: 1, Marker: first.Marker });
    expect(second).toMatchObject({ Users: [{ UserName: 'bob' }], IsTruncated: false });
  });
});
