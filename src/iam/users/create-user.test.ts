import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogOf } from '../../operation/test-support/context.js';
import { harness, storeCustomerPolicy, type Harness } from '../common/test-support/identities.js';
import { createUser } from './create-user.js';
import { getUser } from './get-user.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

describe('CreateUser', () => {
  it('creates a user at the root path with an AIDA id, as AWS shapes it', async () => {
    const { User } = await createUser(h.ctx, { UserName: 'alice' });
    expect(User).toEqual({
      Path: '/',
      UserName: 'alice',
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
      Arn: 'arn:aws:iam::123456789012:user/alice',
      CreateDate: h.ctx.now,
    });
    expect(h.changes()).toBe(1);
  });

  it('puts the path into the ARN and returns the tags', async () => {
    const Tags = [
      { Key: 'Environment', Value: 'Test' },
      { Key: 'Team', Value: 'Platform' },
    ];
    const { User } = await createUser(h.ctx, { UserName: 'bob', Path: '/division/team/', Tags });
    expect(User?.Arn).toBe('arn:aws:iam::123456789012:user/division/team/bob');
    expect(User?.Path).toBe('/division/team/');
    expect(User?.Tags).toEqual(Tags);
  });

  it('refuses a name that exists without regard to case, with AWS message', async () => {
    await createUser(h.ctx, { UserName: 'alice' });
    await expect(createUser(h.ctx, { UserName: 'ALICE' })).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
      status: 409,
      message: 'User with name ALICE already exists.',
    });
  });

  it('authorizes iam:CreateUser on the new ARN with the request tags and boundary as context', async () => {
    const boundary = await storeCustomerPolicy(h.ctx, 'Boundary');
    await createUser(h.ctx, {
      UserName: 'carol',
      Path: '/ops/',
      Tags: [{ Key: 'team', Value: 'red' }],
      PermissionsBoundary: boundary,
    });
    expect(h.calls).toEqual([
      {
        action: 'iam:CreateUser',
        resource: 'arn:aws:iam::123456789012:user/ops/carol',
        context: {
          'aws:RequestTag/team': 'red',
          'aws:TagKeys': ['team'],
          'iam:PermissionsBoundary': boundary,
        },
      },
    ]);
  });

  it('reports every violated constraint in one ValidationError', async () => {
    await expect(createUser(h.ctx, { UserName: 'bad name', Path: 'nopath' })).rejects.toMatchObject({
      code: 'ValidationError',
      message:
        "2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; " +
        "Value at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
    });
    await expect(createUser(h.ctx, { UserName: 'a'.repeat(65) })).rejects.toMatchObject({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64",
    });
  });

  it('validates tags as AWS does', async () => {
    await expect(
      createUser(h.ctx, { UserName: 'u', Tags: [{ Key: 'bad#key', Value: 'v' }] }),
    ).rejects.toMatchObject({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expect(createUser(h.ctx, { UserName: 'u', Tags: many })).rejects.toMatchObject({
      message:
        "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
    await expect(
      createUser(h.ctx, {
        UserName: 'u',
        Tags: [
          { Key: 'Team', Value: 'a' },
          { Key: 'team', Value: 'b' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'InvalidInput',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    // A failed create leaves nothing behind.
    await expect(getUser(h.ctx, { UserName: 'u' })).rejects.toMatchObject({ code: 'NoSuchEntity' });
  });

  describe('permissions boundary', () => {
    it('accepts a customer managed policy of the account and returns it', async () => {
      const arn = await storeCustomerPolicy(h.ctx, 'Boundary');
      const { User } = await createUser(h.ctx, { UserName: 'dave', PermissionsBoundary: arn });
      expect(User?.PermissionsBoundary).toEqual({
        PermissionsBoundaryType: 'Policy',
        PermissionsBoundaryArn: arn,
      });
    });

    it('accepts an AWS managed policy from the catalog', async () => {
      const arn = 'arn:aws:iam::aws:policy/PowerUserAccess';
      const now = new Date();
      await h.ctx.close();
      h = await harness({
        managedPolicies: catalogOf([
          {
            arn,
            name: 'PowerUserAccess',
            path: '/',
            id: 'ANPAJYRXTHIB4FOVS3ZXS',
            defaultVersionId: 'v1',
            createDate: now,
            updateDate: now,
            versions: [],
          },
        ]),
      });
      const { User } = await createUser(h.ctx, { UserName: 'erin', PermissionsBoundary: arn });
      expect(User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(arn);
    });

    it('refuses a policy that does not exist, with AWS message', async () => {
      const arn = 'arn:aws:iam::123456789012:policy/nonexistent-policy';
      await expect(createUser(h.ctx, { UserName: 'frank', PermissionsBoundary: arn })).rejects.toMatchObject({
        code: 'NoSuchEntity',
        message: `Scope ARN: ${arn} does not exist or is not attachable.`,
      });
      await expect(
        createUser(h.ctx, { UserName: 'frank', PermissionsBoundary: 'arn:aws:iam::aws:policy/NotInCatalog' }),
      ).rejects.toMatchObject({ code: 'NoSuchEntity' });
    });

    it('refuses an ARN that is not a policy ARN, with AWS message', async () => {
      const arn = 'arn:aws:iam::123456789012:not_a_policy/invalid';
      await expect(createUser(h.ctx, { UserName: 'gina', PermissionsBoundary: arn })).rejects.toMatchObject({
        code: 'InvalidInput',
        message: `ARN ${arn} is not valid.`,
      });
    });
  });

  it('enforces the quota of 5000 users per account', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      account_id: h.ctx.accountId,
      id: `AIDA${String(i).padStart(17, '0')}`,
      name: `user${i}`,
      name_key: `user${i}`,
      path: '/',
      arn: `arn:aws:iam::123456789012:user/user${i}`,
      created_at: h.ctx.now.toISOString(),
      permissions_boundary: null,
      password_last_used: null,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await h.ctx.store.db
        .insertInto('users')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    await expect(createUser(h.ctx, { UserName: 'one-too-many' })).rejects.toMatchObject({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot exceed quota for UsersPerAccount: 5000',
    });
  });
});
