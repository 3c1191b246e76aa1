import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, storeCustomerPolicy, type Harness } from '../common/test-support/identities.js';
import { createUser } from './create-user.js';
import { deleteUserPermissionsBoundary } from './delete-user-permissions-boundary.js';
import { getUser } from './get-user.js';
import { putUserPermissionsBoundary } from './put-user-permissions-boundary.js';

let h: Harness;
let boundary: string;
beforeEach(async () => {
  h = await harness();
  boundary = await storeCustomerPolicy(h.ctx, 'Boundary');
  await createUser(h.ctx, { UserName: 'alice' });
  h.calls.length = 0;
});
afterEach(() => h.ctx.close());

describe('user permissions boundary', () => {
  it('puts and deletes the boundary', async () => {
    await putUserPermissionsBoundary(h.ctx, { UserName: 'alice', PermissionsBoundary: boundary });
    expect((await getUser(h.ctx, { UserName: 'alice' })).User.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: boundary,
    });
    await deleteUserPermissionsBoundary(h.ctx, { UserName: 'alice' });
    expect((await getUser(h.ctx, { UserName: 'alice' })).User).not.toHaveProperty('PermissionsBoundary');
    // CreateUser, then the put and the delete.
    expect(h.changes()).toBe(3);
  });

  it('carries iam:PermissionsBoundary: the new one on put, the current one on delete', async () => {
    await putUserPermissionsBoundary(h.ctx, { UserName: 'alice', PermissionsBoundary: boundary });
    await deleteUserPermissionsBoundary(h.ctx, { UserName: 'alice' });
    const puts = h.calls.filter((c) => c.action !== 'iam:GetUser');
    expect(puts.map((c) => [c.action, c.context['iam:PermissionsBoundary']])).toEqual([
      ['iam:PutUserPermissionsBoundary', boundary],
      ['iam:DeleteUserPermissionsBoundary', boundary],
    ]);
  });

  it('refuses a policy that does not exist and an ARN that is no policy, with AWS messages', async () => {
    const missing = 'arn:aws:iam::123456789012:policy/nonexistent-policy';
    await expect(
      putUserPermissionsBoundary(h.ctx, { UserName: 'alice', PermissionsBoundary: missing }),
    ).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: `Scope ARN: ${missing} does not exist or is not attachable.`,
    });
    const invalid = 'arn:aws:iam::123456789012:not_a_policy/invalid';
    await expect(
      putUserPermissionsBoundary(h.ctx, { UserName: 'alice', PermissionsBoundary: invalid }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: `ARN ${invalid} is not valid.` });
  });

  it('says NoSuchEntity for an unknown user', async () => {
    await expect(
      putUserPermissionsBoundary(h.ctx, { UserName: 'ghost', PermissionsBoundary: boundary }),
    ).rejects.toMatchObject({ code: 'NoSuchEntity', message: 'The user with name ghost cannot be found.' });
    await expect(deleteUserPermissionsBoundary(h.ctx, { UserName: 'ghost' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
    });
  });
});
