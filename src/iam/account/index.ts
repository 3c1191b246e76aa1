import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { createAccountAlias } from './create-account-alias.js';
import { deleteAccountAlias } from './delete-account-alias.js';
import { deleteAccountPasswordPolicy } from './delete-account-password-policy.js';
import { getAccountPasswordPolicy } from './get-account-password-policy.js';
import { getAccountSummary } from './get-account-summary.js';
import { listAccountAliases } from './list-account-aliases.js';
import { updateAccountPasswordPolicy } from './update-account-password-policy.js';

/** The account-level operations. */
export const ACCOUNT_OPERATIONS: OperationTable<IAMOperations> = {
  CreateAccountAlias: createAccountAlias,
  DeleteAccountAlias: deleteAccountAlias,
  ListAccountAliases: listAccountAliases,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
  GetAccountSummary: getAccountSummary,
};
