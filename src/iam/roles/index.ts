import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { createRole } from './create-role.js';
import { deleteRole } from './delete-role.js';
import { getRole } from './get-role.js';
import { listRoles } from './list-roles.js';
import { deleteRolePermissionsBoundary, putRolePermissionsBoundary } from './role-boundary.js';
import { listRoleTags, tagRole, untagRole } from './role-tags.js';
import { createServiceLinkedRole } from './service-linked/create-service-linked-role.js';
import {
  deleteServiceLinkedRole,
  getServiceLinkedRoleDeletionStatus,
} from './service-linked/delete-service-linked-role.js';
import { updateAssumeRolePolicy } from './update-assume-role-policy.js';
import { updateRole, updateRoleDescription } from './update-role.js';

/** The role operations. */
export const ROLE_OPERATIONS: OperationTable<IAMOperations> = {
  CreateRole: createRole,
  GetRole: getRole,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  DeleteRole: deleteRole,
  ListRoles: listRoles,
  TagRole: tagRole,
  UntagRole: untagRole,
  ListRoleTags: listRoleTags,
  PutRolePermissionsBoundary: putRolePermissionsBoundary,
  DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
  CreateServiceLinkedRole: createServiceLinkedRole,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus,
};
