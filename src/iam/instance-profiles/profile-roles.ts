import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  AddRoleToInstanceProfileInput,
  AddRoleToInstanceProfileOutput,
  ListInstanceProfilesForRoleInput,
  ListInstanceProfilesForRoleOutput,
  RemoveRoleFromInstanceProfileInput,
  RemoveRoleFromInstanceProfileOutput,
} from '../../protocol/models/iam-types.js';
import { existing, findRole, noSuchRole } from '../common/entity-lookup.js';
import { pageFields } from '../common/list-page.js';
import { checkName } from '../common/member-constraints.js';
import { authorizedRole } from '../roles/role-access.js';
import { ROLE_NAME_MAX } from '../roles/role-input.js';
import { authorizedProfile, checkProfileName } from './profile-access.js';
import { profileRoles, profileShape } from './profile-shape.js';

/** An instance profile holds at most one role ("IAM and AWS STS quotas": roles in an instance profile). */
export const ROLES_PER_PROFILE = 1;

/**
 * AddRoleToInstanceProfile: puts the role in the profile. Whoever does so hands the role to EC2, so AWS also
 * requires `iam:PassRole` on the role (IAM API reference, AddRoleToInstanceProfile).
 */
export const addRoleToInstanceProfile: Operation<
  AddRoleToInstanceProfileInput,
  AddRoleToInstanceProfileOutput
> = async (ctx, input) => {
  checkProfileName(input.InstanceProfileName);
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  const profile = await authorizedProfile(ctx, 'iam:AddRoleToInstanceProfile', input.InstanceProfileName);
  const role = existing(await findRole(ctx.store.db, ctx.accountId, input.RoleName), () =>
    noSuchRole(input.RoleName),
  );
  await ctx.authorize('iam:PassRole', role.arn, { 'iam:PassedToService': 'ec2.amazonaws.com' });
  await ctx.store.transaction(async (tx) => {
    const members = await tx
      .selectFrom('instance_profile_roles')
      .select('role_id')
      .where('instance_profile_id', '=', profile.id)
      .execute();
    if (members.length >= ROLES_PER_PROFILE) {
      throw new AwsError(
        'LimitExceeded',
        `Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${ROLES_PER_PROFILE}`,
      );
    }
    await tx
      .insertInto('instance_profile_roles')
      .values({ account_id: ctx.accountId, instance_profile_id: profile.id, role_id: role.id })
      .execute();
  });
  return {};
};

/** RemoveRoleFromInstanceProfile: takes the role out of the profile. */
export const removeRoleFromInstanceProfile: Operation<
  RemoveRoleFromInstanceProfileInput,
  RemoveRoleFromInstanceProfileOutput
> = async (ctx, input) => {
  checkProfileName(input.InstanceProfileName);
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  const profile = await authorizedProfile(
    ctx,
    'iam:RemoveRoleFromInstanceProfile',
    input.InstanceProfileName,
  );
  const role = existing(await findRole(ctx.store.db, ctx.accountId, input.RoleName), () =>
    noSuchRole(input.RoleName),
  );
  const removed = await ctx.store.db
    .deleteFrom('instance_profile_roles')
    .where('instance_profile_id', '=', profile.id)
    .where('role_id', '=', role.id)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) {
    throw new AwsError(
      'NoSuchEntity',
      `Role ${role.name} in Instance Profile ${profile.name} cannot be found.`,
    );
  }
  return {};
};

/** ListInstanceProfilesForRole: the profiles that hold the role, paginated. */
export const listInstanceProfilesForRole: Operation<
  ListInstanceProfilesForRoleInput,
  ListInstanceProfilesForRoleOutput
> = async (ctx, input) => {
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  const role = await authorizedRole(ctx, 'iam:ListInstanceProfilesForRole', input.RoleName);
  const rows = await ctx.store.db
    .selectFrom('instance_profiles')
    .innerJoin('instance_profile_roles', 'instance_profile_roles.instance_profile_id', 'instance_profiles.id')
    .selectAll('instance_profiles')
    .where('instance_profile_roles.role_id', '=', role.id)
    .orderBy('instance_profiles.name_key')
    .execute();
  const page = paginate(rows, input);
  const roles = await profileRoles(
    ctx.store.db,
    page.items.map((r) => r.id),
  );
  return {
    InstanceProfiles: page.items.map((r) => profileShape(r, roles.get(r.id) ?? [])),
    ...pageFields(page),
  };
};
