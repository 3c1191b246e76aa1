import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { createAccessKey } from './create-access-key.js';
import { deleteAccessKey } from './delete-access-key.js';
import { getAccessKeyLastUsed } from './get-access-key-last-used.js';
import { listAccessKeys } from './list-access-keys.js';
import { updateAccessKey } from './update-access-key.js';

/** The access-key operations. */
export const ACCESS_KEY_OPERATIONS: OperationTable<IAMOperations> = {
  CreateAccessKey: createAccessKey,
  DeleteAccessKey: deleteAccessKey,
  UpdateAccessKey: updateAccessKey,
  ListAccessKeys: listAccessKeys,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
};
