import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { allow, expectError, idPattern, serverForFile, trustService, unique } from './support.js';

// GetAccountAuthorizationDetails (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html;
// shapes as recorded in test_iam_account_authorization_details). One account snapshot is built once for the file.
const env = serverForFile();

const decoded = (document: string | undefined) => JSON.parse(decodeURIComponent(document!)) as unknown;
const INLINE = allow('s3:ListBucket');

const names = { user: unique('detail-user'), group: unique('detail-group'), role: unique('detail-role') };
const profile = unique('detail-profile');
const policyName = unique('detail-policy');
const policyArn = `arn:aws:iam::${ACCOUNT}:policy/${policyName}`;

beforeAll(async () => {
  await env.iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: INLINE }));
  await env.iam.send(
    new CreateUserCommand({ UserName: names.user, Tags: [{ Key: 'environment', Value: 'test' }] }),
  );
  await env.iam.send(
    new PutUserPolicyCommand({ UserName: names.user, PolicyName: 'u-inline', PolicyDocument: INLINE }),
  );
  await env.iam.send(new AttachUserPolicyCommand({ UserName: names.user, PolicyArn: policyArn }));
  await env.iam.send(new CreateGroupCommand({ GroupName: names.group }));
  await env.iam.send(
    new PutGroupPolicyCommand({ GroupName: names.group, PolicyName: 'g-inline', PolicyDocument: INLINE }),
  );
  await env.iam.send(new AddUserToGroupCommand({ GroupName: names.group, UserName: names.user }));
  await env.iam.send(
    new CreateRoleCommand({
      RoleName: names.role,
      Path: '/my-path/',
      AssumeRolePolicyDocument: trustService(),
    }),
  );
  await env.iam.send(
    new PutRolePolicyCommand({ RoleName: names.role, PolicyName: 'r-inline', PolicyDocument: INLINE }),
  );
  await env.iam.send(new AttachRolePolicyCommand({ RoleName: names.role, PolicyArn: policyArn }));
  await env.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profile }));
  await env.iam.send(
    new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: names.role }),
  );
});

describe('GetAccountAuthorizationDetails', () => {
  it('describes users with groups, inline and attached policies and tags', async () => {
    const out = await env.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }));
    expect(out).toMatchObject({ GroupDetailList: [], RoleDetailList: [], Policies: [], IsTruncated: false });
    const user = out.UserDetailList!.find((u) => u.UserName === names.user)!;
    expect(user).toMatchObject({
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT}:user/${names.user}`,
      GroupList: [names.group],
      AttachedManagedPolicies: [{ PolicyName: policyName, PolicyArn: policyArn }],
      Tags: [{ Key: 'environment', Value: 'test' }],
    });
    expect(user.UserId).toMatch(idPattern('AIDA'));
    expect(user.CreateDate).toBeInstanceOf(Date);
    expect(user.UserPolicyList!.map((p) => p.PolicyName)).toEqual(['u-inline']);
    expect(decoded(user.UserPolicyList![0]!.PolicyDocument)).toEqual(JSON.parse(INLINE));
  });

  it('describes groups and roles (with instance profiles and an empty RoleLastUsed)', async () => {
    const out = await env.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Group', 'Role'] }));
    expect(out.UserDetailList).toEqual([]);
    const group = out.GroupDetailList!.find((g) => g.GroupName === names.group)!;
    expect(group.GroupId).toMatch(idPattern('AGPA'));
    expect(group.GroupPolicyList!.map((p) => p.PolicyName)).toEqual(['g-inline']);
    expect(group.AttachedManagedPolicies).toEqual([]);

    const role = out.RoleDetailList!.find((r) => r.RoleName === names.role)!;
    expect(role).toMatchObject({
      Path: '/my-path/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/my-path/${names.role}`,
      AttachedManagedPolicies: [{ PolicyName: policyName, PolicyArn: policyArn }],
      RoleLastUsed: {},
    });
    expect(role.RoleId).toMatch(idPattern('AROA'));
    expect(decoded(role.AssumeRolePolicyDocument)).toEqual(JSON.parse(trustService()));
    expect(role.RolePolicyList!.map((p) => p.PolicyName)).toEqual(['r-inline']);
    expect(role.InstanceProfileList!.map((p) => p.InstanceProfileName)).toEqual([profile]);
    expect(role.InstanceProfileList![0]!.InstanceProfileId).toMatch(idPattern('AIPA'));
  });

  it('describes local managed policies with every version and its document', async () => {
    const out = await env.iam.send(
      new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'] }),
    );
    const policy = out.Policies!.find((p) => p.PolicyName === policyName)!;
    expect(policy).toMatchObject({
      Arn: policyArn,
      DefaultVersionId: 'v1',
      AttachmentCount: 2,
      IsAttachable: true,
    });
    expect(policy.PolicyId).toMatch(idPattern('ANPA'));
    expect(policy.PolicyVersionList).toHaveLength(1);
    expect(policy.PolicyVersionList![0]).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true });
    expect(decoded(policy.PolicyVersionList![0]!.Document)).toEqual(JSON.parse(INLINE));
  });

  it('pages across the lists with MaxItems and Marker', async () => {
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const out = await env.iam.send(
        new GetAccountAuthorizationDetailsCommand({ MaxItems: 1, Marker: marker }),
      );
      const items = [
        ...out.UserDetailList!.map((u) => u.UserName!),
        ...out.GroupDetailList!.map((g) => g.GroupName!),
        ...out.RoleDetailList!.map((r) => r.RoleName!),
        ...out.Policies!.map((p) => p.PolicyName!),
      ];
      expect(items).toHaveLength(1);
      seen.push(...items);
      expect(out.IsTruncated).toBe(out.Marker !== undefined);
      marker = out.Marker;
      pages += 1;
    } while (marker !== undefined && pages < 10);
    expect(seen).toEqual([names.user, names.group, names.role, policyName]);
  });

  it('a filter value outside the enum is ValidationError (400)', async () => {
    await expectError(
      () => env.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Users' as 'User'] })),
      { name: 'ValidationError', status: 400 },
    );
  });
});
