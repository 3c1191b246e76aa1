import type { OperationContext } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import { iamArn } from '../common/arn.js';
import { existing, findUser, noSuchUser, type UserRow } from '../common/entity-lookup.js';
import { resourceTagContext } from '../common/tag-input.js';
import { listTags, type Tag } from '../common/tags.js';

/**
 * Authorizes `action` on a user that exists: the resource is its ARN with its path, and its tags are the
 * `aws:ResourceTag/…` and `iam:ResourceTag/…` keys (Service Authorization Reference, IAM `user` resource).
 */
export async function authorizeOnUser(
  ctx: OperationContext,
  action: string,
  user: UserRow,
  extra: Readonly<Record<string, ContextInput>> = {},
): Promise<Tag[]> {
  const tags = await listTags(ctx.store.db, 'user', user.id);
  await ctx.authorize(action, user.arn, { ...resourceTagContext(tags, true), ...extra });
  return tags;
}

/**
 * Looks a user up by name, authorizes `action` on it, and only then reports a missing user (NoSuchEntity), so a
 * caller without permission learns nothing about which users exist. A missing user is authorized against its
 * ARN at the root path. `extra` derives further context keys from the user (e.g. `iam:PermissionsBoundary`).
 */
export async function authorizedUser(
  ctx: OperationContext,
  action: string,
  name: string,
  extra: (row: UserRow | undefined) => Readonly<Record<string, ContextInput>> = () => ({}),
): Promise<UserRow> {
  return (await authorizedUserWithTags(ctx, action, name, extra)).user;
}

/** `authorizedUser`, also returning the user's tags, which authorizing it already read. */
export async function authorizedUserWithTags(
  ctx: OperationContext,
  action: string,
  name: string,
  extra: (row: UserRow | undefined) => Readonly<Record<string, ContextInput>> = () => ({}),
): Promise<{ user: UserRow; tags: Tag[] }> {
  const row = await findUser(ctx.store.db, ctx.accountId, name);
  if (row === undefined) {
    await ctx.authorize(action, iamArn(ctx, 'user', '/', name), extra(row));
    throw noSuchUser(name);
  }
  const tags = await authorizeOnUser(ctx, action, row, extra(row));
  return { user: existing(row, () => noSuchUser(name)), tags };
}
