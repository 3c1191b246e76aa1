import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  CreateInstanceProfileInput,
  CreateInstanceProfileOutput,
  DeleteInstanceProfileInput,
  DeleteInstanceProfileOutput,
  GetInstanceProfileInput,
  GetInstanceProfileOutput,
  ListInstanceProfilesInput,
  ListInstanceProfilesOutput,
} from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { iamArn, nameKey } from '../common/arn.js';
import { findInstanceProfile, type InstanceProfileRow } from '../common/entity-lookup.js';
import { pageFields } from '../common/list-page.js';
import { checkName, checkPath, checkPathPrefix } from '../common/member-constraints.js';
import { checkTags, requestTagContext } from '../common/tag-input.js';
import { dropTags, listTags, putTags } from '../common/tags.js';
import { authorizedProfile, checkProfileName, PROFILE_NAME_MAX } from './profile-access.js';
import { profileRoles, profileShape } from './profile-shape.js';

function profileExists(name: string): AwsError {
  return new AwsError('EntityAlreadyExists', `Instance Profile ${name} already exists.`);
}

/** CreateInstanceProfile: an empty instance profile, optionally tagged. */
export const createInstanceProfile: Operation<
  CreateInstanceProfileInput,
  CreateInstanceProfileOutput
> = async (ctx, input) => {
  const constraints = checkName('instanceProfileName', input.InstanceProfileName, PROFILE_NAME_MAX);
  checkPath(constraints, input.Path).throwIfAny();
  checkTags(input.Tags);
  const path = input.Path ?? '/';
  const arn = iamArn(ctx, 'instance-profile', path, input.InstanceProfileName);
  await ctx.authorize('iam:CreateInstanceProfile', arn, requestTagContext(input.Tags));
  if (await findInstanceProfile(ctx.store.db, ctx.accountId, input.InstanceProfileName)) {
    throw profileExists(input.InstanceProfileName);
  }
  const row: InstanceProfileRow = {
    account_id: ctx.accountId,
    id: ctx.ids.uniqueId('AIPA'),
    name: input.InstanceProfileName,
    name_key: nameKey(input.InstanceProfileName),
    path,
    arn,
    created_at: ctx.now.toISOString(),
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insertInto('instance_profiles').values(row).execute();
      if (input.Tags && input.Tags.length > 0) await putTags(tx, ctx, 'instance-profile', row.id, input.Tags);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw profileExists(input.InstanceProfileName);
    throw error;
  }
  const tags = input.Tags && input.Tags.length > 0 ? input.Tags : undefined;
  return { InstanceProfile: profileShape(row, [], tags) };
};

/** GetInstanceProfile: the profile with its role and tags. */
export const getInstanceProfile: Operation<GetInstanceProfileInput, GetInstanceProfileOutput> = async (
  ctx,
  input,
) => {
  checkProfileName(input.InstanceProfileName);
  const row = await authorizedProfile(ctx, 'iam:GetInstanceProfile', input.InstanceProfileName);
  const roles = await profileRoles(ctx.store.db, [row.id]);
  const tags = await listTags(ctx.store.db, 'instance-profile', row.id);
  return { InstanceProfile: profileShape(row, roles.get(row.id) ?? [], tags) };
};

/** DeleteInstanceProfile: deletes a profile that holds no role. */
export const deleteInstanceProfile: Operation<
  DeleteInstanceProfileInput,
  DeleteInstanceProfileOutput
> = async (ctx, input) => {
  checkProfileName(input.InstanceProfileName);
  const row = await authorizedProfile(ctx, 'iam:DeleteInstanceProfile', input.InstanceProfileName);
  await ctx.store.transaction(async (tx) => {
    const member = await tx
      .selectFrom('instance_profile_roles')
      .select('role_id')
      .where('instance_profile_id', '=', row.id)
      .executeTakeFirst();
    if (member) {
      throw new AwsError(
        'DeleteConflict',
        'Cannot delete entity, must remove roles from instance profile first.',
      );
    }
    await dropTags(tx, 'instance-profile', row.id);
    await tx.deleteFrom('instance_profiles').where('id', '=', row.id).execute();
  });
  return {};
};

/** ListInstanceProfiles: the account's profiles under a path prefix, with their roles, paginated. */
export const listInstanceProfiles: Operation<ListInstanceProfilesInput, ListInstanceProfilesOutput> = async (
  ctx,
  input,
) => {
  checkPathPrefix(input.PathPrefix);
  const prefix = input.PathPrefix ?? '/';
  await ctx.authorize('iam:ListInstanceProfiles', iamArn(ctx, 'instance-profile', prefix, ''));
  const rows = await ctx.store.db
    .selectFrom('instance_profiles')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .orderBy('name_key')
    .execute();
  const page = paginate(
    rows.filter((r) => r.path.startsWith(prefix)),
    input,
  );
  const roles = await profileRoles(
    ctx.store.db,
    page.items.map((r) => r.id),
  );
  return {
    InstanceProfiles: page.items.map((r) => profileShape(r, roles.get(r.id) ?? [])),
    ...pageFields(page),
  };
};
