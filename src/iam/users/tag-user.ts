import type { Operation } from '../../operation/context.js';
import type { TagUserInput, TagUserOutput } from '../../protocol/models/iam-types.js';
import { checkName } from '../common/member-constraints.js';
import { checkTags, requestTagContext } from '../common/tag-input.js';
import { putTags } from '../common/tags.js';
import { authorizedUser } from './user-access.js';
import { EXISTING_USER_NAME_MAX } from './user-fields.js';

/** TagUser: adds tags to a user, overwriting the values of keys it already has (keys match without case). */
export const tagUser: Operation<TagUserInput, TagUserOutput> = async (ctx, input) => {
  checkName('userName', input.UserName, EXISTING_USER_NAME_MAX).throwIfAny();
  checkTags(input.Tags);

  const user = await authorizedUser(ctx, 'iam:TagUser', input.UserName, () => requestTagContext(input.Tags));
  await ctx.store.transaction((tx) => putTags(tx, ctx, 'user', user.id, input.Tags));
  // Principal tags feed `aws:PrincipalTag/…`, so cached policy sets are stale.
  ctx.policiesChanged();
  return {};
};
