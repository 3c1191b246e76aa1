import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { createUser } from './create-user.js';
import { deleteUserPermissionsBoundary } from './delete-user-permissions-boundary.js';
import { deleteUser } from './delete-user.js';
import { getUser } from './get-user.js';
import { listUserTags } from './list-user-tags.js';
import { listUsers } from './list-users.js';
import { putUserPermissionsBoundary } from './put-user-permissions-boundary.js';
import { tagUser } from './tag-user.js';
import { untagUser } from './untag-user.js';
import { updateUser } from './update-user.js';

/** The user operations. */
export const USER_OPERATIONS: OperationTable<IAMOperations> = {
  CreateUser: createUser,
  GetUser: getUser,
  UpdateUser: updateUser,
  DeleteUser: deleteUser,
  ListUsers: listUsers,
  TagUser: tagUser,
  UntagUser: untagUser,
  ListUserTags: listUserTags,
  PutUserPermissionsBoundary: putUserPermissionsBoundary,
  DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary,
};
