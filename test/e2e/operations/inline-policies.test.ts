import {
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteGroupPolicyCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListGroupPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { allow, expectError, policyDocument, serverForFile, trustService, unique } from './support.js';

// Inline policies of users, groups and roles (https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html
// and the pages it links; messages as recorded in test_iam_users, test_iam_groups and test_iam_roles). The three
// kinds behave alike, so one table drives the same cases through each kind's own commands.
const env = serverForFile();

const decoded = (document: string | undefined) => JSON.parse(decodeURIComponent(document!)) as unknown;

interface Kind {
  kind: 'user' | 'group' | 'role';
  /** The inline-policy size quota ("IAM and AWS STS quotas"). */
  quota: number;
  create(name: string): Promise<unknown>;
  put(name: string, policyName: string, document: string): Promise<unknown>;
  get(name: string, policyName: string): Promise<{ name?: string; policyName?: string; document?: string }>;
  remove(name: string, policyName: string): Promise<unknown>;
  list(
    name: string,
    page?: { MaxItems?: number; Marker?: string },
  ): Promise<{ PolicyNames?: string[]; IsTruncated?: boolean; Marker?: string }>;
}

const KINDS: Kind[] = [
  {
    kind: 'user',
    quota: 2048,
    create: (UserName) => env.iam.send(new CreateUserCommand({ UserName })),
    put: (UserName, PolicyName, PolicyDocument) =>
      env.iam.send(new PutUserPolicyCommand({ UserName, PolicyName, PolicyDocument })),
    get: async (UserName, PolicyName) => {
      const out = await env.iam.send(new GetUserPolicyCommand({ UserName, PolicyName }));
      return { name: out.UserName, policyName: out.PolicyName, document: out.PolicyDocument };
    },
    remove: (UserName, PolicyName) => env.iam.send(new DeleteUserPolicyCommand({ UserName, PolicyName })),
    list: (UserName, page) => env.iam.send(new ListUserPoliciesCommand({ UserName, ...page })),
  },
  {
    kind: 'group',
    quota: 5120,
    create: (GroupName) => env.iam.send(new CreateGroupCommand({ GroupName })),
    put: (GroupName, PolicyName, PolicyDocument) =>
      env.iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName, PolicyDocument })),
    get: async (GroupName, PolicyName) => {
      const out = await env.iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName }));
      return { name: out.GroupName, policyName: out.PolicyName, document: out.PolicyDocument };
    },
    remove: (GroupName, PolicyName) => env.iam.send(new DeleteGroupPolicyCommand({ GroupName, PolicyName })),
    list: (GroupName, page) => env.iam.send(new ListGroupPoliciesCommand({ GroupName, ...page })),
  },
  {
    kind: 'role',
    quota: 10240,
    create: (RoleName) =>
      env.iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trustService() })),
    put: (RoleName, PolicyName, PolicyDocument) =>
      env.iam.send(new PutRolePolicyCommand({ RoleName, PolicyName, PolicyDocument })),
    get: async (RoleName, PolicyName) => {
      const out = await env.iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }));
      return { name: out.RoleName, policyName: out.PolicyName, document: out.PolicyDocument };
    },
    remove: (RoleName, PolicyName) => env.iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName })),
    list: (RoleName, page) => env.iam.send(new ListRolePoliciesCommand({ RoleName, ...page })),
  },
];

describe.each(KINDS)('$kind inline policies', (k) => {
  const noSuchIdentity = (name: string) => ({
    name: 'NoSuchEntityException',
    status: 404,
    message: `The ${k.kind} with name ${name} cannot be found.`,
  });
  const noSuchPolicy = (policyName: string) => ({
    name: 'NoSuchEntityException',
    status: 404,
    message: `The ${k.kind} policy with name ${policyName} cannot be found.`,
  });

  async function identity() {
    const name = unique(k.kind);
    await k.create(name);
    return name;
  }

  it(`Put${k.kind}Policy then Get: the document comes back URL-encoded; Put again replaces it`, async () => {
    const name = await identity();
    await k.put(name, 'access', allow('s3:GetObject'));
    const replacement = allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::bucket/*');
    await k.put(name, 'access', replacement);
    const got = await k.get(name, 'access');
    expect(got).toMatchObject({ name, policyName: 'access' });
    expect(got.document).toMatch(/^%7B/);
    expect(decoded(got.document)).toEqual(JSON.parse(replacement));
  });

  it('Put: a malformed document is MalformedPolicyDocument (400)', async () => {
    const name = await identity();
    await expectError(() => k.put(name, 'bad', policyDocument({ Effect: 'Allow', Resource: '*' })), {
      name: 'MalformedPolicyDocumentException',
      status: 400,
      message: 'Policy statement must contain actions.',
    });
  });

  it('Put: policies over the size quota are LimitExceeded (409)', async () => {
    const name = await identity();
    const big = allow(Array.from({ length: Math.ceil(k.quota / 20) }, (_, i) => `s3:GetObjectNumber${i}`));
    await expectError(() => k.put(name, 'big', big), {
      name: 'LimitExceededException',
      status: 409,
      message: `Maximum policy size of ${k.quota} bytes exceeded for ${k.kind} ${name}`,
    });
  });

  it(`Put: a missing ${k.kind} is NoSuchEntity (404)`, async () => {
    await expectError(
      () => k.put(`nonexistent-${k.kind}`, 'p', allow('s3:GetObject')),
      noSuchIdentity(`nonexistent-${k.kind}`),
    );
  });

  it('Get: a policy the identity does not have is NoSuchEntity (404)', async () => {
    const name = await identity();
    await expectError(() => k.get(name, 'non-existent-policy'), noSuchPolicy('non-existent-policy'));
  });

  it('List: names in order, in pages', async () => {
    const name = await identity();
    expect(await k.list(name)).toMatchObject({ PolicyNames: [], IsTruncated: false });
    for (const policyName of ['alpha', 'beta', 'gamma']) await k.put(name, policyName, allow('s3:GetObject'));
    const first = await k.list(name, { MaxItems: 2 });
    expect(first).toMatchObject({ PolicyNames: ['alpha', 'beta'], IsTruncated: true });
    const second = await k.list(name, { Marker: first.Marker });
    expect(second).toMatchObject({ PolicyNames: ['gamma'], IsTruncated: false });
  });

  it(`List: a missing ${k.kind} is NoSuchEntity (404)`, async () => {
    await expectError(() => k.list(`nonexistent-${k.kind}`), noSuchIdentity(`nonexistent-${k.kind}`));
  });

  it('Delete removes the policy; deleting it again is NoSuchEntity (404)', async () => {
    const name = await identity();
    await k.put(name, 'temporary', allow('s3:GetObject'));
    await k.remove(name, 'temporary');
    expect((await k.list(name)).PolicyNames).toEqual([]);
    await expectError(() => k.remove(name, 'temporary'), noSuchPolicy('temporary'));
  });
});
