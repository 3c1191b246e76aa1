import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { UpdateUserInput, UpdateUserOutput } from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { iamArn, nameKey } from '../common/arn.js';
import { noSuchUser } from '../common/entity-lookup.js';
import { checkName, NAME_PATTERN } from '../common/member-constraints.js';
import { authorizedUser } from './user-access.js';
import { checkNewPath, EXISTING_USER_NAME_MAX, USER_NAME_MAX } from './user-fields.js';

/**
 * UpdateUser: renames a user and/or moves it to another path. The id stays, so group memberships, keys, the
 * login profile, policies and tags (all held by id) follow the user. Renaming needs permission on both the old
 * and the new ARN (API reference, UpdateUser).
 */
export const updateUser: Operation<UpdateUserInput, UpdateUserOutput> = async (ctx, input) => {
  const constraints = checkName('userName', input.UserName, EXISTING_USER_NAME_MAX);
  checkNewPath(constraints, input.NewPath);
  constraints
    .length('newUserName', input.NewUserName, 1, USER_NAME_MAX)
    .pattern('newUserName', input.NewUserName, NAME_PATTERN)
    .throwIfAny();

  const user = await authorizedUser(ctx, 'iam:UpdateUser', input.UserName);
  const name = input.NewUserName ?? user.name;
  const path = input.NewPath ?? user.path;
  const arn = iamArn(ctx, 'user', path, name);
  if (arn !== user.arn) await ctx.authorize('iam:UpdateUser', arn);

  try {
    const result = await ctx.store.transaction((tx) =>
      tx
        .updateTable('users')
        .set({ name, name_key: nameKey(name), path, arn })
        .where('id', '=', user.id)
        .executeTakeFirst(),
    );
    if (result.numUpdatedRows === 0n) throw noSuchUser(input.UserName);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AwsError('EntityAlreadyExists', `User with name ${name} already exists.`);
    throw err;
  }
  ctx.policiesChanged();
  return {};
};
