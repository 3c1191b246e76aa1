import type { Operation } from '../../../operation/context.js';
import { paginate } from '../../../operation/pagination.js';
import type {
  ListPolicyTagsInput,
  ListPolicyTagsOutput,
  TagPolicyInput,
  TagPolicyOutput,
  UntagPolicyInput,
  UntagPolicyOutput,
} from '../../../protocol/models/iam-types.js';
import { pageFields } from '../../common/list-page.js';
import { checkTagKeys, checkTags, requestTagContext } from '../../common/tag-input.js';
import { authorizedPolicy, checkPolicyArn, ownPolicy, policyNotFound } from './policy-access.js';
import { policyTags, putPolicyTags, removePolicyTags } from './policy-tag-store.js';

/** TagPolicy: adds or overwrites tags of a customer managed policy (keys are case sensitive). */
export const tagPolicy: Operation<TagPolicyInput, TagPolicyOutput> = async (ctx, input) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  checkTags(input.Tags);
  const arn = input.PolicyArn;
  const policy = await authorizedPolicy(ctx, 'iam:TagPolicy', arn, () => policyNotFound(arn), {
    ...requestTagContext(input.Tags),
  });
  const row = ownPolicy(policy, 'Cannot tag policies outside your own account.');
  await ctx.store.transaction((tx) => putPolicyTags(tx, ctx.accountId, row.id, input.Tags));
  return {};
};

/** UntagPolicy: removes tags by exact key. */
export const untagPolicy: Operation<UntagPolicyInput, UntagPolicyOutput> = async (ctx, input) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  checkTagKeys(input.TagKeys);
  const arn = input.PolicyArn;
  const policy = await authorizedPolicy(ctx, 'iam:UntagPolicy', arn, () => policyNotFound(arn), {
    'aws:TagKeys': input.TagKeys,
  });
  const row = ownPolicy(policy, 'Cannot untag policies outside your own account.');
  await ctx.store.transaction((tx) => removePolicyTags(tx, row.id, input.TagKeys));
  return {};
};

/** ListPolicyTags: the policy's tags, paginated (AWS managed policies have none). */
export const listPolicyTags: Operation<ListPolicyTagsInput, ListPolicyTagsOutput> = async (ctx, input) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  const policy = await authorizedPolicy(ctx, 'iam:ListPolicyTags', input.PolicyArn);
  const tags = policy.kind === 'local' ? await policyTags(ctx.store.db, policy.row.id) : [];
  const page = paginate(tags, input);
  return { Tags: page.items, ...pageFields(page) };
};
