import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccessKey } from '../access-keys/create-access-key.js';
import { deleteAccessKey } from '../access-keys/delete-access-key.js';
import {
  harness,
  storeAttachment,
  storeCustomerPolicy,
  storeInlinePolicy,
  type Harness,
} from '../common/test-support/identities.js';
import { addUserToGroup } from '../groups/add-user-to-group.js';
import { createGroup } from '../groups/create-group.js';
import { createLoginProfile } from '../login-profiles/create-login-profile.js';
import { createUser } from './create-user.js';
import { deleteUser } from './delete-user.js';
import { getUser } from './get-user.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

const conflict = (message: string) => ({ code: 'DeleteConflict', status: 409, message });

describe('DeleteUser', () => {
  it('deletes a user and its tags', async () => {
    await createUser(h.ctx, { UserName: 'alice', Tags: [{ Key: 'k', Value: 'v' }] });
    await deleteUser(h.ctx, { UserName: 'ALICE' });
    await expect(getUser(h.ctx, { UserName: 'alice' })).rejects.toMatchObject({ code: 'NoSuchEntity' });
    const tags = await h.ctx.store.db.selectFrom('tags').selectAll().execute();
    expect(tags).toEqual([]);
    expect(h.changes()).toBe(2);
  });

  it('says NoSuchEntity for an unknown user, with AWS message', async () => {
    await expect(deleteUser(h.ctx, { UserName: 'nonexistent-user' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The user with name nonexistent-user cannot be found.',
    });
  });

  it('refuses while the user has a login profile', async () => {
    await createUser(h.ctx, { UserName: 'bob' });
    await createLoginProfile(h.ctx, { UserName: 'bob', Password: 'Correct-Horse-9' });
    await expect(deleteUser(h.ctx, { UserName: 'bob' })).rejects.toMatchObject(
      conflict('Cannot delete entity, must delete login profile first.'),
    );
  });

  it('refuses while the user has access keys, and succeeds once they are deleted', async () => {
    await createUser(h.ctx, { UserName: 'carol' });
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'carol' });
    await expect(deleteUser(h.ctx, { UserName: 'carol' })).rejects.toMatchObject(
      conflict('Cannot delete entity, must delete access keys first.'),
    );
    await deleteAccessKey(h.ctx, { UserName: 'carol', AccessKeyId: AccessKey.AccessKeyId });
    await deleteUser(h.ctx, { UserName: 'carol' });
  });

  it('refuses while the user has inline policies (recorded message)', async () => {
    const { User } = await createUser(h.ctx, { UserName: 'dave' });
    await storeInlinePolicy(h.ctx, 'user', User!.UserId, 'inline');
    await expect(deleteUser(h.ctx, { UserName: 'dave' })).rejects.toMatchObject(
      conflict('Cannot delete entity, must delete policies first.'),
    );
  });

  it('refuses while the user has attached policies (recorded message)', async () => {
    const { User } = await createUser(h.ctx, { UserName: 'erin' });
    await storeAttachment(h.ctx, 'user', User!.UserId, await storeCustomerPolicy(h.ctx, 'P'));
    await expect(deleteUser(h.ctx, { UserName: 'erin' })).rejects.toMatchObject(
      conflict('Cannot delete entity, must detach all policies first.'),
    );
  });

  it('refuses while the user is in a group', async () => {
    await createUser(h.ctx, { UserName: 'frank' });
    await createGroup(h.ctx, { GroupName: 'devs' });
    await addUserToGroup(h.ctx, { GroupName: 'devs', UserName: 'frank' });
    await expect(deleteUser(h.ctx, { UserName: 'frank' })).rejects.toMatchObject(
      conflict('Cannot delete entity, must remove users from group first.'),
    );
    // Nothing was deleted.
    await getUser(h.ctx, { UserName: 'frank' });
  });
});
