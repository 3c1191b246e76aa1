import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { Db } from '../common/entity-lookup.js';
import { isPolicyArn, resolvePolicy, type ResolvedPolicy } from './resolve.js';

/**
 * Checks the managed policy given as a permissions boundary (CreateRole, PutRolePermissionsBoundary, and the
 * user equivalents): it must be a policy ARN (InvalidInput otherwise) of a policy that exists (NoSuchEntity),
 * with the messages AWS returns (recorded: test_iam_roles permissions boundary errors).
 */
export async function resolveBoundary(
  ctx: Pick<OperationContext, 'partition' | 'managedPolicies' | 'accountId'>,
  db: Db,
  arn: string,
): Promise<ResolvedPolicy> {
  checkBoundaryArn(arn);
  const policy = await resolvePolicy(ctx, db, arn);
  if (policy === undefined) {
    throw new AwsError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`);
  }
  return policy;
}

/** The syntactic check alone, which AWS makes before looking anything up. */
export function checkBoundaryArn(arn: string): void {
  if (!isPolicyArn(arn)) throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`);
}
