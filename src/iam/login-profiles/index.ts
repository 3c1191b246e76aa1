import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { changePassword } from './change-password.js';
import { createLoginProfile } from './create-login-profile.js';
import { deleteLoginProfile } from './delete-login-profile.js';
import { getLoginProfile } from './get-login-profile.js';
import { updateLoginProfile } from './update-login-profile.js';

/** The login-profile (console password) operations. */
export const LOGIN_PROFILE_OPERATIONS: OperationTable<IAMOperations> = {
  CreateLoginProfile: createLoginProfile,
  GetLoginProfile: getLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
  ChangePassword: changePassword,
};
