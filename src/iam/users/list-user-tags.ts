import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListUserTagsInput, ListUserTagsOutput } from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkName } from '../common/member-constraints.js';
import { listTags } from '../common/tags.js';
import { authorizedUser } from './user-access.js';
import { EXISTING_USER_NAME_MAX } from './user-fields.js';

/** ListUserTags: a user's tags in key order, one page at a time. */
export const listUserTags: Operation<ListUserTagsInput, ListUserTagsOutput> = async (ctx, input) => {
  checkName('userName', input.UserName, EXISTING_USER_NAME_MAX).throwIfAny();
  const user = await authorizedUser(ctx, 'iam:ListUserTags', input.UserName);
  const page = paginate(await listTags(ctx.store.db, 'user', user.id), input);
  return { Tags: page.items, ...pageFields(page) };
};
