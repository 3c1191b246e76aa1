import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type {
  DeleteVirtualMFADeviceInput,
  DeleteVirtualMFADeviceOutput,
} from '../../protocol/models/iam-types.js';
import { dropTags } from '../common/tags.js';
import { noSuchDevice } from './device.js';
import { authorizedDevice } from './mfa-access.js';

/** DeleteVirtualMFADevice: deletes an unassigned device; an enabled one must be deactivated first (DeleteConflict). */
export const deleteVirtualMFADevice: Operation<
  DeleteVirtualMFADeviceInput,
  DeleteVirtualMFADeviceOutput
> = async (ctx, input) => {
  const device = await authorizedDevice(ctx, 'iam:DeleteVirtualMFADevice', input.SerialNumber);
  await ctx.store.transaction(async (tx) => {
    // INVARIANT: deleted only while unassigned, in one statement, so a concurrent enable cannot be lost.
    const result = await tx
      .deleteFrom('mfa_devices')
      .where('serial_number', '=', device.serial_number)
      .where('owner', 'is', null)
      .executeTakeFirst();
    if (result.numDeletedRows !== 1n) {
      const still = await tx
        .selectFrom('mfa_devices')
        .select('owner')
        .where('serial_number', '=', device.serial_number)
        .executeTakeFirst();
      if (still === undefined) throw noSuchDevice(input.SerialNumber);
      // iamd's wording: AWS documents DeleteConflict here but no message.
      throw new AwsError('DeleteConflict', 'MFA Device is in use. Deactivate it before deleting it.');
    }
    await dropTags(tx, 'mfa', device.serial_number);
  });
  return {};
};
