import type { Operation } from '../../operation/context.js';
import type { GetMFADeviceInput, GetMFADeviceOutput } from '../../protocol/models/iam-types.js';
import { findDevice, noSuchDevice } from './device.js';
import { authorizedOwner } from './device-owner.js';
import { ownerKey } from './verify-code.js';

/**
 * GetMFADevice: one enabled device of a user (or of the caller). Certifications describe FIDO security keys only,
 * so virtual devices have none.
 */
export const getMFADevice: Operation<GetMFADeviceInput, GetMFADeviceOutput> = async (ctx, input) => {
  const { owner, userName } = await authorizedOwner(ctx, 'iam:GetMFADevice', input.UserName);
  const device = await findDevice(ctx.store.db, ctx.accountId, input.SerialNumber);
  if (device === undefined || device.owner !== ownerKey(owner)) throw noSuchDevice(input.SerialNumber);
  return {
    UserName: userName,
    SerialNumber: device.serial_number,
    ...(device.enabled_at === null ? {} : { EnableDate: new Date(device.enabled_at) }),
  };
};
