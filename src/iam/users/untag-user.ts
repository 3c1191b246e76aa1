import type { Operation } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import type { UntagUserInput, UntagUserOutput } from '../../protocol/models/iam-types.js';
import { checkName } from '../common/member-constraints.js';
import { checkTagKeys } from '../common/tag-input.js';
import { removeTags } from '../common/tags.js';
import { authorizedUser } from './user-access.js';
import { EXISTING_USER_NAME_MAX } from './user-fields.js';

/** UntagUser: removes tags by key; keys the user does not have are ignored, as AWS does. */
export const untagUser: Operation<UntagUserInput, UntagUserOutput> = async (ctx, input) => {
  checkName('userName', input.UserName, EXISTING_USER_NAME_MAX).throwIfAny();
  checkTagKeys(input.TagKeys);

  const context: Record<string, ContextInput> =
    input.TagKeys.length === 0 ? {} : { 'aws:TagKeys': [...input.TagKeys] };
  const user = await authorizedUser(ctx, 'iam:UntagUser', input.UserName, () => context);
  await ctx.store.transaction((tx) => removeTags(tx, 'user', user.id, input.TagKeys));
  ctx.policiesChanged();
  return {};
};
