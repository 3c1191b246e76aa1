import {
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EntityAlreadyExistsException,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  GetUserPolicyCommand,
  IAMClient,
  IAMServiceException,
  ListUsersCommand,
  ListUserTagsCommand,
  NoSuchEntityException,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  UntagUserCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import {
  clientConfig,
  type Handler,
  type QueryServer,
  startQueryServer,
} from './test-support/query-server.js';

/**
 * Round trips through the real AWS SDK v3 IAM client over HTTP: the SDK serializes, the codec decodes; the codec
 * encodes, the SDK parses. Each test checks both directions field by field.
 */

let server: QueryServer;
let iam: IAMClient;
let answer: Handler = () => ({});

beforeAll(async () => {
  server = await startQueryServer('iam', (operation, input) => answer(operation, input));
  iam = new IAMClient(clientConfig(server.endpoint));
});

afterAll(async () => {
  iam.destroy();
  await server.close();
});

beforeEach(() => {
  server.calls.length = 0;
});

function withoutMaxSessionDuration<T extends { MaxSessionDuration: number }>(
  role: T,
): Omit<T, 'MaxSessionDuration'> {
  const { MaxSessionDuration: _ignored, ...rest } = role;
  return rest;
}

/** Strips the SDK's $metadata so the parsed output can be compared with what the server sent. */
function body<T extends { $metadata: unknown }>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _ignored, ...rest } = output;
  return rest;
}

const CREATED = new Date('2026-01-02T03:04:05Z');
const POLICY =
  '{"Version":"2012-10-17","Statement":[{"Sid":"a b","Effect":"Allow","Action":["s3:GetObject","s3:Put*"],' +
  '"Resource":"arn:aws:s3:::bucket/a b+c%20&d=e?f#g;h\'(x)!~","Condition":{"StringLike":{"aws:userid":"*:é\\u00e9"}}}]}\r\n\t';

describe('requests the SDK serializes decode to exactly the input given', () => {
  it('CreateUser with a path, a boundary and tags with special characters', async () => {
    const input = {
      UserName: 'alice+ops@example.com',
      Path: '/division_abc/sub/',
      PermissionsBoundary: 'arn:aws:iam::123456789012:policy/boundary',
      Tags: [
        { Key: 'Cost Center', Value: 'a+b=c d/e:f@g-é_.' },
        { Key: 'Projekt Ünïcode', Value: '' },
      ],
    };
    const user = {
      Path: input.Path,
      UserName: input.UserName,
      UserId: 'AIDAEXAMPLEEXAMPLE12',
      Arn: 'arn:aws:iam::123456789012:user/division_abc/sub/alice+ops@example.com',
      CreateDate: CREATED,
      Tags: input.Tags,
    };
    answer = () => ({ User: user });
    const out = await iam.send(new CreateUserCommand(input));
    expect(server.calls).toEqual([{ operation: 'CreateUser', input }]);
    expect(body(out)).toEqual({ User: user });
  });

  it('PutUserPolicy with a policy document full of reserved characters', async () => {
    answer = () => ({});
    const input = { UserName: 'alice', PolicyName: 'inline', PolicyDocument: POLICY };
    await iam.send(new PutUserPolicyCommand(input));
    expect(server.calls).toEqual([{ operation: 'PutUserPolicy', input }]);
  });

  it('UpdateAccountPasswordPolicy with integers and booleans', async () => {
    answer = () => ({});
    const input = {
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: false,
      AllowUsersToChangePassword: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    };
    await iam.send(new UpdateAccountPasswordPolicyCommand(input));
    expect(server.calls).toEqual([{ operation: 'UpdateAccountPasswordPolicy', input }]);
  });

  it('UntagUser with an empty list of keys', async () => {
    answer = () => ({});
    await iam.send(new UntagUserCommand({ UserName: 'alice', TagKeys: [] }));
    expect(server.calls).toEqual([{ operation: 'UntagUser', input: { UserName: 'alice', TagKeys: [] } }]);
  });

  it('SimulateCustomPolicy with nested lists of structures and lists', async () => {
    const input = {
      PolicyInputList: [POLICY, '{"Version":"2012-10-17","Statement":[]}'],
      ActionNames: ['s3:GetObject', 'iam:CreateUser'],
      ResourceArns: ['arn:aws:s3:::bucket/key'],
      CallerArn: 'arn:aws:iam::123456789012:user/alice',
      ContextEntries: [
        {
          ContextKeyName: 'aws:SourceIp',
          ContextKeyValues: ['10.0.0.1', '192.168.0.0/16'],
          ContextKeyType: 'ipList' as const,
        },
        {
          ContextKeyName: 'aws:MultiFactorAuthPresent',
          ContextKeyValues: ['true'],
          ContextKeyType: 'boolean' as const,
        },
      ],
      MaxItems: 100,
    };
    const evaluation = {
      EvalActionName: 's3:GetObject',
      EvalResourceName: 'arn:aws:s3:::bucket/key',
      EvalDecision: 'allowed',
      MatchedStatements: [
        {
          SourcePolicyId: 'PolicyInputList.1',
          SourcePolicyType: 'IAM Policy',
          StartPosition: { Line: 1, Column: 38 },
          EndPosition: { Line: 1, Column: 240 },
        },
      ],
      MissingContextValues: ['aws:username'],
      EvalDecisionDetails: { 'IAM Policy': 'allowed', 'Permissions Boundary Policy': 'implicitDeny' },
    };
    answer = () => ({ EvaluationResults: [evaluation], IsTruncated: false });
    const out = await iam.send(new SimulateCustomPolicyCommand(input));
    expect(server.calls).toEqual([{ operation: 'SimulateCustomPolicy', input }]);
    expect(body(out)).toEqual({ EvaluationResults: [evaluation], IsTruncated: false });
  });
});

describe('responses the codec encodes parse to exactly the output sent', () => {
  it('ListUsers with several users, IsTruncated and Marker', async () => {
    const users = [1, 2, 3].map((n) => ({
      Path: '/',
      UserName: `user${n}`,
      UserId: `AIDAEXAMPLEEXAMPLE${n}0`,
      Arn: `arn:aws:iam::123456789012:user/user${n}`,
      CreateDate: new Date(CREATED.getTime() + n * 1000),
      PasswordLastUsed: new Date('2026-02-03T04:05:06Z'),
    }));
    answer = () => ({ Users: users, IsTruncated: true, Marker: 'eyJvIjozfQ==' });
    const out = await iam.send(
      new ListUsersCommand({ PathPrefix: '/', MaxItems: 3, Marker: 'eyJvIjowfQ==' }),
    );
    expect(server.calls).toEqual([
      { operation: 'ListUsers', input: { PathPrefix: '/', MaxItems: 3, Marker: 'eyJvIjowfQ==' } },
    ]);
    expect(body(out)).toEqual({ Users: users, IsTruncated: true, Marker: 'eyJvIjozfQ==' });
  });

  it('ListUsers with no users gives an empty list', async () => {
    answer = () => ({ Users: [], IsTruncated: false });
    expect(body(await iam.send(new ListUsersCommand({})))).toEqual({ Users: [], IsTruncated: false });
  });

  it('ListUserTags', async () => {
    const tags = [
      { Key: 'team', Value: 'blue & <green>' },
      { Key: 'empty', Value: '' },
    ];
    answer = () => ({ Tags: tags, IsTruncated: false });
    const out = await iam.send(new ListUserTagsCommand({ UserName: 'alice' }));
    expect(body(out)).toEqual({ Tags: tags, IsTruncated: false });
  });

  it('GetAccessKeyLastUsed with dates', async () => {
    const lastUsed = {
      LastUsedDate: new Date('2026-03-04T05:06:07Z'),
      ServiceName: 'iam',
      Region: 'us-east-1',
    };
    answer = () => ({ UserName: 'alice', AccessKeyLastUsed: lastUsed });
    const out = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }));
    expect(server.calls).toEqual([
      { operation: 'GetAccessKeyLastUsed', input: { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' } },
    ]);
    expect(body(out)).toEqual({ UserName: 'alice', AccessKeyLastUsed: lastUsed });
  });

  it('GetUserPolicy returns the document URL-encoded, as AWS does', async () => {
    answer = () => ({ UserName: 'alice', PolicyName: 'inline', PolicyDocument: POLICY });
    const out = await iam.send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: 'inline' }));
    expect(out.PolicyDocument).not.toContain('{');
    expect(decodeURIComponent(out.PolicyDocument!)).toBe(POLICY);
  });

  it('GetAccountSummary with a map', async () => {
    const summary = { Users: 3, Groups: 0, AccountMFAEnabled: 1, PolicyVersionsInUseQuota: 10000 };
    answer = () => ({ SummaryMap: summary });
    expect(body(await iam.send(new GetAccountSummaryCommand({})))).toEqual({ SummaryMap: summary });
  });

  it('CreateVirtualMFADevice with blobs', async () => {
    const device = {
      SerialNumber: 'arn:aws:iam::123456789012:mfa/phone',
      Base32StringSeed: new Uint8Array(Buffer.from('JBSWY3DPEHPK3PXP')),
      QRCodePNG: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]),
      EnableDate: CREATED,
      Tags: [{ Key: 'k', Value: 'v' }],
    };
    answer = () => ({ VirtualMFADevice: device });
    const out = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone' }));
    expect(body(out)).toEqual({ VirtualMFADevice: device });
  });

  it('GetAccountAuthorizationDetails with nested lists', async () => {
    const boundary = {
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/b',
    };
    const attached = [{ PolicyName: 'ReadOnly', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }];
    const tags = [{ Key: 'team', Value: 'blue' }];
    const role = {
      Path: '/service-role/',
      RoleName: 'worker',
      RoleId: 'AROAEXAMPLEEXAMPLE12',
      Arn: 'arn:aws:iam::123456789012:role/service-role/worker',
      CreateDate: CREATED,
      AssumeRolePolicyDocument: POLICY,
      MaxSessionDuration: 3600,
      Tags: tags,
      RoleLastUsed: { LastUsedDate: new Date('2026-05-06T07:08:09Z'), Region: 'eu-west-1' },
    };
    const output = {
      UserDetailList: [
        {
          Path: '/',
          UserName: 'alice',
          UserId: 'AIDAEXAMPLEEXAMPLE12',
          Arn: 'arn:aws:iam::123456789012:user/alice',
          CreateDate: CREATED,
          UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: POLICY }],
          GroupList: ['admins', 'devs'],
          AttachedManagedPolicies: attached,
          PermissionsBoundary: boundary,
          Tags: tags,
        },
      ],
      GroupDetailList: [
        {
          Path: '/',
          GroupName: 'admins',
          GroupId: 'AGPAEXAMPLEEXAMPLE12',
          Arn: 'arn:aws:iam::123456789012:group/admins',
          CreateDate: CREATED,
          GroupPolicyList: [],
          AttachedManagedPolicies: attached,
        },
      ],
      RoleDetailList: [
        {
          // RoleDetail has no MaxSessionDuration (Role has).
          ...withoutMaxSessionDuration(role),
          InstanceProfileList: [
            {
              Path: '/',
              InstanceProfileName: 'worker-profile',
              InstanceProfileId: 'AIPAEXAMPLEEXAMPLE12',
              Arn: 'arn:aws:iam::123456789012:instance-profile/worker-profile',
              CreateDate: CREATED,
              Roles: [role],
            },
          ],
          RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: POLICY }],
          AttachedManagedPolicies: [],
        },
      ],
      Policies: [
        {
          PolicyName: 'ReadOnly',
          PolicyId: 'ANPAEXAMPLEEXAMPLE12',
          Arn: 'arn:aws:iam::123456789012:policy/ReadOnly',
          Path: '/',
          DefaultVersionId: 'v2',
          AttachmentCount: 2,
          PermissionsBoundaryUsageCount: 0,
          IsAttachable: true,
          CreateDate: CREATED,
          UpdateDate: CREATED,
          PolicyVersionList: [
            { Document: POLICY, VersionId: 'v2', IsDefaultVersion: true, CreateDate: CREATED },
            { Document: '{}', VersionId: 'v1', IsDefaultVersion: false, CreateDate: CREATED },
          ],
        },
      ],
      IsTruncated: false,
    };
    answer = () => output;
    const out = await iam.send(
      new GetAccountAuthorizationDetailsCommand({ Filter: ['User', 'Role'], MaxItems: 10 }),
    );
    expect(server.calls).toEqual([
      { operation: 'GetAccountAuthorizationDetails', input: { Filter: ['User', 'Role'], MaxItems: 10 } },
    ]);
    // The SDK hands back the documents URL-encoded; decode them before comparing.
    const parsed = JSON.parse(JSON.stringify(body(out)), (key, value: unknown) =>
      ['PolicyDocument', 'AssumeRolePolicyDocument', 'Document'].includes(key) && typeof value === 'string'
        ? decodeURIComponent(value)
        : value,
    );
    expect(parsed).toEqual(JSON.parse(JSON.stringify(output)));
    expect(out.RoleDetailList![0]!.RoleLastUsed!.LastUsedDate).toEqual(new Date('2026-05-06T07:08:09Z'));
  });
});

describe('errors', () => {
  it('raise the modeled exception with the message and HTTP status', async () => {
    answer = () => {
      throw new AwsError('NoSuchEntity', 'The user with name bob cannot be found.');
    };
    const err = await iam.send(new ListUserTagsCommand({ UserName: 'bob' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuchEntityException);
    const ex = err as NoSuchEntityException;
    expect(ex.name).toBe('NoSuchEntityException');
    expect(ex.message).toBe('The user with name bob cannot be found.');
    expect(ex.$metadata.httpStatusCode).toBe(404);
    expect(ex.$fault).toBe('client');
  });

  it('carry 409 for EntityAlreadyExists', async () => {
    answer = () => {
      throw new AwsError('EntityAlreadyExists', 'User with name alice already exists.');
    };
    const err = await iam.send(new CreateUserCommand({ UserName: 'alice' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EntityAlreadyExistsException);
    expect((err as EntityAlreadyExistsException).$metadata.httpStatusCode).toBe(409);
  });

  it("raise the decoder's ValidationError by its code", async () => {
    const err = await iam.send(new CreateUserCommand({ UserName: 'x'.repeat(65) })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IAMServiceException);
    const ex = err as IAMServiceException;
    expect(ex.name).toBe('ValidationError');
    expect(ex.message).toBe(
      "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64",
    );
    expect(ex.$metadata.httpStatusCode).toBe(400);
    expect(server.calls).toEqual([]);
  });
});
