import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import { iamArn } from '../common/arn.js';
import { existing, findRole, noSuchRole, type RoleRow } from '../common/entity-lookup.js';
import { resourceTagContext } from '../common/tag-input.js';
import { listTags } from '../common/tags.js';

/** Service-linked roles live under this path, and only AWS may change them. */
export const SERVICE_ROLE_PATH_PREFIX = '/aws-service-role/';

/** True for a service-linked role. */
export function isServiceLinked(row: RoleRow): boolean {
  return row.path.startsWith(SERVICE_ROLE_PATH_PREFIX);
}

/** AWS's refusal to change a service-linked role through the ordinary role operations. */
export function protectedRole(name: string): AwsError {
  return new AwsError(
    'UnmodifiableEntity',
    `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
  );
}

/**
 * Looks a role up by name, authorizes the action on it (with its tags as `aws:ResourceTag/…` and
 * `iam:ResourceTag/…`), and only then reports a missing role, so that a caller without permission learns
 * nothing about which roles exist.
 */
export async function authorizedRole(
  ctx: OperationContext,
  action: string,
  roleName: string,
  extra: (row: RoleRow | undefined) => Readonly<Record<string, ContextInput>> = () => ({}),
): Promise<RoleRow> {
  const row = await findRole(ctx.store.db, ctx.accountId, roleName);
  const tags = row ? await listTags(ctx.store.db, 'role', row.id) : [];
  await ctx.authorize(action, row?.arn ?? iamArn(ctx, 'role', '/', roleName), {
    ...resourceTagContext(tags, true),
    ...extra(row),
  });
  return existing(row, () => noSuchRole(roleName));
}

/** The `iam:PermissionsBoundary` key for an entity that has a boundary (Service Authorization Reference). */
export function boundaryContext(boundary: string | null | undefined): Record<string, ContextInput> {
  return boundary ? { 'iam:PermissionsBoundary': boundary } : {};
}
