import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  ListRoleTagsInput,
  ListRoleTagsOutput,
  TagRoleInput,
  TagRoleOutput,
  UntagRoleInput,
  UntagRoleOutput,
} from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkName } from '../common/member-constraints.js';
import { checkTagKeys, checkTags, requestTagContext } from '../common/tag-input.js';
import { listTags, putTags, removeTags } from '../common/tags.js';
import { authorizedRole } from './role-access.js';
import { ROLE_NAME_MAX } from './role-input.js';

/** TagRole: adds or overwrites tags (keys match without regard to case). Tags are principal tags of sessions. */
export const tagRole: Operation<TagRoleInput, TagRoleOutput> = async (ctx, input) => {
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  checkTags(input.Tags);
  const row = await authorizedRole(ctx, 'iam:TagRole', input.RoleName, () => requestTagContext(input.Tags));
  await ctx.store.transaction((tx) => putTags(tx, ctx, 'role', row.id, input.Tags));
  ctx.policiesChanged();
  return {};
};

/** UntagRole: removes tags by key; keys the role does not have are ignored. */
export const untagRole: Operation<UntagRoleInput, UntagRoleOutput> = async (ctx, input) => {
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  checkTagKeys(input.TagKeys);
  const row = await authorizedRole(ctx, 'iam:UntagRole', input.RoleName, () => ({
    'aws:TagKeys': input.TagKeys,
  }));
  await ctx.store.transaction((tx) => removeTags(tx, 'role', row.id, input.TagKeys));
  ctx.policiesChanged();
  return {};
};

/** ListRoleTags: the role's tags, paginated. */
export const listRoleTags: Operation<ListRoleTagsInput, ListRoleTagsOutput> = async (ctx, input) => {
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  const row = await authorizedRole(ctx, 'iam:ListRoleTags', input.RoleName);
  const page = paginate(await listTags(ctx.store.db, 'role', row.id), input);
  return { Tags: page.items, ...pageFields(page) };
};
