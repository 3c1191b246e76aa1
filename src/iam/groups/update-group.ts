import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { UpdateGroupInput, UpdateGroupOutput } from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { iamArn, nameKey } from '../common/arn.js';
import { noSuchGroup } from '../common/entity-lookup.js';
import { checkName, NAME_PATTERN } from '../common/member-constraints.js';
import { checkNewPath, GROUP_NAME_MAX } from '../users/user-fields.js';
import { authorizedGroup } from './group-access.js';

/**
 * UpdateGroup: renames a group and/or moves it to another path; members and policies follow (held by id).
 * Renaming needs permission on both the old and the new ARN (API reference, UpdateGroup).
 */
export const updateGroup: Operation<UpdateGroupInput, UpdateGroupOutput> = async (ctx, input) => {
  checkNewPath(checkName('groupName', input.GroupName, GROUP_NAME_MAX), input.NewPath)
    .length('newGroupName', input.NewGroupName, 1, GROUP_NAME_MAX)
    .pattern('newGroupName', input.NewGroupName, NAME_PATTERN)
    .throwIfAny();

  const group = await authorizedGroup(ctx, 'iam:UpdateGroup', input.GroupName);
  const name = input.NewGroupName ?? group.name;
  const path = input.NewPath ?? group.path;
  const arn = iamArn(ctx, 'group', path, name);
  if (arn !== group.arn) await ctx.authorize('iam:UpdateGroup', arn);

  try {
    const result = await ctx.store.transaction((tx) =>
      tx
        .updateTable('groups')
        .set({ name, name_key: nameKey(name), path, arn })
        .where('id', '=', group.id)
        .executeTakeFirst(),
    );
    if (result.numUpdatedRows === 0n) throw noSuchGroup(input.GroupName);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AwsError('EntityAlreadyExists', `Group with name ${name} already exists.`);
    throw err;
  }
  ctx.policiesChanged();
  return {};
};
