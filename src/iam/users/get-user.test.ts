import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  denyAll,
  harness,
  ROLE_SESSION_CALLER,
  userCaller,
  type Harness,
} from '../common/test-support/identities.js';
import { createUser } from './create-user.js';
import { getUser } from './get-user.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

describe('GetUser', () => {
  it('returns the named user, found without regard to case, with its tags', async () => {
    const created = await createUser(h.ctx, { UserName: 'alice', Tags: [{ Key: 'team', Value: 'red' }] });
    const { User } = await getUser(h.ctx, { UserName: 'ALICE' });
    expect(User).toEqual(created.User);
    expect(User.Tags).toEqual([{ Key: 'team', Value: 'red' }]);
  });

  it('says NoSuchEntity with AWS message for an unknown user', async () => {
    await expect(getUser(h.ctx, { UserName: 'nonexistent-user' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
      status: 404,
      message: 'The user with name nonexistent-user cannot be found.',
    });
  });

  it('authorizes on the user ARN with its path', async () => {
    await createUser(h.ctx, { UserName: 'bob', Path: '/eng/' });
    h.calls.length = 0;
    await getUser(h.ctx, { UserName: 'bob' });
    expect(h.calls).toEqual([
      { action: 'iam:GetUser', resource: 'arn:aws:iam::123456789012:user/eng/bob', context: {} },
    ]);
  });

  it('does not disclose whether a user exists to a caller that may not read it', async () => {
    const denied = await harness({ authorize: denyAll });
    try {
      await expect(getUser(denied.ctx, { UserName: 'ghost' })).rejects.toMatchObject({
        code: 'AccessDenied',
      });
    } finally {
      await denied.ctx.close();
    }
  });

  it('without UserName returns the calling IAM user', async () => {
    const { User } = await createUser(h.ctx, { UserName: 'carol' });
    const self = await getUser(h.as(userCaller(User!)), {});
    expect(self.User.UserName).toBe('carol');
    expect(self.User.UserId).toBe(User!.UserId);
  });

  it('without UserName returns the root user for root credentials, without name or path', async () => {
    const { User } = await getUser(h.ctx, {});
    expect(User).toEqual({
      UserId: '123456789012',
      Arn: 'arn:aws:iam::123456789012:root',
      CreateDate: expect.any(Date),
    });
  });

  it('without UserName refuses credentials that are not a user, with AWS message', async () => {
    await expect(getUser(h.as(ROLE_SESSION_CALLER), {})).rejects.toMatchObject({
      code: 'ValidationError',
      message: 'Must specify userName when calling with non-User credentials',
    });
  });
});
