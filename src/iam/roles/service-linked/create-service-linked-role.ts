import { AwsError } from '../../../errors/aws-error.js';
import type { Operation } from '../../../operation/context.js';
import type {
  CreateServiceLinkedRoleInput,
  CreateServiceLinkedRoleOutput,
} from '../../../protocol/models/iam-types.js';
import { iamArn } from '../../common/arn.js';
import { MemberConstraints, NAME_PATTERN } from '../../common/member-constraints.js';
import { awsManagedArn, awsManagedPolicy, awsManagedPrefix } from '../../policies/resolve.js';
import { insertRole } from '../create-role.js';
import { checkDescription } from '../role-input.js';
import { createdRoleShape } from '../role-shape.js';
import { SERVICE_ROLE_PATH_PREFIX } from '../role-access.js';
import { serviceRoleSpec, serviceTrustPolicy } from './service-role-spec.js';

/**
 * CreateServiceLinkedRole: the role a service uses on the account's behalf, at
 * `/aws-service-role/SERVICE/`, trusted by the service, with the service's AWS managed policy attached.
 */
export const createServiceLinkedRole: Operation<
  CreateServiceLinkedRoleInput,
  CreateServiceLinkedRoleOutput
> = async (ctx, input) => {
  const constraints = new MemberConstraints()
    .length('aWSServiceName', input.AWSServiceName, 1, 128)
    .pattern('aWSServiceName', input.AWSServiceName, NAME_PATTERN)
    .length('customSuffix', input.CustomSuffix, 1, 64)
    .pattern('customSuffix', input.CustomSuffix, NAME_PATTERN);
  checkDescription(constraints, input.Description).throwIfAny();
  const service = input.AWSServiceName;
  const spec = serviceRoleSpec(service);
  const name = input.CustomSuffix === undefined ? spec.roleName : `${spec.roleName}_${input.CustomSuffix}`;
  const path = `${SERVICE_ROLE_PATH_PREFIX}${service}/`;
  await ctx.authorize('iam:CreateServiceLinkedRole', iamArn(ctx, 'role', path, name), {
    'iam:AWSServiceName': service,
  });
  if (input.CustomSuffix !== undefined && !spec.customSuffix) {
    throw new AwsError('InvalidInput', `Custom suffix is not allowed for ${service}`);
  }
  const policies = spec.policies
    .map((p) => awsManagedPolicy(ctx, awsManagedPrefix(ctx) + p))
    .filter((p) => p !== undefined);
  const row = await insertRole(
    ctx,
    { name, path, trustPolicy: serviceTrustPolicy(service), description: input.Description },
    (taken) =>
      new AwsError(
        'InvalidInput',
        `Service role name ${taken} has been taken in this account, please try a different suffix.`,
      ),
    async (tx, role) => {
      for (const policy of policies) {
        await tx
          .insertInto('attachments')
          .values({
            account_id: ctx.accountId,
            principal_type: 'role',
            principal_id: role.id,
            policy_arn: awsManagedArn(ctx, policy),
          })
          .execute();
      }
    },
  );
  ctx.policiesChanged();
  return {
    Role: { ...createdRoleShape(row, []), ...(row.description ? { Description: row.description } : {}) },
  };
};
