import {
  CreateInstanceProfileCommand,
  AddRoleToInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  GetRoleCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import {
  allow,
  expectError,
  idPattern,
  policyDocument,
  serverForFile,
  trustService,
  unique,
} from './support.js';

// Roles (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html and the pages it links; response
// shapes as recorded in test_iam_roles: CreateRole and UpdateRoleDescription without MaxSessionDuration and
// RoleLastUsed, GetRole with both, ListRoles with MaxSessionDuration only).
const env = serverForFile();

const TRUST = trustService();
/** Policy documents come back URL-encoded; the SDK (unlike botocore) leaves them so. */
const decoded = (document: string | undefined) => JSON.parse(decodeURIComponent(document!)) as unknown;

const noSuchRole = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `The role with name ${name} cannot be found.`,
});

async function createRole(name: string, extra: { Path?: string; Description?: string } = {}) {
  const { Role } = await env.iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST, ...extra }),
  );
  return Role!;
}

describe('CreateRole', () => {
  it('returns the role with an AROA id, its ARN and the trust policy URL-encoded, as recorded', async () => {
    const name = unique('app');
    const { Role } = await env.iam.send(
      new CreateRoleCommand({
        RoleName: name,
        Path: '/service/',
        AssumeRolePolicyDocument: TRUST,
        Description: 'for the app',
        MaxSessionDuration: 7200,
        Tags: [{ Key: 'env', Value: 'prod' }],
      }),
    );
    expect(Role).toMatchObject({
      RoleName: name,
      Path: '/service/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/service/${name}`,
      Tags: [{ Key: 'env', Value: 'prod' }],
    });
    expect(Role!.RoleId).toMatch(idPattern('AROA'));
    expect(Role!.CreateDate).toBeInstanceOf(Date);
    expect(Role!.AssumeRolePolicyDocument).toMatch(/^%7B/);
    expect(decoded(Role!.AssumeRolePolicyDocument)).toEqual(JSON.parse(TRUST));
    // As recorded (test_list_roles_pagination): CreateRole leaves out the description it was given.
    expect(Role!.Description).toBeUndefined();
    expect(Role!.MaxSessionDuration).toBeUndefined();
    expect(Role!.RoleLastUsed).toBeUndefined();
  });

  it('a name already taken is EntityAlreadyExists (409)', async () => {
    const name = unique('dup');
    await createRole(name);
    await expectError(
      () => env.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST })),
      {
        name: 'EntityAlreadyExistsException',
        status: 409,
        message: `Role with name ${name} already exists.`,
      },
    );
  });

  it('a trust policy that is not JSON is MalformedPolicyDocument (400)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new CreateRoleCommand({ RoleName: unique('bad'), AssumeRolePolicyDocument: '{not json' }),
        ),
      { name: 'MalformedPolicyDocumentException', status: 400, message: 'This policy contains invalid Json' },
    );
  });
});

describe('GetRole', () => {
  it('adds MaxSessionDuration and an empty RoleLastUsed', async () => {
    const name = unique('get');
    const created = await createRole(name, { Description: 'initial description' });
    const { Role } = await env.iam.send(new GetRoleCommand({ RoleName: name }));
    expect(Role).toMatchObject({
      RoleName: name,
      RoleId: created.RoleId,
      Arn: created.Arn,
      Path: '/',
      Description: 'initial description',
      MaxSessionDuration: 3600,
    });
    expect(Role!.CreateDate).toEqual(created.CreateDate);
    expect(Role!.RoleLastUsed).toEqual({});
    expect(decoded(Role!.AssumeRolePolicyDocument)).toEqual(JSON.parse(TRUST));
  });

  it('a missing role is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new GetRoleCommand({ RoleName: 'test-nonexistent-role' })),
      noSuchRole('test-nonexistent-role'),
    );
  });
});

describe('ListRoles', () => {
  it('filters by path prefix and pages; items carry MaxSessionDuration but not RoleLastUsed or tags', async () => {
    const path = `/${unique('lr')}/`;
    const names = [unique('r-a'), unique('r-b'), unique('r-c')];
    for (const name of names) {
      await env.iam.send(
        new CreateRoleCommand({
          RoleName: name,
          Path: path,
          AssumeRolePolicyDocument: TRUST,
          Tags: [{ Key: 'k', Value: 'v' }],
        }),
      );
    }
    const first = await env.iam.send(new ListRolesCommand({ PathPrefix: path, MaxItems: 2 }));
    expect(first.Roles!.map((r) => r.RoleName)).toEqual(names.slice(0, 2));
    expect(first.IsTruncated).toBe(true);
    const role = first.Roles![0]!;
    expect(role.RoleId).toMatch(idPattern('AROA'));
    expect(role.MaxSessionDuration).toBe(3600);
    expect(role.CreateDate).toBeInstanceOf(Date);
    expect(decoded(role.AssumeRolePolicyDocument)).toEqual(JSON.parse(TRUST));
    expect(role.RoleLastUsed).toBeUndefined();
    expect(role.Tags).toBeUndefined();
    const second = await env.iam.send(new ListRolesCommand({ PathPrefix: path, Marker: first.Marker }));
    expect(second.Roles!.map((r) => r.RoleName)).toEqual(names.slice(2));
    expect(second.IsTruncated).toBe(false);
  });

  it('an unreadable Marker is ValidationError (400)', async () => {
    await expectError(() => env.iam.send(new ListRolesCommand({ Marker: '!!!' })), {
      name: 'ValidationError',
      status: 400,
      message: 'Invalid Marker.',
    });
  });
});

describe('UpdateRole, UpdateRoleDescription', () => {
  it('UpdateRole changes the description and MaxSessionDuration', async () => {
    const name = unique('upd');
    await createRole(name, { Description: 'initial description' });
    const out = await env.iam.send(
      new UpdateRoleCommand({ RoleName: name, Description: 'updated description', MaxSessionDuration: 7200 }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    const { Role } = await env.iam.send(new GetRoleCommand({ RoleName: name }));
    expect(Role).toMatchObject({ Description: 'updated description', MaxSessionDuration: 7200 });
  });

  it('UpdateRole: a MaxSessionDuration above 12 hours is ValidationError (400)', async () => {
    const name = unique('upd');
    await createRole(name);
    await expectError(
      () => env.iam.send(new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 43201 })),
      {
        name: 'ValidationError',
        status: 400,
        message:
          /Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200/,
      },
    );
  });

  it('UpdateRole: a missing role is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new UpdateRoleCommand({ RoleName: 'test-nonexistent-role', Description: 'x' })),
      noSuchRole('test-nonexistent-role'),
    );
  });

  it('UpdateRoleDescription returns the role, without MaxSessionDuration and RoleLastUsed', async () => {
    const name = unique('desc');
    const created = await createRole(name);
    const { Role } = await env.iam.send(
      new UpdateRoleDescriptionCommand({
        RoleName: name,
        Description: 'description via update_role_description',
      }),
    );
    expect(Role).toMatchObject({
      RoleName: name,
      RoleId: created.RoleId,
      Arn: created.Arn,
      Description: 'description via update_role_description',
    });
    expect(Role!.CreateDate).toBeInstanceOf(Date);
    expect(Role!.MaxSessionDuration).toBeUndefined();
    expect(Role!.RoleLastUsed).toBeUndefined();
  });

  it('UpdateRoleDescription: a missing role is NoSuchEntity (404)', async () => {
    await expectError(
      () =>
        env.iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'no-such-role-desc', Description: 'x' })),
      noSuchRole('no-such-role-desc'),
    );
  });
});

describe('UpdateAssumeRolePolicy', () => {
  it('replaces the trust policy', async () => {
    const name = unique('trust');
    await createRole(name);
    const lambda = trustService('lambda.amazonaws.com');
    await env.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: lambda }));
    const { Role } = await env.iam.send(new GetRoleCommand({ RoleName: name }));
    expect(decoded(Role!.AssumeRolePolicyDocument)).toEqual(JSON.parse(lambda));
  });

  it('invalid JSON, non-STS actions and a Resource are MalformedPolicyDocument (400) as recorded', async () => {
    const name = unique('trust');
    await createRole(name);
    const update = (PolicyDocument: string) =>
      env.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument }));
    const malformed = (message: string) => ({
      name: 'MalformedPolicyDocumentException',
      status: 400,
      message,
    });
    await expectError(() => update('{"Version":'), malformed('This policy contains invalid Json'));
    await expectError(
      () =>
        update(
          policyDocument({
            Effect: 'Allow',
            Principal: { Service: 'ec2.amazonaws.com' },
            Action: 's3:GetObject',
          }),
        ),
      malformed('AssumeRole policy may only specify STS AssumeRole actions.'),
    );
    await expectError(
      () =>
        update(
          policyDocument({
            Effect: 'Allow',
            Principal: { Service: 'ec2.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Resource: '*',
          }),
        ),
      malformed('Has prohibited field Resource'),
    );
  });

  it('a missing role is NoSuchEntity (404)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new UpdateAssumeRolePolicyCommand({ RoleName: 'no-such-role-trust', PolicyDocument: TRUST }),
        ),
      noSuchRole('no-such-role-trust'),
    );
  });
});

describe('DeleteRole', () => {
  it('deletes a role with nothing attached', async () => {
    const name = unique('del');
    await createRole(name);
    const out = await env.iam.send(new DeleteRoleCommand({ RoleName: name }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await expectError(() => env.iam.send(new GetRoleCommand({ RoleName: name })), noSuchRole(name));
  });

  it('a role in an instance profile is DeleteConflict (409)', async () => {
    const name = unique('del');
    await createRole(name);
    const profile = unique('ip');
    await env.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profile }));
    await env.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: name }));
    await expectError(() => env.iam.send(new DeleteRoleCommand({ RoleName: name })), {
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must remove roles from instance profile first.',
    });
  });

  it('a missing role is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new DeleteRoleCommand({ RoleName: 'test-nonexistent-role' })),
      noSuchRole('test-nonexistent-role'),
    );
  });
});

describe('TagRole, UntagRole, ListRoleTags', () => {
  it('tags (a key differing in case replaces), lists in pages and untags', async () => {
    const name = unique('tags');
    await createRole(name);
    await env.iam.send(
      new TagRoleCommand({
        RoleName: name,
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '' },
          { Key: 'c', Value: '3' },
        ],
      }),
    );
    await env.iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: 'A', Value: 'one' }] }));
    const first = await env.iam.send(new ListRoleTagsCommand({ RoleName: name, MaxItems: 2 }));
    expect(first).toMatchObject({
      Tags: [
        { Key: 'A', Value: 'one' },
        { Key: 'b', Value: '' },
      ],
      IsTruncated: true,
    });
    const second = await env.iam.send(new ListRoleTagsCommand({ RoleName: name, Marker: first.Marker }));
    expect(second).toMatchObject({ Tags: [{ Key: 'c', Value: '3' }], IsTruncated: false });
    await env.iam.send(new UntagRoleCommand({ RoleName: name, TagKeys: ['a', 'b'] }));
    expect((await env.iam.send(new ListRoleTagsCommand({ RoleName: name }))).Tags).toEqual([
      { Key: 'c', Value: '3' },
    ]);
  });

  it('duplicate keys differing only in case are InvalidInput (400) as recorded', async () => {
    const name = unique('tags');
    await createRole(name);
    await expectError(
      () =>
        env.iam.send(
          new TagRoleCommand({
            RoleName: name,
            Tags: [
              { Key: 'Env', Value: 'a' },
              { Key: 'env', Value: 'b' },
            ],
          }),
        ),
      {
        name: 'InvalidInputException',
        status: 400,
        message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      },
    );
  });

  it('a key with a character outside the pattern is ValidationError (400) as recorded', async () => {
    const name = unique('tags');
    await createRole(name);
    await expectError(
      () => env.iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: 'a#b', Value: 'v' }] })),
      {
        name: 'ValidationError',
        status: 400,
        message:
          "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
      },
    );
  });

  it('more than 50 keys to untag is ValidationError (400) as recorded', async () => {
    const name = unique('tags');
    await createRole(name);
    const keys = Array.from({ length: 51 }, (_, i) => `k${i}`);
    await expectError(() => env.iam.send(new UntagRoleCommand({ RoleName: name, TagKeys: keys })), {
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
  });

  it('a missing role is NoSuchEntity (404) for each of them', async () => {
    const missing = noSuchRole('test-nonexistent-role');
    await expectError(
      () =>
        env.iam.send(
          new TagRoleCommand({ RoleName: 'test-nonexistent-role', Tags: [{ Key: 'k', Value: 'v' }] }),
        ),
      missing,
    );
    await expectError(
      () => env.iam.send(new UntagRoleCommand({ RoleName: 'test-nonexistent-role', TagKeys: ['k'] })),
      missing,
    );
    await expectError(
      () => env.iam.send(new ListRoleTagsCommand({ RoleName: 'test-nonexistent-role' })),
      missing,
    );
  });
});

describe('PutRolePermissionsBoundary, DeleteRolePermissionsBoundary', () => {
  it('sets the boundary (GetRole shows it, ListRoles does not) and removes it', async () => {
    const name = unique('bounded');
    await createRole(name);
    const { Policy } = await env.iam.send(
      new CreatePolicyCommand({ PolicyName: unique('boundary'), PolicyDocument: allow('s3:*') }),
    );
    await env.iam.send(
      new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: Policy!.Arn }),
    );
    const { Role } = await env.iam.send(new GetRoleCommand({ RoleName: name }));
    expect(Role!.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: Policy!.Arn,
    });
    const listed = await env.iam.send(new ListRolesCommand({}));
    expect(listed.Roles!.find((r) => r.RoleName === name)!.PermissionsBoundary).toBeUndefined();

    await env.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name }));
    expect(
      (await env.iam.send(new GetRoleCommand({ RoleName: name }))).Role!.PermissionsBoundary,
    ).toBeUndefined();
  });

  it('errors as recorded: a non-policy ARN is InvalidInput (400), a missing policy or role NoSuchEntity (404)', async () => {
    const name = unique('bounded');
    await createRole(name);
    const put = (RoleName: string, PermissionsBoundary: string) =>
      env.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName, PermissionsBoundary }));
    const notPolicy = `arn:aws:iam::${ACCOUNT}:not_a_policy/invalid`;
    await expectError(() => put(name, notPolicy), {
      name: 'InvalidInputException',
      status: 400,
      message: `ARN ${notPolicy} is not valid.`,
    });
    const missing = `arn:aws:iam::${ACCOUNT}:policy/nonexistent-policy`;
    await expectError(() => put(name, missing), {
      name: 'NoSuchEntityException',
      status: 404,
      message: `Scope ARN: ${missing} does not exist or is not attachable.`,
    });
    await expectError(
      () => put('nonexistent-role', 'arn:aws:iam::aws:policy/ReadOnlyAccess'),
      noSuchRole('nonexistent-role'),
    );
  });

  it('DeleteRolePermissionsBoundary: a missing role is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'nonexistent-role' })),
      noSuchRole('nonexistent-role'),
    );
  });
});
