import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  ListInstanceProfileTagsInput,
  ListInstanceProfileTagsOutput,
  TagInstanceProfileInput,
  TagInstanceProfileOutput,
  UntagInstanceProfileInput,
  UntagInstanceProfileOutput,
} from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkTagKeys, checkTags, requestTagContext } from '../common/tag-input.js';
import { listTags, putTags, removeTags } from '../common/tags.js';
import { authorizedProfile, checkProfileName } from './profile-access.js';

/** TagInstanceProfile: adds or overwrites tags (keys match without regard to case). */
export const tagInstanceProfile: Operation<TagInstanceProfileInput, TagInstanceProfileOutput> = async (
  ctx,
  input,
) => {
  checkProfileName(input.InstanceProfileName);
  checkTags(input.Tags);
  const row = await authorizedProfile(
    ctx,
    'iam:TagInstanceProfile',
    input.InstanceProfileName,
    requestTagContext(input.Tags),
  );
  await ctx.store.transaction((tx) => putTags(tx, ctx, 'instance-profile', row.id, input.Tags));
  return {};
};

/** UntagInstanceProfile: removes tags by key. */
export const untagInstanceProfile: Operation<UntagInstanceProfileInput, UntagInstanceProfileOutput> = async (
  ctx,
  input,
) => {
  checkProfileName(input.InstanceProfileName);
  checkTagKeys(input.TagKeys);
  const row = await authorizedProfile(ctx, 'iam:UntagInstanceProfile', input.InstanceProfileName, {
    'aws:TagKeys': input.TagKeys,
  });
  await ctx.store.transaction((tx) => removeTags(tx, 'instance-profile', row.id, input.TagKeys));
  return {};
};

/** ListInstanceProfileTags: the profile's tags, paginated. */
export const listInstanceProfileTags: Operation<
  ListInstanceProfileTagsInput,
  ListInstanceProfileTagsOutput
> = async (ctx, input) => {
  checkProfileName(input.InstanceProfileName);
  const row = await authorizedProfile(ctx, 'iam:ListInstanceProfileTags', input.InstanceProfileName);
  const page = paginate(await listTags(ctx.store.db, 'instance-profile', row.id), input);
  return { Tags: page.items, ...pageFields(page) };
};
