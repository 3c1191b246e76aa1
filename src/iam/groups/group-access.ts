import type { OperationContext } from '../../operation/context.js';
import { iamArn } from '../common/arn.js';
import { existing, findGroup, noSuchGroup, type GroupRow } from '../common/entity-lookup.js';

/**
 * Looks a group up by name, authorizes `action` on its ARN (at the root path when it does not exist), and only
 * then reports a missing group, so a caller without permission learns nothing about which groups exist.
 * Groups have no tags, so there are no resource-tag keys.
 */
export async function authorizedGroup(
  ctx: OperationContext,
  action: string,
  name: string,
): Promise<GroupRow> {
  const row = await findGroup(ctx.store.db, ctx.accountId, name);
  await ctx.authorize(action, row?.arn ?? iamArn(ctx, 'group', '/', name));
  return existing(row, () => noSuchGroup(name));
}
