import type { OperationContext, Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  GetAccountAuthorizationDetailsInput,
  GetAccountAuthorizationDetailsOutput,
} from '../../protocol/models/iam-types.js';
import type { PrincipalType } from '../../store/schema.js';
import { pageFields } from '../common/list-page.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { profileRoles, profileShape } from '../instance-profiles/profile-shape.js';
import { awsPolicyShape, localPolicyShape } from '../policies/managed/policy-shape.js';
import { usageByArn, type PolicyUsage } from '../policies/managed/policy-usage.js';
import { awsManagedArn } from '../policies/resolve.js';
import { boundaryShape, lastUsedShape, roleCore } from '../roles/role-shape.js';
import { loadAccountLinks } from './load-details.js';

type Output = GetAccountAuthorizationDetailsOutput;
type UserDetail = NonNullable<Output['UserDetailList']>[number];
type GroupDetail = NonNullable<Output['GroupDetailList']>[number];
type RoleDetail = NonNullable<Output['RoleDetailList']>[number];
type PolicyDetail = NonNullable<Output['Policies']>[number];

/** One entry of the combined, paginated list. */
type Entry =
  | { readonly list: 'users'; readonly item: UserDetail }
  | { readonly list: 'groups'; readonly item: GroupDetail }
  | { readonly list: 'roles'; readonly item: RoleDetail }
  | { readonly list: 'policies'; readonly item: PolicyDetail };

const FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
const UNUSED: PolicyUsage = { attachments: 0, boundaries: 0 };

async function userDetails(ctx: OperationContext, links: Awaited<ReturnType<typeof loadAccountLinks>>) {
  const users = await ctx.store.db
    .selectFrom('users')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .orderBy('name_key')
    .execute();
  const memberships = await ctx.store.db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['group_members.user_id', 'groups.name'])
    .where('group_members.account_id', '=', ctx.accountId)
    .orderBy('groups.name_key')
    .execute();
  return users.map((u): Entry => {
    const inline = links.inline.get(u.id) ?? [];
    return {
      list: 'users',
      item: {
        Path: u.path,
        UserName: u.name,
        UserId: u.id,
        Arn: u.arn,
        CreateDate: new Date(u.created_at),
        // Recorded: a user without inline policies has no UserPolicyList at all (groups and roles get `[]`).
        ...(inline.length > 0 ? { UserPolicyList: inline } : {}),
        GroupList: memberships.filter((m) => m.user_id === u.id).map((m) => m.name),
        AttachedManagedPolicies: links.attached.get(u.id) ?? [],
        ...boundaryShape(u.permissions_boundary),
        Tags: links.tags.get(u.id) ?? [],
      },
    };
  });
}

async function groupDetails(ctx: OperationContext, links: Awaited<ReturnType<typeof loadAccountLinks>>) {
  const groups = await ctx.store.db
    .selectFrom('groups')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .orderBy('name_key')
    .execute();
  return groups.map((g): Entry => ({
    list: 'groups',
    item: {
      Path: g.path,
      GroupName: g.name,
      GroupId: g.id,
      Arn: g.arn,
      CreateDate: new Date(g.created_at),
      GroupPolicyList: links.inline.get(g.id) ?? [],
      AttachedManagedPolicies: links.attached.get(g.id) ?? [],
    },
  }));
}

async function roleDetails(ctx: OperationContext, links: Awaited<ReturnType<typeof loadAccountLinks>>) {
  const db = ctx.store.db;
  const roles = await db
    .selectFrom('roles')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .orderBy('name_key')
    .execute();
  const profiles = await db
    .selectFrom('instance_profiles')
    .innerJoin('instance_profile_roles', 'instance_profile_roles.instance_profile_id', 'instance_profiles.id')
    .selectAll('instance_profiles')
    .select('instance_profile_roles.role_id')
    .where('instance_profiles.account_id', '=', ctx.accountId)
    .orderBy('instance_profiles.name_key')
    .execute();
  const profileMembers = await profileRoles(
    db,
    profiles.map((p) => p.id),
  );
  return roles.map((r): Entry => ({
    list: 'roles',
    item: {
      ...roleCore(r),
      InstanceProfileList: profiles
        .filter((p) => p.role_id === r.id)
        .map((p) => profileShape(p, profileMembers.get(p.id) ?? [])),
      RolePolicyList: links.inline.get(r.id) ?? [],
      AttachedManagedPolicies: links.attached.get(r.id) ?? [],
      ...boundaryShape(r.permissions_boundary),
      Tags: links.tags.get(r.id) ?? [],
      RoleLastUsed: lastUsedShape(r),
    },
  }));
}

async function policyDetails(ctx: OperationContext, local: boolean, aws: boolean): Promise<Entry[]> {
  const usage = await usageByArn(ctx.store.db, ctx.accountId);
  const entries: Entry[] = [];
  if (local) {
    const rows = await ctx.store.db
      .selectFrom('policies')
      .selectAll()
      .where('account_id', '=', ctx.accountId)
      .orderBy('name_key')
      .execute();
    const versions = await ctx.store.db
      .selectFrom('policy_versions')
      .innerJoin('policies', 'policies.id', 'policy_versions.policy_id')
      .selectAll('policy_versions')
      .where('policies.account_id', '=', ctx.accountId)
      .execute();
    for (const row of rows) {
      const list = versions
        .filter((v) => v.policy_id === row.id)
        .sort((a, b) => Number(b.version_id.slice(1)) - Number(a.version_id.slice(1)))
        .map((v) => ({
          Document: v.document,
          VersionId: v.version_id,
          IsDefaultVersion: v.version_id === row.default_version_id,
          CreateDate: new Date(v.created_at),
        }));
      const description = row.description ? { Description: row.description } : {};
      entries.push({
        list: 'policies',
        item: {
          ...localPolicyShape(row, usage.get(row.arn) ?? UNUSED),
          ...description,
          PolicyVersionList: list,
        },
      });
    }
  }
  if (aws) {
    // Only the AWS managed policies the account uses: the catalog holds over a thousand (recorded: the
    // AWSManagedPolicy filter returns the one attached policy).
    for (const policy of ctx.managedPolicies.list()) {
      const used = usage.get(awsManagedArn(ctx, policy));
      if (used === undefined) continue;
      const list = policy.versions.map((v) => ({
        Document: v.document,
        VersionId: v.versionId,
        IsDefaultVersion: v.versionId === policy.defaultVersionId,
        CreateDate: v.createDate,
      }));
      entries.push({
        list: 'policies',
        item: { ...awsPolicyShape(ctx, policy, used), PolicyVersionList: list },
      });
    }
  }
  return entries;
}

/**
 * GetAccountAuthorizationDetails: every user, group, role and managed policy of the account with their
 * relationships and documents, filtered by entity type. The lists are paginated together, in that order.
 */
export const getAccountAuthorizationDetails: Operation<
  GetAccountAuthorizationDetailsInput,
  GetAccountAuthorizationDetailsOutput
> = async (ctx, input) => {
  const constraints = new MemberConstraints();
  (input.Filter ?? []).forEach((f, i) => constraints.oneOf(`filter.${i + 1}.member`, f, FILTERS));
  constraints.throwIfAny();
  await ctx.authorize('iam:GetAccountAuthorizationDetails', '*');
  const filter = new Set(input.Filter && input.Filter.length > 0 ? input.Filter : FILTERS);
  const kinds: PrincipalType[] = (['user', 'group', 'role'] as const).filter((k) =>
    filter.has(k === 'user' ? 'User' : k === 'group' ? 'Group' : 'Role'),
  );
  const links = await loadAccountLinks(ctx.store.db, ctx.accountId, kinds);
  const entries: Entry[] = [
    ...(filter.has('User') ? await userDetails(ctx, links) : []),
    ...(filter.has('Group') ? await groupDetails(ctx, links) : []),
    ...(filter.has('Role') ? await roleDetails(ctx, links) : []),
    ...(await policyDetails(ctx, filter.has('LocalManagedPolicy'), filter.has('AWSManagedPolicy'))),
  ];
  const page = paginate(entries, input);
  const pick = <L extends Entry['list']>(list: L) =>
    page.items.filter((e): e is Extract<Entry, { list: L }> => e.list === list).map((e) => e.item);
  return {
    UserDetailList: pick('users') as UserDetail[],
    GroupDetailList: pick('groups') as GroupDetail[],
    RoleDetailList: pick('roles') as RoleDetail[],
    Policies: pick('policies') as PolicyDetail[],
    ...pageFields(page),
  };
};
