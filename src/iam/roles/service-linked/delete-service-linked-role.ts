import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../errors/aws-error.js';
import type { Operation } from '../../../operation/context.js';
import type {
  DeleteServiceLinkedRoleInput,
  DeleteServiceLinkedRoleOutput,
  GetServiceLinkedRoleDeletionStatusInput,
  GetServiceLinkedRoleDeletionStatusOutput,
} from '../../../protocol/models/iam-types.js';
import { iamArn } from '../../common/arn.js';
import { checkName } from '../../common/member-constraints.js';
import { deleteRoleRows } from '../delete-role.js';
import { authorizedRole, isServiceLinked, SERVICE_ROLE_PATH_PREFIX } from '../role-access.js';
import { ROLE_NAME_MAX } from '../role-input.js';

// `task/aws-service-role/SERVICE/ROLE/UUID` (recorded: test_iam TestIAMServiceRoles deletion).
const TASK_ID = /^task\/aws-service-role\/([^/]+)\/([\w+=,.@-]+)\/[0-9a-f-]{36}$/;

/**
 * DeleteServiceLinkedRole: AWS deletes the role asynchronously, after the service confirms it no longer uses
 * it. No service uses roles here, so the deletion happens at once and the task only reports success.
 */
export const deleteServiceLinkedRole: Operation<
  DeleteServiceLinkedRoleInput,
  DeleteServiceLinkedRoleOutput
> = async (ctx, input) => {
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  const row = await authorizedRole(ctx, 'iam:DeleteServiceLinkedRole', input.RoleName);
  if (!isServiceLinked(row)) {
    throw new AwsError('InvalidInput', `Role ${row.name} is not a service-linked role.`);
  }
  const service = row.path.slice(SERVICE_ROLE_PATH_PREFIX.length, -1);
  await ctx.store.transaction((tx) => deleteRoleRows(tx, row));
  ctx.policiesChanged();
  return { DeletionTaskId: `task/aws-service-role/${service}/${row.name}/${randomUUID()}` };
};

/**
 * GetServiceLinkedRoleDeletionStatus: deletions complete at once, so every task iamd handed out has
 * SUCCEEDED. The task id names the role, which is the resource AWS authorizes the call on.
 */
export const getServiceLinkedRoleDeletionStatus: Operation<
  GetServiceLinkedRoleDeletionStatusInput,
  GetServiceLinkedRoleDeletionStatusOutput
> = async (ctx, input) => {
  const match = TASK_ID.exec(input.DeletionTaskId);
  const resource = match
    ? iamArn(ctx, 'role', `${SERVICE_ROLE_PATH_PREFIX}${match[1]}/`, match[2]!)
    : iamArn(ctx, 'role', SERVICE_ROLE_PATH_PREFIX, '*');
  await ctx.authorize('iam:GetServiceLinkedRoleDeletionStatus', resource);
  if (!match) {
    throw new AwsError('InvalidInput', `Invalid deletion task id ${input.DeletionTaskId}.`);
  }
  return { Status: 'SUCCEEDED' };
};
