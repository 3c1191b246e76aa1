import type { Operation } from '../../operation/context.js';
import type { DeactivateMFADeviceInput, DeactivateMFADeviceOutput } from '../../protocol/models/iam-types.js';
import { noSuchDevice } from './device.js';
import { authorizedOwner } from './device-owner.js';
import { ownerKey } from './verify-code.js';

/**
 * DeactivateMFADevice: unassigns a device from its user; the virtual device stays, unassigned, until deleted. The
 * last accepted step is kept, so codes used before cannot be replayed if the device is enabled again.
 */
export const deactivateMFADevice: Operation<DeactivateMFADeviceInput, DeactivateMFADeviceOutput> = async (
  ctx,
  input,
) => {
  const { owner } = await authorizedOwner(
    ctx,
    'iam:DeactivateMFADevice',
    input.UserName === '' ? undefined : input.UserName,
  );
  const result = await ctx.store.db
    .updateTable('mfa_devices')
    .set({ owner: null, enabled_at: null, drift_steps: 0 })
    .where('account_id', '=', ctx.accountId)
    .where('serial_number', '=', input.SerialNumber)
    .where('owner', '=', ownerKey(owner))
    .executeTakeFirst();
  // The message AWS returns for a device the user does not have (recorded: deactivate-nonexistent-mfa-error).
  if (result.numUpdatedRows !== 1n) throw noSuchDevice(input.SerialNumber);
  return {};
};
