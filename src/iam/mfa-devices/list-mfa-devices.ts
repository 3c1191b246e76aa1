import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListMFADevicesInput, ListMFADevicesOutput } from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { authorizedOwner } from './device-owner.js';
import { enabledDevices } from './verify-code.js';

/** ListMFADevices: the devices enabled for a user (or, without UserName, for the caller), oldest first. */
export const listMFADevices: Operation<ListMFADevicesInput, ListMFADevicesOutput> = async (ctx, input) => {
  const { owner, userName } = await authorizedOwner(ctx, 'iam:ListMFADevices', input.UserName);
  const devices = await enabledDevices(ctx.store.db, ctx.accountId, owner);
  const page = paginate(devices, input);
  return {
    MFADevices: page.items.map((d) => ({
      UserName: userName,
      SerialNumber: d.serial_number,
      EnableDate: new Date(d.enabled_at ?? d.created_at),
    })),
    ...pageFields(page),
  };
};
