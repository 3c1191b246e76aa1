import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { addUserToGroup } from './add-user-to-group.js';
import { createGroup } from './create-group.js';
import { deleteGroup } from './delete-group.js';
import { getGroup } from './get-group.js';
import { listGroupsForUser } from './list-groups-for-user.js';
import { listGroups } from './list-groups.js';
import { removeUserFromGroup } from './remove-user-from-group.js';
import { updateGroup } from './update-group.js';

/** The group operations. */
export const GROUP_OPERATIONS: OperationTable<IAMOperations> = {
  CreateGroup: createGroup,
  GetGroup: getGroup,
  UpdateGroup: updateGroup,
  DeleteGroup: deleteGroup,
  ListGroups: listGroups,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser,
};
