import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { deleteSSHPublicKey } from './delete-ssh-public-key.js';
import { getSSHPublicKey } from './get-ssh-public-key.js';
import { listSSHPublicKeys } from './list-ssh-public-keys.js';
import { updateSSHPublicKey } from './update-ssh-public-key.js';
import { uploadSSHPublicKey } from './upload-ssh-public-key.js';

/** The SSH public key operations. */
export const SSH_PUBLIC_KEY_OPERATIONS: OperationTable<IAMOperations> = {
  UploadSSHPublicKey: uploadSSHPublicKey,
  GetSSHPublicKey: getSSHPublicKey,
  UpdateSSHPublicKey: updateSSHPublicKey,
  DeleteSSHPublicKey: deleteSSHPublicKey,
  ListSSHPublicKeys: listSSHPublicKeys,
};
