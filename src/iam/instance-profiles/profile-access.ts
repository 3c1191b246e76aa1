import type { OperationContext } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import { iamArn } from '../common/arn.js';
import {
  existing,
  findInstanceProfile,
  noSuchInstanceProfile,
  type InstanceProfileRow,
} from '../common/entity-lookup.js';
import { checkName } from '../common/member-constraints.js';
import { resourceTagContext } from '../common/tag-input.js';
import { listTags } from '../common/tags.js';

/** Instance profile names are 1–128 characters. */
export const PROFILE_NAME_MAX = 128;

/** Checks an InstanceProfileName member. */
export function checkProfileName(name: string): void {
  checkName('instanceProfileName', name, PROFILE_NAME_MAX).throwIfAny();
}

/** Looks an instance profile up, authorizes the action on it (with its tags), then reports it missing. */
export async function authorizedProfile(
  ctx: OperationContext,
  action: string,
  name: string,
  extra: Readonly<Record<string, ContextInput>> = {},
): Promise<InstanceProfileRow> {
  const row = await findInstanceProfile(ctx.store.db, ctx.accountId, name);
  const tags = row ? await listTags(ctx.store.db, 'instance-profile', row.id) : [];
  await ctx.authorize(action, row?.arn ?? iamArn(ctx, 'instance-profile', '/', name), {
    ...resourceTagContext(tags),
    ...extra,
  });
  return existing(row, () => noSuchInstanceProfile(name));
}
