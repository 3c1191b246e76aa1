import type { Selectable } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { MfaDevicesTable } from '../../store/schema-mfa.js';
import type { Db } from '../common/entity-lookup.js';

export type MfaDeviceRow = Selectable<MfaDevicesTable>;

/** The `owner` column's value for the account's root user. */
export const ROOT_OWNER = 'root';

/**
 * How many MFA devices one IAM user or the root user may have enabled (IAM User Guide, "Assign more than one MFA
 * device": up to eight, of any type).
 */
export const MAX_DEVICES_PER_OWNER = 8;

/** A virtual device's serial number: its ARN, `arn:aws:iam::ACCOUNT:mfa/PATH/NAME`. */
export function mfaArn(
  ctx: Pick<OperationContext, 'partition' | 'accountId'>,
  path: string,
  name: string,
): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:mfa${path}${name}`;
}

/** AWS's NoSuchEntity for a serial number (recorded: DeleteVirtualMFADevice, DeactivateMFADevice). */
export function noSuchDevice(serialNumber: string): AwsError {
  return new AwsError('NoSuchEntity', `MFA Device with serial number ${serialNumber} does not exist.`);
}

/** AWS's InvalidAuthenticationCode for codes that do not verify. */
export function invalidCode(): AwsError {
  return new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.');
}

/** The device with that serial number in the account, or undefined. */
export function findDevice(
  db: Db,
  accountId: string,
  serialNumber: string,
): Promise<MfaDeviceRow | undefined> {
  return db
    .selectFrom('mfa_devices')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('serial_number', '=', serialNumber)
    .executeTakeFirst();
}
