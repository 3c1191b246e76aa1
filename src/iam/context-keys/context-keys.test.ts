import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { GROUP_OPERATIONS } from '../groups/index.js';
import { POLICY_OPERATIONS } from '../policies/index.js';
import { ROLE_OPERATIONS } from '../roles/index.js';
import { EC2_TRUST, expectAwsError } from '../test-support/access-fixtures.js';
import { createUser } from '../users/create-user.js';
import { CONTEXT_KEY_OPERATIONS as ops } from './index.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

function policy(statement: object, Version = '2012-10-17'): string {
  return JSON.stringify({ Version, Statement: statement });
}

describe('GetContextKeysForCustomPolicy', () => {
  it("lists a resource's variables and then the condition keys (AWS CLI reference example)", async () => {
    const document = policy({
      Effect: 'Allow',
      Action: 'dynamodb:*',
      Resource: 'arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}',
      Condition: { DateGreaterThan: { 'aws:CurrentTime': '2015-08-16T12:00:00Z' } },
    });
    expect(await ops.GetContextKeysForCustomPolicy!(h.ctx, { PolicyInputList: [document] })).toEqual({
      ContextKeyNames: ['aws:username', 'aws:CurrentTime'],
    });
    expect(h.calls).toEqual([{ action: 'iam:GetContextKeysForCustomPolicy', resource: '*', context: {} }]);
  });

  it('lists each key once across statements and policies, without regard to case, in first spelling', async () => {
    const first = policy([
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        NotResource: "arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}/*",
        Condition: {
          StringEquals: { 's3:prefix': '${aws:userid}', 'aws:PrincipalTag/Team': 'red' },
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        },
      },
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { Bool: { 'aws:multifactorauthpresent': 'false' } },
      },
    ]);
    const second = policy({
      Effect: 'Allow',
      Action: 'ec2:*',
      Resource: '*',
      Condition: { StringLike: { 'ec2:ResourceTag/owner': '${aws:username}' } },
    });
    expect(
      (await ops.GetContextKeysForCustomPolicy!(h.ctx, { PolicyInputList: [first, second] })).ContextKeyNames,
    ).toEqual([
      'aws:PrincipalTag/team',
      's3:prefix',
      'aws:userid',
      'aws:MultiFactorAuthPresent',
      'ec2:ResourceTag/owner',
      'aws:username',
    ]);
  });

  it('ignores ${…} in version 2008-10-17, which has no variables, and escapes, which name no key', async () => {
    const old = policy(
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}' },
      '2008-10-17',
    );
    const escaped = policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${*}/${?}' });
    expect(await ops.GetContextKeysForCustomPolicy!(h.ctx, { PolicyInputList: [old, escaped] })).toEqual({
      ContextKeyNames: [],
    });
  });

  it('refuses a policy that does not parse, with InvalidInput', async () => {
    await expectAwsError(
      ops.GetContextKeysForCustomPolicy!(h.ctx, { PolicyInputList: ['{not json'] }),
      'InvalidInput',
    );
    await expectAwsError(
      ops.GetContextKeysForCustomPolicy!(h.ctx, {
        PolicyInputList: [policy({ Effect: 'Maybe', Action: '*', Resource: '*' })],
      }),
      'InvalidInput',
      'Syntax errors in policy.',
    );
  });
});

describe('GetContextKeysForPrincipalPolicy', () => {
  const conditioned = (key: string) =>
    policy({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { [key]: 'x' } } });

  it("lists the keys of a user's own and its groups' policies, inline and managed, then the given ones", async () => {
    const { User } = await createUser(h.ctx, { UserName: 'alice' });
    await POLICY_OPERATIONS.PutUserPolicy!(h.ctx, {
      UserName: 'alice',
      PolicyName: 'own',
      PolicyDocument: conditioned('aws:SourceIp'),
    });
    const { Policy } = await POLICY_OPERATIONS.CreatePolicy!(h.ctx, {
      PolicyName: 'managed',
      PolicyDocument: conditioned('aws:RequestedRegion'),
    });
    await POLICY_OPERATIONS.AttachUserPolicy!(h.ctx, { UserName: 'alice', PolicyArn: Policy!.Arn! });
    await GROUP_OPERATIONS.CreateGroup!(h.ctx, { GroupName: 'devs' });
    await GROUP_OPERATIONS.AddUserToGroup!(h.ctx, { GroupName: 'devs', UserName: 'alice' });
    await POLICY_OPERATIONS.PutGroupPolicy!(h.ctx, {
      GroupName: 'devs',
      PolicyName: 'team',
      PolicyDocument: conditioned('aws:PrincipalTag/team'),
    });
    h.calls.length = 0;
    const result = await ops.GetContextKeysForPrincipalPolicy!(h.ctx, {
      PolicySourceArn: User!.Arn,
      PolicyInputList: [conditioned('aws:CurrentTime')],
    });
    expect(result.ContextKeyNames).toEqual([
      'aws:SourceIp',
      'aws:RequestedRegion',
      'aws:PrincipalTag/team',
      'aws:CurrentTime',
    ]);
    expect(h.calls).toEqual([
      { action: 'iam:GetContextKeysForPrincipalPolicy', resource: User!.Arn, context: {} },
    ]);
  });

  it("lists a role's keys, and none for a role without policies", async () => {
    const { Role } = await ROLE_OPERATIONS.CreateRole!(h.ctx, {
      RoleName: 'app',
      AssumeRolePolicyDocument: EC2_TRUST,
    });
    expect(await ops.GetContextKeysForPrincipalPolicy!(h.ctx, { PolicySourceArn: Role.Arn })).toEqual({
      ContextKeyNames: [],
    });
    await POLICY_OPERATIONS.PutRolePolicy!(h.ctx, {
      RoleName: 'app',
      PolicyName: 'p',
      PolicyDocument: conditioned('ec2:Region'),
    });
    expect(
      (await ops.GetContextKeysForPrincipalPolicy!(h.ctx, { PolicySourceArn: Role.Arn })).ContextKeyNames,
    ).toEqual(['ec2:Region']);
  });

  it('says NoSuchEntity for a principal that does not exist, after authorizing', async () => {
    const arn = 'arn:aws:iam::123456789012:user/ghost';
    await expectAwsError(
      ops.GetContextKeysForPrincipalPolicy!(h.ctx, { PolicySourceArn: arn }),
      'NoSuchEntity',
      'The user with name ghost cannot be found.',
    );
    expect(h.calls.map((c) => c.resource)).toEqual([arn]);
  });

  it('refuses an ARN that names no user, group or role of the account', async () => {
    await expectAwsError(
      ops.GetContextKeysForPrincipalPolicy!(h.ctx, { PolicySourceArn: 'arn:aws:iam::123456789012:policy/p' }),
      'InvalidInput',
      'Invalid ARN: arn:aws:iam::123456789012:policy/p is not a user, group or role.',
    );
    await expectAwsError(
      ops.GetContextKeysForPrincipalPolicy!(h.ctx, { PolicySourceArn: 'arn:aws:iam::999999999999:user/x' }),
      'InvalidInput',
      'Invalid ARN: arn:aws:iam::999999999999:user/x is not in this account.',
    );
  });
});
