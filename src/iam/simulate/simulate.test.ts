import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../../operation/context.js';
import { testContext } from '../../operation/test-support/context.js';
import { POLICY_OPERATIONS as ops } from '../policies/index.js';
import { createRole } from '../roles/create-role.js';
import {
  EC2_TRUST,
  allow,
  expectAwsError,
  insertGroup,
  insertUser,
} from '../test-support/access-fixtures.js';
import { simulateCustomPolicy } from './simulate-custom-policy.js';
import { simulatePrincipalPolicy } from './simulate-principal-policy.js';

let ctx: OperationContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await testContext();
});
afterEach(() => ctx.close());

// The recorded test's policy, as Python's json.dumps writes it.
const PUT_OBJECT =
  '{"Version": "2012-10-17", "Statement": {"Sid": "", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}';

describe('SimulatePrincipalPolicy', () => {
  it.each(['user', 'group', 'role'] as const)(
    'answers in the shape AWS recorded for a %s with an attached policy',
    async (kind) => {
      const arn = (await ops.CreatePolicy!(ctx, { PolicyName: 'put', PolicyDocument: PUT_OBJECT })).Policy!
        .Arn!;
      let source: string;
      if (kind === 'role') {
        source = (await createRole(ctx, { RoleName: 'r', AssumeRolePolicyDocument: EC2_TRUST })).Role.Arn;
        await ops.AttachRolePolicy!(ctx, { RoleName: 'r', PolicyArn: arn });
      } else if (kind === 'user') {
        await insertUser(ctx, 'u');
        await ops.AttachUserPolicy!(ctx, { UserName: 'u', PolicyArn: arn });
        source = 'arn:aws:iam::123456789012:user/u';
      } else {
        await insertGroup(ctx, 'g');
        await ops.AttachGroupPolicy!(ctx, { GroupName: 'g', PolicyArn: arn });
        source = 'arn:aws:iam::123456789012:group/g';
      }
      const result = await simulatePrincipalPolicy(ctx, {
        PolicySourceArn: source,
        ActionNames: ['s3:PutObject', 's3:GetObjectVersion'],
        ResourceArns: ['arn:aws:s3:::bucket'],
      });
      const matched = [
        {
          SourcePolicyId: 'put',
          SourcePolicyType: 'IAM Policy',
          StartPosition: { Line: 1, Column: 41 },
          EndPosition: { Line: 1, Column: 113 },
        },
      ];
      expect(result).toEqual({
        EvaluationResults: [
          {
            EvalActionName: 's3:PutObject',
            EvalResourceName: 'arn:aws:s3:::bucket',
            EvalDecision: 'allowed',
            MatchedStatements: matched,
            MissingContextValues: [],
            OrganizationsDecisionDetail: { AllowedByOrganizations: true },
            EvalDecisionDetails: {},
            ResourceSpecificResults: [
              {
                EvalResourceName: 'arn:aws:s3:::bucket',
                EvalResourceDecision: 'allowed',
                MatchedStatements: matched,
                MissingContextValues: [],
              },
            ],
          },
          {
            EvalActionName: 's3:GetObjectVersion',
            EvalResourceName: 'arn:aws:s3:::bucket',
            EvalDecision: 'implicitDeny',
            MatchedStatements: [],
            MissingContextValues: [],
            OrganizationsDecisionDetail: { AllowedByOrganizations: true },
            EvalDecisionDetails: {},
            ResourceSpecificResults: [
              {
                EvalResourceName: 'arn:aws:s3:::bucket',
                EvalResourceDecision: 'implicitDeny',
                MatchedStatements: [],
                MissingContextValues: [],
              },
            ],
          },
        ],
        IsTruncated: false,
      });
    },
  );

  it("applies the entity's permissions boundary and reports it", async () => {
    const boundary = (await ops.CreatePolicy!(ctx, { PolicyName: 'b', PolicyDocument: allow('s3:Get*') }))
      .Policy!.Arn!;
    await createRole(ctx, {
      RoleName: 'r',
      AssumeRolePolicyDocument: EC2_TRUST,
      PermissionsBoundary: boundary,
    });
    await ops.PutRolePolicy!(ctx, { RoleName: 'r', PolicyName: 'all', PolicyDocument: allow('s3:*') });
    const result = await simulatePrincipalPolicy(ctx, {
      PolicySourceArn: 'arn:aws:iam::123456789012:role/r',
      ActionNames: ['s3:GetObject', 's3:PutObject'],
    });
    expect(
      result.EvaluationResults?.map((r) => [r.EvalDecision, r.PermissionsBoundaryDecisionDetail]),
    ).toEqual([
      ['allowed', { AllowedByPermissionsBoundary: true }],
      ['implicitDeny', { AllowedByPermissionsBoundary: false }],
    ]);
    expect(result.EvaluationResults?.[0]?.EvalResourceName).toBe('*');
    expect(result.EvaluationResults?.[0]?.ResourceSpecificResults).toBeUndefined();
  });

  it('reports a source that does not exist', async () => {
    await expectAwsError(
      simulatePrincipalPolicy(ctx, {
        PolicySourceArn: 'arn:aws:iam::123456789012:user/ghost',
        ActionNames: ['s3:GetObject'],
      }),
      'NoSuchEntity',
      'The user with name ghost cannot be found.',
    );
  });
});

describe('SimulateCustomPolicy', () => {
  it('names policies by their place in the input and evaluates context entries', async () => {
    const conditional = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'dynamodb:*',
          Resource: '*',
          Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
        },
        { Effect: 'Deny', Action: 'dynamodb:DeleteTable', Resource: '*' },
      ],
    });
    const result = await simulateCustomPolicy(ctx, {
      PolicyInputList: [allow('s3:*'), conditional],
      ActionNames: ['dynamodb:CreateBackup', 'dynamodb:DeleteTable'],
      ContextEntries: [
        {
          ContextKeyName: 'aws:CurrentTime',
          ContextKeyValues: ['2019-06-01T00:00:00Z'],
          ContextKeyType: 'date',
        },
      ],
    });
    expect(result.EvaluationResults?.map((r) => r.EvalDecision)).toEqual(['implicitDeny', 'explicitDeny']);
    expect(result.EvaluationResults?.[1]?.MatchedStatements?.map((m) => m.SourcePolicyId)).toEqual([
      'PolicyInputList.2',
    ]);
  });

  it('needs a CallerArn to evaluate a resource policy, and uses it as the principal', async () => {
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:user/bob' },
          Action: 's3:GetObject',
          Resource: '*',
        },
      ],
    });
    const input = {
      PolicyInputList: [allow('ec2:*')],
      ActionNames: ['s3:GetObject'],
      ResourcePolicy: bucketPolicy,
    };
    await expectAwsError(simulateCustomPolicy(ctx, input), 'InvalidInput');
    const result = await simulateCustomPolicy(ctx, {
      ...input,
      CallerArn: 'arn:aws:iam::123456789012:user/bob',
    });
    expect(result.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
    expect(result.EvaluationResults?.[0]?.MatchedStatements?.[0]?.SourcePolicyId).toBe('ResourcePolicy');
  });

  it('paginates the results', async () => {
    const result = await simulateCustomPolicy(ctx, {
      PolicyInputList: [allow('s3:*')],
      ActionNames: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      MaxItems: 2,
    });
    expect(result.EvaluationResults).toHaveLength(2);
    const rest = await simulateCustomPolicy(ctx, {
      PolicyInputList: [allow('s3:*')],
      ActionNames: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Marker: result.Marker,
    });
    expect(rest.EvaluationResults?.map((r) => r.EvalActionName)).toEqual(['s3:DeleteObject']);
  });
});
