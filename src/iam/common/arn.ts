import type { OperationContext } from '../../operation/context.js';

/** The kinds of IAM resource whose ARNs are `arn:PARTITION:iam::ACCOUNT:KIND PATH NAME`. */
export type IamResourceKind = 'user' | 'group' | 'role' | 'policy' | 'instance-profile';

/** The ARN of an IAM entity, e.g. `arn:aws:iam::123456789012:user/division/alice`. */
export function iamArn(
  ctx: Pick<OperationContext, 'partition' | 'accountId'>,
  kind: IamResourceKind,
  path: string,
  name: string,
): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:${kind}${path}${name}`;
}

/** The account root's ARN. */
export function rootArn(ctx: Pick<OperationContext, 'partition' | 'accountId'>): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
}

/** IAM names are unique without regard to case: the key stored in `name_key`. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
