import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, ROLE_SESSION_CALLER, userCaller, type Harness } from '../common/test-support/identities.js';
import { createUser } from '../users/create-user.js';
import { createAccessKey } from './create-access-key.js';
import { deleteAccessKey } from './delete-access-key.js';
import { getAccessKeyLastUsed } from './get-access-key-last-used.js';
import { listAccessKeys } from './list-access-keys.js';
import { updateAccessKey } from './update-access-key.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createUser(h.ctx, { UserName: 'alice', Path: '/eng/' });
  h.calls.length = 0;
});
afterEach(() => h.ctx.close());

describe('CreateAccessKey', () => {
  it('returns an active AKIA key with its 40-character secret, once', async () => {
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    expect(AccessKey).toEqual({
      UserName: 'alice',
      AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
      Status: 'Active',
      SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/),
      CreateDate: h.ctx.now,
    });
    const listed = await listAccessKeys(h.ctx, { UserName: 'alice' });
    expect(listed).toEqual({
      AccessKeyMetadata: [
        { UserName: 'alice', AccessKeyId: AccessKey.AccessKeyId, Status: 'Active', CreateDate: h.ctx.now },
      ],
      IsTruncated: false,
    });
    expect(JSON.stringify(listed)).not.toContain(AccessKey.SecretAccessKey);
  });

  it('stores the secret sealed, so that only the master key opens it', async () => {
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    const row = await h.ctx.store.db.selectFrom('access_keys').selectAll().executeTakeFirstOrThrow();
    expect(row.secret_ciphertext).not.toContain(AccessKey.SecretAccessKey);
    expect(h.ctx.secrets.open(row.secret_ciphertext)).toBe(AccessKey.SecretAccessKey);
  });

  it('allows two keys per user, with AWS message for a third (recorded: test_access_key_limit)', async () => {
    await createAccessKey(h.ctx, { UserName: 'alice' });
    await createAccessKey(h.ctx, { UserName: 'alice' });
    await expect(createAccessKey(h.ctx, { UserName: 'alice' })).rejects.toMatchObject({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });
  });

  it('says NoSuchEntity for an unknown user (recorded)', async () => {
    await expect(createAccessKey(h.ctx, { UserName: 'nonexistent-user' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The user with name nonexistent-user cannot be found.',
    });
  });

  it('without UserName creates a key for the calling user, authorized on its ARN', async () => {
    const { User } = await createUser(h.ctx, { UserName: 'bob' });
    h.calls.length = 0;
    const { AccessKey } = await createAccessKey(h.as(userCaller(User!)), {});
    expect(AccessKey.UserName).toBe('bob');
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/bob'],
    ]);
  });

  it('without UserName, for root credentials, creates a root key (no user) and counts root keys apart', async () => {
    await createAccessKey(h.ctx, { UserName: 'alice' });
    await createAccessKey(h.ctx, { UserName: 'alice' });
    const { AccessKey } = await createAccessKey(h.ctx, {});
    expect(AccessKey.UserName).toBe('root');
    const row = await h.ctx.store.db
      .selectFrom('access_keys')
      .selectAll()
      .where('id', '=', AccessKey.AccessKeyId)
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBeNull();
    expect((await listAccessKeys(h.ctx, {})).AccessKeyMetadata.map((k) => k.AccessKeyId)).toEqual([
      AccessKey.AccessKeyId,
    ]);
    expect(h.calls.at(-1)).toMatchObject({
      action: 'iam:ListAccessKeys',
      resource: 'arn:aws:iam::123456789012:root',
    });
  });

  it('without UserName refuses credentials that are not a user, with AWS message', async () => {
    await expect(createAccessKey(h.as(ROLE_SESSION_CALLER), {})).rejects.toMatchObject({
      code: 'ValidationError',
      message: 'Must specify userName when calling with non-User credentials',
    });
  });
});

describe('UpdateAccessKey and DeleteAccessKey', () => {
  it('deactivates and reactivates a key (recorded: test_access_key_update_status)', async () => {
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    await updateAccessKey(h.ctx, {
      UserName: 'alice',
      AccessKeyId: AccessKey.AccessKeyId,
      Status: 'Inactive',
    });
    expect((await listAccessKeys(h.ctx, { UserName: 'alice' })).AccessKeyMetadata[0]?.Status).toBe(
      'Inactive',
    );
    await updateAccessKey(h.ctx, { UserName: 'alice', AccessKeyId: AccessKey.AccessKeyId, Status: 'Active' });
    expect((await listAccessKeys(h.ctx, { UserName: 'alice' })).AccessKeyMetadata[0]?.Status).toBe('Active');
  });

  it('refuses a status outside the enum', async () => {
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    await expect(
      updateAccessKey(h.ctx, { UserName: 'alice', AccessKeyId: AccessKey.AccessKeyId, Status: 'Paused' }),
    ).rejects.toMatchObject({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    });
  });

  it('says NoSuchEntity for a key the user does not have (recorded message)', async () => {
    await expect(
      updateAccessKey(h.ctx, { UserName: 'alice', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Inactive' }),
    ).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.',
    });
    await createUser(h.ctx, { UserName: 'bob' });
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'bob' });
    await expect(
      deleteAccessKey(h.ctx, { UserName: 'alice', AccessKeyId: AccessKey.AccessKeyId }),
    ).rejects.toMatchObject({
      code: 'NoSuchEntity',
    });
  });

  it('deletes a key', async () => {
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    await deleteAccessKey(h.ctx, { UserName: 'alice', AccessKeyId: AccessKey.AccessKeyId });
    expect((await listAccessKeys(h.ctx, { UserName: 'alice' })).AccessKeyMetadata).toEqual([]);
  });

  it('a user may delete its own key without UserName (recorded: test_access_key_deletion_without_username)', async () => {
    const { User } = await createUser(h.ctx, { UserName: 'bob' });
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'bob' });
    await deleteAccessKey(h.as(userCaller(User!)), { AccessKeyId: AccessKey.AccessKeyId });
    expect((await listAccessKeys(h.ctx, { UserName: 'bob' })).AccessKeyMetadata).toEqual([]);
  });

  it('refuses DeleteAccessKey without UserName from a role session (recorded message)', async () => {
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    await expect(
      deleteAccessKey(h.as(ROLE_SESSION_CALLER), { AccessKeyId: AccessKey.AccessKeyId }),
    ).rejects.toMatchObject({
      code: 'ValidationError',
      message: 'Must specify userName when calling with non-User credentials',
    });
  });
});

describe('GetAccessKeyLastUsed', () => {
  it('reports N/A for a key never used (recorded: test_access_key_last_used)', async () => {
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    h.calls.length = 0;
    expect(await getAccessKeyLastUsed(h.ctx, { AccessKeyId: AccessKey.AccessKeyId })).toEqual({
      UserName: 'alice',
      AccessKeyLastUsed: { Region: 'N/A', ServiceName: 'N/A' },
    });
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:GetAccessKeyLastUsed', 'arn:aws:iam::123456789012:user/eng/alice'],
    ]);
  });

  it('reports when, where and with which service a key was used', async () => {
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    const used = new Date('2026-01-02T03:04:05.000Z');
    await h.ctx.store.db
      .updateTable('access_keys')
      .set({ last_used_at: used.toISOString(), last_used_service: 'iam', last_used_region: 'us-east-1' })
      .execute();
    expect(await getAccessKeyLastUsed(h.ctx, { AccessKeyId: AccessKey.AccessKeyId })).toEqual({
      UserName: 'alice',
      AccessKeyLastUsed: { LastUsedDate: used, Region: 'us-east-1', ServiceName: 'iam' },
    });
  });

  it('answers AccessDenied, with AWS wording, for a key that does not exist (recorded)', async () => {
    await expect(getAccessKeyLastUsed(h.ctx, { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' })).rejects.toMatchObject({
      code: 'AccessDenied',
      status: 403,
      message:
        'User: arn:aws:iam::123456789012:root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key AKIAIOSFODNN7EXAMPLE',
    });
  });
});
