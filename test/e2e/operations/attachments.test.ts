import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { allow, expectError, idPattern, serverForFile, trustService, unique } from './support.js';

// Managed-policy attachments (https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html and the
// pages it links; messages as recorded in test_iam_users, test_iam_groups, test_iam_roles and test_iam_policies).
// Users, groups and roles behave alike, so one table drives the same cases through each kind's own commands.
const env = serverForFile();

const AWS_POLICY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

interface AttachedPage {
  AttachedPolicies?: { PolicyName?: string; PolicyArn?: string }[];
  IsTruncated?: boolean;
  Marker?: string;
}

interface Kind {
  kind: 'user' | 'group' | 'role';
  noun: 'User' | 'Group' | 'Role';
  create(name: string): Promise<unknown>;
  attach(name: string, arn: string): Promise<unknown>;
  detach(name: string, arn: string): Promise<unknown>;
  list(
    name: string,
    page?: { MaxItems?: number; Marker?: string; PathPrefix?: string },
  ): Promise<AttachedPage>;
}

const KINDS: Kind[] = [
  {
    kind: 'user',
    noun: 'User',
    create: (UserName) => env.iam.send(new CreateUserCommand({ UserName })),
    attach: (UserName, PolicyArn) => env.iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn })),
    detach: (UserName, PolicyArn) => env.iam.send(new DetachUserPolicyCommand({ UserName, PolicyArn })),
    list: (UserName, page) => env.iam.send(new ListAttachedUserPoliciesCommand({ UserName, ...page })),
  },
  {
    kind: 'group',
    noun: 'Group',
    create: (GroupName) => env.iam.send(new CreateGroupCommand({ GroupName })),
    attach: (GroupName, PolicyArn) => env.iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn })),
    detach: (GroupName, PolicyArn) => env.iam.send(new DetachGroupPolicyCommand({ GroupName, PolicyArn })),
    list: (GroupName, page) => env.iam.send(new ListAttachedGroupPoliciesCommand({ GroupName, ...page })),
  },
  {
    kind: 'role',
    noun: 'Role',
    create: (RoleName) =>
      env.iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trustService() })),
    attach: (RoleName, PolicyArn) => env.iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn })),
    detach: (RoleName, PolicyArn) => env.iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn })),
    list: (RoleName, page) => env.iam.send(new ListAttachedRolePoliciesCommand({ RoleName, ...page })),
  },
];

async function createPolicy(path?: string) {
  const name = unique('managed');
  const { Policy } = await env.iam.send(
    new CreatePolicyCommand({ PolicyName: name, Path: path, PolicyDocument: allow('s3:GetObject') }),
  );
  return { name, arn: Policy!.Arn! };
}

describe.each(KINDS)('$kind attachments', (k) => {
  async function identity() {
    const name = unique(k.kind);
    await k.create(name);
    return name;
  }

  it(`Attach${k.noun}Policy attaches customer and AWS managed policies (idempotently), counted by GetPolicy`, async () => {
    const name = await identity();
    const policy = await createPolicy();
    await k.attach(name, policy.arn);
    await k.attach(name, policy.arn);
    await k.attach(name, AWS_POLICY);
    const { AttachedPolicies } = await k.list(name);
    expect(AttachedPolicies).toEqual(
      expect.arrayContaining([
        { PolicyName: policy.name, PolicyArn: policy.arn },
        { PolicyName: 'ReadOnlyAccess', PolicyArn: AWS_POLICY },
      ]),
    );
    expect(AttachedPolicies).toHaveLength(2);
    expect(
      (await env.iam.send(new GetPolicyCommand({ PolicyArn: policy.arn }))).Policy!.AttachmentCount,
    ).toBe(1);
  });

  it('Attach: a policy that does not exist is NoSuchEntity (404), a non-ARN ValidationError (400)', async () => {
    const name = await identity();
    const missing = `arn:aws:iam::${ACCOUNT}:policy/nonexistent`;
    await expectError(() => k.attach(name, missing), {
      name: 'NoSuchEntityException',
      status: 404,
      message: `Policy ${missing} does not exist or is not attachable.`,
    });
    await expectError(() => k.attach(name, 'longpolicynamebutnoarn'), {
      name: 'ValidationError',
      status: 400,
      message: 'ARN longpolicynamebutnoarn is not valid.',
    });
  });

  it('Attach: an eleventh policy is LimitExceeded (409)', async () => {
    const name = await identity();
    for (let i = 0; i < 10; i++) await k.attach(name, (await createPolicy()).arn);
    const eleventh = await createPolicy();
    await expectError(() => k.attach(name, eleventh.arn), {
      name: 'LimitExceededException',
      status: 409,
      message: `Cannot exceed quota for PolicyAttachmentsPer${k.noun}: 10`,
    });
  });

  it(`Detach${k.noun}Policy detaches; a policy not attached is NoSuchEntity (404)`, async () => {
    const name = await identity();
    const policy = await createPolicy();
    await k.attach(name, policy.arn);
    await k.detach(name, policy.arn);
    expect((await k.list(name)).AttachedPolicies).toEqual([]);
    await expectError(() => k.detach(name, policy.arn), {
      name: 'NoSuchEntityException',
      status: 404,
      message: `Policy ${policy.arn} was not found.`,
    });
  });

  it(`ListAttached${k.noun}Policies filters by the policy path and pages`, async () => {
    const name = await identity();
    const path = `/${unique('ap')}/`;
    const policies = [await createPolicy(path), await createPolicy(path), await createPolicy(path)];
    for (const policy of policies) await k.attach(name, policy.arn);
    await k.attach(name, AWS_POLICY);
    const first = await k.list(name, { PathPrefix: path, MaxItems: 2 });
    expect(first.AttachedPolicies).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const second = await k.list(name, { PathPrefix: path, MaxItems: 2, Marker: first.Marker });
    expect(second.IsTruncated).toBe(false);
    const arns = [...first.AttachedPolicies!, ...second.AttachedPolicies!].map((p) => p.PolicyArn);
    expect(arns.sort()).toEqual(policies.map((p) => p.arn).sort());
  });

  it(`ListAttached${k.noun}Policies: a missing ${k.kind} is NoSuchEntity (404)`, async () => {
    await expectError(() => k.list(`nonexistent-${k.kind}`), {
      name: 'NoSuchEntityException',
      status: 404,
      message: `The ${k.kind} with name nonexistent-${k.kind} cannot be found.`,
    });
  });
});

describe('ListEntitiesForPolicy', () => {
  it('lists the users, groups and roles a policy is attached to, filtered and in pages', async () => {
    const policy = await createPolicy();
    const empty = await env.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policy.arn }));
    expect(empty).toMatchObject({ PolicyUsers: [], PolicyGroups: [], PolicyRoles: [], IsTruncated: false });

    const [userKind, groupKind, roleKind] = KINDS as [Kind, Kind, Kind];
    const user = unique('e-user');
    const group = unique('e-group');
    const role = unique('e-role');
    await userKind.create(user);
    await groupKind.create(group);
    await roleKind.create(role);
    await userKind.attach(user, policy.arn);
    await groupKind.attach(group, policy.arn);
    await roleKind.attach(role, policy.arn);

    const all = await env.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policy.arn }));
    expect(all.PolicyUsers!.map((u) => u.UserName)).toEqual([user]);
    expect(all.PolicyUsers![0]!.UserId).toMatch(idPattern('AIDA'));
    expect(all.PolicyGroups!.map((g) => g.GroupName)).toEqual([group]);
    expect(all.PolicyGroups![0]!.GroupId).toMatch(idPattern('AGPA'));
    expect(all.PolicyRoles!.map((r) => r.RoleName)).toEqual([role]);
    expect(all.PolicyRoles![0]!.RoleId).toMatch(idPattern('AROA'));

    const roles = await env.iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: policy.arn, EntityFilter: 'Role' }),
    );
    expect(roles).toMatchObject({ PolicyUsers: [], PolicyGroups: [], IsTruncated: false });
    expect(roles.PolicyRoles).toHaveLength(1);

    const first = await env.iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: policy.arn, MaxItems: 2 }),
    );
    expect(first.IsTruncated).toBe(true);
    const rest = await env.iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: policy.arn, MaxItems: 2, Marker: first.Marker }),
    );
    expect(rest.IsTruncated).toBe(false);
    const count = (page: typeof first) =>
      page.PolicyUsers!.length + page.PolicyGroups!.length + page.PolicyRoles!.length;
    expect(count(first)).toBe(2);
    expect(count(rest)).toBe(1);
  });

  it('a policy that does not exist is NoSuchEntity (404), as recorded', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/NonExistentPolicy`;
    await expectError(() => env.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn })), {
      name: 'NoSuchEntityException',
      status: 404,
      message: `Policy ${arn} does not exist or is not attachable.`,
    });
  });
});
