import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { createUser } from './create-user.js';
import { getUser } from './get-user.js';
import { listUserTags } from './list-user-tags.js';
import { tagUser } from './tag-user.js';
import { untagUser } from './untag-user.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createUser(h.ctx, { UserName: 'alice' });
  h.calls.length = 0;
});
afterEach(() => h.ctx.close());

describe('user tags', () => {
  it('tags, lists and untags (recorded: test_user_tag_operations)', async () => {
    expect(await listUserTags(h.ctx, { UserName: 'alice' })).toEqual({ Tags: [], IsTruncated: false });
    await tagUser(h.ctx, {
      UserName: 'alice',
      Tags: [
        { Key: 'key-1', Value: 'value-1' },
        { Key: 'key-2', Value: 'value-2' },
      ],
    });
    expect((await listUserTags(h.ctx, { UserName: 'alice' })).Tags).toEqual([
      { Key: 'key-1', Value: 'value-1' },
      { Key: 'key-2', Value: 'value-2' },
    ]);
    await untagUser(h.ctx, { UserName: 'alice', TagKeys: ['key-2', 'absent'] });
    expect((await listUserTags(h.ctx, { UserName: 'alice' })).Tags).toEqual([
      { Key: 'key-1', Value: 'value-1' },
    ]);
    expect((await getUser(h.ctx, { UserName: 'alice' })).User.Tags).toEqual([
      { Key: 'key-1', Value: 'value-1' },
    ]);
  });

  it('overwrites a tag whose key differs only in case', async () => {
    await tagUser(h.ctx, { UserName: 'alice', Tags: [{ Key: 'Team', Value: 'red' }] });
    await tagUser(h.ctx, { UserName: 'alice', Tags: [{ Key: 'team', Value: 'blue' }] });
    expect((await listUserTags(h.ctx, { UserName: 'alice' })).Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
  });

  it('refuses more than 50 tags on a user', async () => {
    const tags = (from: number) =>
      Array.from({ length: 25 }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }));
    await tagUser(h.ctx, { UserName: 'alice', Tags: tags(0) });
    await tagUser(h.ctx, { UserName: 'alice', Tags: tags(25) });
    await expect(
      tagUser(h.ctx, { UserName: 'alice', Tags: [{ Key: 'one-more', Value: 'v' }] }),
    ).rejects.toMatchObject({
      code: 'LimitExceeded',
    });
  });

  it('pages the tag list', async () => {
    await tagUser(h.ctx, {
      UserName: 'alice',
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    });
    const first = await listUserTags(h.ctx, { UserName: 'alice', MaxItems: 1 });
    expect(first).toMatchObject({ Tags: [{ Key: 'a', Value: '1' }], IsTruncated: true });
    const second = await listUserTags(h.ctx, { UserName: 'alice', MaxItems: 1, Marker: first.Marker });
    expect(second).toEqual({ Tags: [{ Key: 'b', Value: '2' }], IsTruncated: false });
  });

  it('authorizes with the request tags, the tag keys and the existing tags as resource tags', async () => {
    await tagUser(h.ctx, { UserName: 'alice', Tags: [{ Key: 'team', Value: 'red' }] });
    await untagUser(h.ctx, { UserName: 'alice', TagKeys: ['team'] });
    expect(h.calls).toEqual([
      {
        action: 'iam:TagUser',
        resource: 'arn:aws:iam::123456789012:user/alice',
        context: { 'aws:RequestTag/team': 'red', 'aws:TagKeys': ['team'] },
      },
      {
        action: 'iam:UntagUser',
        resource: 'arn:aws:iam::123456789012:user/alice',
        context: {
          'aws:ResourceTag/team': 'red',
          'iam:ResourceTag/team': 'red',
          'aws:TagKeys': ['team'],
        },
      },
    ]);
  });

  it('says NoSuchEntity for an unknown user, with AWS message (recorded: test_user_tag_errors)', async () => {
    const missing = { code: 'NoSuchEntity', message: 'The user with name nonexistent-user cannot be found.' };
    await expect(
      tagUser(h.ctx, { UserName: 'nonexistent-user', Tags: [{ Key: 'k', Value: 'v' }] }),
    ).rejects.toMatchObject(missing);
    await expect(untagUser(h.ctx, { UserName: 'nonexistent-user', TagKeys: ['k'] })).rejects.toMatchObject(
      missing,
    );
    await expect(listUserTags(h.ctx, { UserName: 'nonexistent-user' })).rejects.toMatchObject(missing);
  });
});
