import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../../../operation/context.js';
import { catalogOf, testContext } from '../../../operation/test-support/context.js';
import { allow, awsPolicy, expectAwsError } from '../../test-support/access-fixtures.js';
import { POLICY_OPERATIONS as ops } from '../index.js';
import { insertUser } from '../../test-support/access-fixtures.js';

const CHANGE_PASSWORD = awsPolicy('IAMUserChangePassword', [
  allow('iam:ChangePassword'),
  allow('iam:GetAccountPasswordPolicy'),
]);
const LAMBDA = awsPolicy('AWSLambdaBasicExecutionRole', [allow('logs:*')], '/service-role/');

let ctx: OperationContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await testContext({ managedPolicies: catalogOf([CHANGE_PASSWORD, LAMBDA]) });
});
afterEach(() => ctx.close());

const create = (PolicyName: string, extra: object = {}) =>
  ops.CreatePolicy!(ctx, { PolicyName, PolicyDocument: allow('s3:ListBucket'), ...extra });

describe('CreatePolicy and GetPolicy', () => {
  it('creates v1 as the default and echoes no description (recorded)', async () => {
    const { Policy } = await create('p', { Path: '/test/path/', Description: 'testing' });
    expect(Policy).toEqual({
      PolicyName: 'p',
      PolicyId: expect.stringMatching(/^ANPA[A-Z2-7]{17}$/),
      Arn: 'arn:aws:iam::123456789012:policy/test/path/p',
      Path: '/test/path/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: ctx.now,
      UpdateDate: ctx.now,
    });
    const got = await ops.GetPolicy!(ctx, { PolicyArn: Policy!.Arn! });
    expect(got.Policy).toMatchObject({ Description: 'testing', Tags: [] });
  });

  it('rejects a duplicate name with AWS message', async () => {
    await create('p');
    await expectAwsError(
      create('P'),
      'EntityAlreadyExists',
      'A policy called P already exists. Duplicate names are not allowed.',
    );
  });

  it.each([
    ['This is not a json document', 'This policy contains invalid Json'],
    [
      JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' } }),
      'Policy document must be version 2012-10-17 or greater.',
    ],
    [JSON.stringify({ Version: '2012-10-17', Statement: [] }), 'Syntax errors in policy.'],
    [
      JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket' } }),
      'Policy statement must contain resources.',
    ],
    [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: 's:3:ListBucket', Resource: 'sdfsadf' },
      }),
      'Resource sdfsadf must be in ARN format or "*".',
    ],
    [
      JSON.stringify({ Version: '2012-10-17', Statement: { Action: 's3:ListBucket', Resource: '*' } }),
      'Syntax errors in policy.',
    ],
  ])('reports the fault AWS reports for document %#', async (PolicyDocument, message) => {
    await expectAwsError(
      ops.CreatePolicy!(ctx, { PolicyName: 'bad', PolicyDocument }),
      'MalformedPolicyDocument',
      message,
    );
  });

  it('limits a document to 6144 characters, white space not counted', async () => {
    const actions = (n: number) =>
      Array.from({ length: n }, (_, i) => `s3:GetObject${String(i).padStart(4, '0')}`);
    const doc = (n: number) =>
      JSON.stringify(
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions(n), Resource: '*' }] },
        null,
        8,
      );
    await create('fits', { PolicyDocument: doc(300) });
    await expectAwsError(
      create('big', { PolicyDocument: doc(400) }),
      'LimitExceeded',
      'Cannot exceed quota for PolicySize: 6144',
    );
  });

  it('serves AWS managed policies from the catalog with the account usage', async () => {
    const arn = CHANGE_PASSWORD.arn;
    const userId = await insertUser(ctx, 'alice');
    await ctx.store.db
      .insertInto('attachments')
      .values({ account_id: ctx.accountId, principal_type: 'user', principal_id: userId, policy_arn: arn })
      .execute();
    const { Policy } = await ops.GetPolicy!(ctx, { PolicyArn: arn });
    expect(Policy).toMatchObject({
      PolicyName: 'IAMUserChangePassword',
      Path: '/',
      DefaultVersionId: 'v2',
      AttachmentCount: 1,
      Tags: [],
    });
  });

  it('reports an unknown policy as not found', async () => {
    const arn = 'arn:aws:iam::123456789012:policy/non-existent-policy';
    await expectAwsError(
      ops.GetPolicy!(ctx, { PolicyArn: arn }),
      'NoSuchEntity',
      `Policy ${arn} was not found.`,
    );
    await expectAwsError(
      ops.DeletePolicy!(ctx, { PolicyArn: arn }),
      'NoSuchEntity',
      `Policy ${arn} was not found.`,
    );
  });
});

describe('DeletePolicy', () => {
  it('refuses AWS managed policies, attached policies and policies with versions', async () => {
    await expectAwsError(
      ops.DeletePolicy!(ctx, { PolicyArn: LAMBDA.arn }),
      'AccessDenied',
      'Cannot delete policies outside your own account.',
    );
    const arn = (await create('p')).Policy!.Arn!;
    const userId = await insertUser(ctx, 'alice');
    await ops.AttachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: arn });
    await expectAwsError(
      ops.DeletePolicy!(ctx, { PolicyArn: arn }),
      'DeleteConflict',
      'Cannot delete a policy attached to entities.',
    );
    await ops.DetachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: arn });
    await ops.CreatePolicyVersion!(ctx, { PolicyArn: arn, PolicyDocument: allow('s3:*') });
    await expectAwsError(
      ops.DeletePolicy!(ctx, { PolicyArn: arn }),
      'DeleteConflict',
      /more than one version/,
    );
    await ops.DeletePolicyVersion!(ctx, { PolicyArn: arn, VersionId: 'v2' });
    await ops.DeletePolicy!(ctx, { PolicyArn: arn });
    await expectAwsError(ops.GetPolicy!(ctx, { PolicyArn: arn }), 'NoSuchEntity');
    expect(userId).toMatch(/^AIDA/);
  });
});

describe('policy versions', () => {
  it('creates, lists newest first, switches the default and gets URL-encoded documents', async () => {
    const arn = (await create('p')).Policy!.Arn!;
    const v2 = await ops.CreatePolicyVersion!(ctx, {
      PolicyArn: arn,
      PolicyDocument: allow('s3:*'),
      SetAsDefault: true,
    });
    expect(v2.PolicyVersion).toEqual({ VersionId: 'v2', IsDefaultVersion: true, CreateDate: ctx.now });
    const v3 = await ops.CreatePolicyVersion!(ctx, { PolicyArn: arn, PolicyDocument: allow('ec2:*') });
    expect(v3.PolicyVersion?.IsDefaultVersion).toBe(false);
    const listed = await ops.ListPolicyVersions!(ctx, { PolicyArn: arn });
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v3', false],
      ['v2', true],
      ['v1', false],
    ]);
    await ops.SetDefaultPolicyVersion!(ctx, { PolicyArn: arn, VersionId: 'v1' });
    const got = await ops.GetPolicyVersion!(ctx, { PolicyArn: arn, VersionId: 'v1' });
    expect(got.PolicyVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true });
    expect(decodeURIComponent(got.PolicyVersion!.Document!)).toBe(allow('s3:ListBucket'));
  });

  it('keeps at most five versions and never reuses a number', async () => {
    const arn = (await create('p')).Policy!.Arn!;
    for (let i = 0; i < 4; i++)
      await ops.CreatePolicyVersion!(ctx, { PolicyArn: arn, PolicyDocument: allow('s3:*') });
    await expectAwsError(
      ops.CreatePolicyVersion!(ctx, { PolicyArn: arn, PolicyDocument: allow('s3:*') }),
      'LimitExceeded',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
    await ops.DeletePolicyVersion!(ctx, { PolicyArn: arn, VersionId: 'v3' });
    const v6 = await ops.CreatePolicyVersion!(ctx, { PolicyArn: arn, PolicyDocument: allow('s3:*') });
    expect(v6.PolicyVersion?.VersionId).toBe('v6');
  });

  it('reports version errors as AWS does', async () => {
    const arn = (await create('p')).Policy!.Arn!;
    await expectAwsError(
      ops.GetPolicyVersion!(ctx, { PolicyArn: arn, VersionId: 'v9' }),
      'NoSuchEntity',
      `Policy ${arn} version v9 does not exist or is not attachable.`,
    );
    await expectAwsError(
      ops.DeletePolicyVersion!(ctx, { PolicyArn: arn, VersionId: 'v1' }),
      'DeleteConflict',
      'Cannot delete the default version of a policy.',
    );
    await expectAwsError(
      ops.SetDefaultPolicyVersion!(ctx, { PolicyArn: arn, VersionId: 'version1' }),
      'ValidationError',
      "1 validation error detected: Value at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?",
    );
    await expectAwsError(
      ops.SetDefaultPolicyVersion!(ctx, { PolicyArn: LAMBDA.arn, VersionId: 'v1' }),
      'AccessDenied',
      'Cannot update policies outside your own account.',
    );
    await expectAwsError(
      ops.DeletePolicyVersion!(ctx, { PolicyArn: LAMBDA.arn, VersionId: 'v1' }),
      'AccessDenied',
      'Cannot delete policy versions for policies outside your own account.',
    );
  });

  it('lists and gets every version of an AWS managed policy', async () => {
    const versions = await ops.ListPolicyVersions!(ctx, { PolicyArn: CHANGE_PASSWORD.arn });
    expect(versions.Versions?.map((v) => v.VersionId)).toEqual(['v2', 'v1']);
    const v1 = await ops.GetPolicyVersion!(ctx, { PolicyArn: CHANGE_PASSWORD.arn, VersionId: 'v1' });
    expect(decodeURIComponent(v1.PolicyVersion!.Document!)).toBe(allow('iam:ChangePassword'));
  });
});

describe('ListPolicies', () => {
  it('lists by scope, usage and path prefix', async () => {
    await create('local-a');
    await create('local-b', { Path: '/team/' });
    const names = async (input: object) =>
      ((await ops.ListPolicies!(ctx, input)).Policies ?? []).map((p) => p.PolicyName);
    expect(await names({ Scope: 'Local' })).toEqual(['local-a', 'local-b']);
    expect(await names({ Scope: 'AWS' })).toEqual(['IAMUserChangePassword', 'AWSLambdaBasicExecutionRole']);
    expect(await names({})).toEqual([
      'IAMUserChangePassword',
      'AWSLambdaBasicExecutionRole',
      'local-a',
      'local-b',
    ]);
    expect(await names({ PathPrefix: '/service-role/' })).toEqual(['AWSLambdaBasicExecutionRole']);
    await insertUser(ctx, 'alice');
    await ops.AttachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: LAMBDA.arn });
    expect(await names({ OnlyAttached: true })).toEqual(['AWSLambdaBasicExecutionRole']);
    expect(await names({ PolicyUsageFilter: 'PermissionsBoundary' })).toEqual([]);
    await expectAwsError(ops.ListPolicies!(ctx, { Scope: 'Mine' }), 'ValidationError', /Value at 'scope'/);
  });

  it('omits tags and descriptions from listed policies', async () => {
    await create('p', { Description: 'd', Tags: [{ Key: 'k', Value: 'v' }] });
    const [listed] = (await ops.ListPolicies!(ctx, { Scope: 'Local' })).Policies ?? [];
    expect(listed?.Tags).toBeUndefined();
    expect(listed?.Description).toBeUndefined();
  });
});

describe('policy tags', () => {
  it('keeps keys case sensitive and lists shorter keys first (recorded order)', async () => {
    const tags = [
      { Key: 'abc', Value: 'first' },
      { Key: 'b', Value: 'second' },
      { Key: 'z', Value: 'third' },
      { Key: 'a', Value: 'fourth' },
      { Key: 'A', Value: 'upper' },
    ];
    const arn = (await create('p', { Tags: tags })).Policy!.Arn!;
    expect((await ops.ListPolicyTags!(ctx, { PolicyArn: arn })).Tags.map((t) => t.Key)).toEqual([
      'A',
      'a',
      'b',
      'z',
      'abc',
    ]);
    await ops.UntagPolicy!(ctx, { PolicyArn: arn, TagKeys: ['a'] });
    await ops.TagPolicy!(ctx, { PolicyArn: arn, Tags: [{ Key: 'b', Value: 'new' }] });
    expect((await ops.GetPolicy!(ctx, { PolicyArn: arn })).Policy?.Tags).toEqual([
      { Key: 'A', Value: 'upper' },
      { Key: 'b', Value: 'new' },
      { Key: 'z', Value: 'third' },
      { Key: 'abc', Value: 'first' },
    ]);
  });

  it('rejects exact duplicate keys with the policy message', async () => {
    await expectAwsError(
      create('p', {
        Tags: [
          { Key: 'k', Value: '1' },
          { Key: 'k', Value: '2' },
        ],
      }),
      'InvalidInput',
      'Duplicate tag keys found.',
    );
    const arn = 'arn:aws:iam::123456789012:policy/NotAPolicy';
    await expectAwsError(
      ops.TagPolicy!(ctx, { PolicyArn: arn, Tags: [{ Key: 'k', Value: '' }] }),
      'NoSuchEntity',
      `Policy ${arn} was not found.`,
    );
  });
});
