import type { OperationTable } from '../operation/context.js';
import type { IAMOperations } from '../protocol/models/iam-types.js';
import { ACCESS_KEY_OPERATIONS } from './access-keys/index.js';
import { ACCOUNT_OPERATIONS } from './account/index.js';
import { GROUP_OPERATIONS } from './groups/index.js';
import { LOGIN_PROFILE_OPERATIONS } from './login-profiles/index.js';
import { USER_OPERATIONS } from './users/index.js';

/**
 * The IAM operations on identities and the account: users, groups and memberships, access keys, login profiles,
 * the account alias, password policy and summary.
 */
export const IDENTITY_OPERATIONS: OperationTable<IAMOperations> = {
  ...USER_OPERATIONS,
  ...GROUP_OPERATIONS,
  ...ACCESS_KEY_OPERATIONS,
  ...LOGIN_PROFILE_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
};
