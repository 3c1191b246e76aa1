import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { expectError, serverForFile, unique } from './support.js';

// The policy simulator (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html and
// API_SimulatePrincipalPolicy.html; result shape as recorded in test_iam test_simulate_principle_policy).
const env = serverForFile();

const BUCKET = 'arn:aws:s3:::bucket';
// The recorded test's policy as botocore sent it (json.dumps, one line): AWS answered StartPosition 1:41 and
// EndPosition 1:113 for its statement (test_simulate_principle_policy).
const PUT_OBJECT =
  '{"Version": "2012-10-17", "Statement": {"Sid": "", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}';

describe('SimulateCustomPolicy', () => {
  it('decides each action with the matching statement and its position', async () => {
    const out = await env.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [PUT_OBJECT],
        ActionNames: ['s3:PutObject', 's3:GetObjectVersion'],
        ResourceArns: [BUCKET],
      }),
    );
    expect(out.IsTruncated).toBe(false);
    const [put, get] = out.EvaluationResults!;
    expect(put).toMatchObject({
      EvalActionName: 's3:PutObject',
      EvalResourceName: BUCKET,
      EvalDecision: 'allowed',
      MissingContextValues: [],
    });
    expect(put!.MatchedStatements).toHaveLength(1);
    expect(put!.MatchedStatements![0]).toMatchObject({
      SourcePolicyId: 'PolicyInputList.1',
      SourcePolicyType: 'IAM Policy',
      StartPosition: { Line: 1, Column: 41 },
      EndPosition: { Line: 1, Column: 113 },
    });
    expect(get).toMatchObject({
      EvalActionName: 's3:GetObjectVersion',
      EvalDecision: 'implicitDeny',
      MatchedStatements: [],
    });
  });

  it('reports an explicit deny and the context keys a condition needs but did not get', async () => {
    const deny = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 's3:PutObjectTagging',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestTag/team': 'data' } },
        },
      ],
    });
    const out = await env.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [deny],
        ActionNames: ['s3:DeleteObject', 'ec2:RunInstances'],
        ResourceArns: [BUCKET],
      }),
    );
    expect(out.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:DeleteObject', 'explicitDeny'],
      ['ec2:RunInstances', 'implicitDeny'],
    ]);

    const conditional = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:PutObjectTagging',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestTag/team': 'data' } },
        },
      ],
    });
    const missing = await env.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [conditional],
        ActionNames: ['s3:PutObjectTagging'],
      }),
    );
    expect(missing.EvaluationResults![0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      MissingContextValues: ['aws:RequestTag/team'],
    });
    const given = await env.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [conditional],
        ActionNames: ['s3:PutObjectTagging'],
        ContextEntries: [
          { ContextKeyName: 'aws:RequestTag/team', ContextKeyValues: ['data'], ContextKeyType: 'string' },
        ],
      }),
    );
    expect(given.EvaluationResults![0]!.EvalDecision).toBe('allowed');
  });

  it('pages over the results with MaxItems and Marker', async () => {
    const actions = ['s3:PutObject', 's3:GetObject', 's3:ListBucket'];
    const first = await env.iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [PUT_OBJECT], ActionNames: actions, MaxItems: 2 }),
    );
    expect(first.EvaluationResults!.map((r) => r.EvalActionName)).toEqual(actions.slice(0, 2));
    expect(first.IsTruncated).toBe(true);
    const second = await env.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [PUT_OBJECT],
        ActionNames: actions,
        Marker: first.Marker,
      }),
    );
    expect(second.EvaluationResults!.map((r) => r.EvalActionName)).toEqual(actions.slice(2));
    expect(second.IsTruncated).toBe(false);
  });

  it('a policy that is not valid is InvalidInput (400)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new SimulateCustomPolicyCommand({
            PolicyInputList: ['{"Version":'],
            ActionNames: ['s3:PutObject'],
          }),
        ),
      { name: 'InvalidInputException', status: 400 },
    );
  });

  it('a ResourcePolicy without a CallerArn is InvalidInput (400)', async () => {
    const resourcePolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` }],
    });
    await expectError(
      () =>
        env.iam.send(
          new SimulateCustomPolicyCommand({
            PolicyInputList: [PUT_OBJECT],
            ActionNames: ['s3:GetObject'],
            ResourcePolicy: resourcePolicy,
          }),
        ),
      {
        name: 'InvalidInputException',
        status: 400,
        message: 'CallerArn must be specified when a ResourcePolicy is specified.',
      },
    );
  });
});

describe('SimulatePrincipalPolicy', () => {
  it("decides with a user's own and its groups' policies, naming each policy (recorded shape)", async () => {
    const user = unique('sim-user');
    const group = unique('sim-group');
    await env.iam.send(new CreateUserCommand({ UserName: user }));
    await env.iam.send(
      new PutUserPolicyCommand({ UserName: user, PolicyName: 'put-object', PolicyDocument: PUT_OBJECT }),
    );
    await env.iam.send(new CreateGroupCommand({ GroupName: group }));
    await env.iam.send(
      new PutGroupPolicyCommand({
        GroupName: group,
        PolicyName: 'list-bucket',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET }],
        }),
      }),
    );
    await env.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));

    const out = await env.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
        ActionNames: ['s3:PutObject', 's3:ListBucket', 's3:GetObjectVersion'],
        ResourceArns: [BUCKET],
      }),
    );
    expect(out.IsTruncated).toBe(false);
    const [put, list, get] = out.EvaluationResults!;
    expect(put).toMatchObject({
      EvalDecision: 'allowed',
      EvalResourceName: BUCKET,
      EvalDecisionDetails: {},
      OrganizationsDecisionDetail: { AllowedByOrganizations: true },
      ResourceSpecificResults: [
        { EvalResourceName: BUCKET, EvalResourceDecision: 'allowed', MissingContextValues: [] },
      ],
    });
    expect(put!.MatchedStatements![0]).toMatchObject({
      SourcePolicyId: 'put-object',
      SourcePolicyType: 'IAM Policy',
      StartPosition: { Line: 1, Column: 41 },
      EndPosition: { Line: 1, Column: 113 },
    });
    expect(list!.EvalDecision).toBe('allowed');
    expect(list!.MatchedStatements![0]!.SourcePolicyId).toBe('list-bucket');
    expect(get).toMatchObject({
      EvalDecision: 'implicitDeny',
      MatchedStatements: [],
      MissingContextValues: [],
    });
  });

  it('a user that does not exist is NoSuchEntity (404)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/no-such-sim-user`,
            ActionNames: ['s3:PutObject'],
          }),
        ),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: 'The user with name no-such-sim-user cannot be found.',
      },
    );
  });

  it('a source that is not a user, group or role is InvalidInput (400)', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/not-a-principal`;
    await expectError(
      () =>
        env.iam.send(
          new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['s3:PutObject'] }),
        ),
      {
        name: 'InvalidInputException',
        status: 400,
        message: `Invalid ARN: ${arn} is not a user, group or role.`,
      },
    );
  });
});
