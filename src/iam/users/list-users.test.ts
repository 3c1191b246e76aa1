import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { createUser } from './create-user.js';
import { listUsers } from './list-users.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

describe('ListUsers', () => {
  it('lists users in name order, without tags or boundary', async () => {
    await createUser(h.ctx, { UserName: 'carol', Tags: [{ Key: 'k', Value: 'v' }] });
    await createUser(h.ctx, { UserName: 'Alice' });
    await createUser(h.ctx, { UserName: 'bob' });
    const { Users, IsTruncated, Marker } = await listUsers(h.ctx, {});
    expect(Users.map((u) => u.UserName)).toEqual(['Alice', 'bob', 'carol']);
    expect(Users[2]).not.toHaveProperty('Tags');
    expect(IsTruncated).toBe(false);
    expect(Marker).toBeUndefined();
  });

  it('filters by path prefix, also a partial one (recorded: test_user_lifecycle)', async () => {
    await createUser(h.ctx, { UserName: 'a', Path: '/test-lifecycle-path/' });
    await createUser(h.ctx, { UserName: 'b' });
    expect(
      (await listUsers(h.ctx, { PathPrefix: '/test-lifecycle-path/' })).Users.map((u) => u.UserName),
    ).toEqual(['a']);
    expect((await listUsers(h.ctx, { PathPrefix: '/test-life' })).Users.map((u) => u.UserName)).toEqual([
      'a',
    ]);
  });

  it('pages with MaxItems and Marker', async () => {
    for (const name of ['u1', 'u2', 'u3']) await createUser(h.ctx, { UserName: name });
    const first = await listUsers(h.ctx, { MaxItems: 2 });
    expect(first.Users.map((u) => u.UserName)).toEqual(['u1', 'u2']);
    expect(first.IsTruncated).toBe(true);
    const second = await listUsers(h.ctx, { MaxItems: 2, Marker: first.Marker });
    expect(second.Users.map((u) => u.UserName)).toEqual(['u3']);
    expect(second.IsTruncated).toBe(false);
  });

  it('authorizes iam:ListUsers on the user ARN prefix with the path prefix', async () => {
    await listUsers(h.ctx, {});
    await listUsers(h.ctx, { PathPrefix: '/eng/' });
    expect(h.calls.map((c) => c.resource)).toEqual([
      'arn:aws:iam::123456789012:user/',
      'arn:aws:iam::123456789012:user/eng/',
    ]);
  });

  it('validates the path prefix', async () => {
    await expect(listUsers(h.ctx, { PathPrefix: 'eng' })).rejects.toMatchObject({ code: 'ValidationError' });
  });
});
