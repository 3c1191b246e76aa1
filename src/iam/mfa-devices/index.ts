import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { createVirtualMFADevice } from './create-virtual-mfa-device.js';
import { deactivateMFADevice } from './deactivate-mfa-device.js';
import { deleteVirtualMFADevice } from './delete-virtual-mfa-device.js';
import { enableMFADevice } from './enable-mfa-device.js';
import { getMFADevice } from './get-mfa-device.js';
import { listMFADevices } from './list-mfa-devices.js';
import { listVirtualMFADevices } from './list-virtual-mfa-devices.js';
import { MFA_DEVICE_TAGGING } from './mfa-tags.js';
import { resyncMFADevice } from './resync-mfa-device.js';

/** The virtual MFA device operations. */
export const MFA_OPERATIONS: OperationTable<IAMOperations> = {
  CreateVirtualMFADevice: createVirtualMFADevice,
  EnableMFADevice: enableMFADevice,
  ResyncMFADevice: resyncMFADevice,
  DeactivateMFADevice: deactivateMFADevice,
  DeleteVirtualMFADevice: deleteVirtualMFADevice,
  ListMFADevices: listMFADevices,
  ListVirtualMFADevices: listVirtualMFADevices,
  GetMFADevice: getMFADevice,
  TagMFADevice: MFA_DEVICE_TAGGING.tag,
  UntagMFADevice: MFA_DEVICE_TAGGING.untag,
  ListMFADeviceTags: MFA_DEVICE_TAGGING.list,
};
