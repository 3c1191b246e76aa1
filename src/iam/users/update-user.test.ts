import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccessKey } from '../access-keys/create-access-key.js';
import { listAccessKeys } from '../access-keys/list-access-keys.js';
import { harness, type Harness } from '../common/test-support/identities.js';
import { addUserToGroup } from '../groups/add-user-to-group.js';
import { createGroup } from '../groups/create-group.js';
import { getGroup } from '../groups/get-group.js';
import { createUser } from './create-user.js';
import { getUser } from './get-user.js';
import { updateUser } from './update-user.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

describe('UpdateUser', () => {
  it('renames and moves a user, keeping its id; the old name is gone', async () => {
    const { User } = await createUser(h.ctx, { UserName: 'alice' });
    await updateUser(h.ctx, { UserName: 'alice', NewUserName: 'alicia', NewPath: '/moved/' });
    const renamed = await getUser(h.ctx, { UserName: 'alicia' });
    expect(renamed.User).toMatchObject({
      UserName: 'alicia',
      Path: '/moved/',
      UserId: User!.UserId,
      Arn: 'arn:aws:iam::123456789012:user/moved/alicia',
    });
    await expect(getUser(h.ctx, { UserName: 'alice' })).rejects.toMatchObject({
      message: 'The user with name alice cannot be found.',
    });
  });

  it('keeps group memberships and access keys, which report the new name', async () => {
    await createUser(h.ctx, { UserName: 'bob' });
    await createGroup(h.ctx, { GroupName: 'devs' });
    await addUserToGroup(h.ctx, { GroupName: 'devs', UserName: 'bob' });
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'bob' });
    await updateUser(h.ctx, { UserName: 'bob', NewUserName: 'robert' });
    expect((await getGroup(h.ctx, { GroupName: 'devs' })).Users.map((u) => u.UserName)).toEqual(['robert']);
    expect((await listAccessKeys(h.ctx, { UserName: 'robert' })).AccessKeyMetadata).toEqual([
      expect.objectContaining({ AccessKeyId: AccessKey.AccessKeyId, UserName: 'robert' }),
    ]);
  });

  it('allows a change of case only', async () => {
    await createUser(h.ctx, { UserName: 'carol' });
    await updateUser(h.ctx, { UserName: 'carol', NewUserName: 'Carol' });
    expect((await getUser(h.ctx, { UserName: 'carol' })).User.UserName).toBe('Carol');
  });

  it('refuses a name another user has, without regard to case', async () => {
    await createUser(h.ctx, { UserName: 'dave' });
    await createUser(h.ctx, { UserName: 'erin' });
    await expect(updateUser(h.ctx, { UserName: 'dave', NewUserName: 'ERIN' })).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
      message: 'User with name ERIN already exists.',
    });
  });

  it('says NoSuchEntity for an unknown user, with AWS message', async () => {
    await expect(
      updateUser(h.ctx, { UserName: 'nonexistent-user', NewUserName: 'new-name' }),
    ).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The user with name nonexistent-user cannot be found.',
    });
  });

  it('authorizes on the old and the new ARN', async () => {
    await createUser(h.ctx, { UserName: 'frank' });
    h.calls.length = 0;
    await updateUser(h.ctx, { UserName: 'frank', NewPath: '/ops/' });
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:UpdateUser', 'arn:aws:iam::123456789012:user/frank'],
      ['iam:UpdateUser', 'arn:aws:iam::123456789012:user/ops/frank'],
    ]);
  });

  it('validates the new name and path', async () => {
    await expect(
      updateUser(h.ctx, { UserName: 'x', NewUserName: 'a b', NewPath: 'p' }),
    ).rejects.toMatchObject({
      code: 'ValidationError',
      message:
        "2 validation errors detected: Value at 'newPath' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); " +
        "Value at 'newUserName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    });
  });
});
