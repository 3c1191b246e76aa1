import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import {
  createInstanceProfile,
  deleteInstanceProfile,
  getInstanceProfile,
  listInstanceProfiles,
} from './instance-profiles.js';
import {
  addRoleToInstanceProfile,
  listInstanceProfilesForRole,
  removeRoleFromInstanceProfile,
} from './profile-roles.js';
import { listInstanceProfileTags, tagInstanceProfile, untagInstanceProfile } from './profile-tags.js';

/** The instance profile operations. */
export const INSTANCE_PROFILE_OPERATIONS: OperationTable<IAMOperations> = {
  CreateInstanceProfile: createInstanceProfile,
  GetInstanceProfile: getInstanceProfile,
  DeleteInstanceProfile: deleteInstanceProfile,
  ListInstanceProfiles: listInstanceProfiles,
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  TagInstanceProfile: tagInstanceProfile,
  UntagInstanceProfile: untagInstanceProfile,
  ListInstanceProfileTags: listInstanceProfileTags,
};
