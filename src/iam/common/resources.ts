import type { OperationContext } from '../../operation/context.js';

/**
 * The resource that account-level actions (iam:GetAccountSummary, iam:ListAccountAliases, the password policy
 * and alias actions) are authorized against. The Service Authorization Reference lists no resource type for them,
 * and AWS's denials name `*` ("… is not authorized to perform: iam:GetAccountSummary on resource: *").
 */
export const ACCOUNT_RESOURCE = '*';

/**
 * The resource that IAM's list actions are authorized against: the kind's ARN prefix with the path prefix, e.g.
 * `arn:aws:iam::123456789012:user/` for ListUsers (AWS's denials name it so: "… iam:ListUsers on resource:
 * arn:aws:iam::123456789012:user/").
 */
export function listResource(
  ctx: Pick<OperationContext, 'partition' | 'accountId'>,
  kind: 'user' | 'group',
  pathPrefix: string | undefined,
): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:${kind}${pathPrefix ?? '/'}`;
}
