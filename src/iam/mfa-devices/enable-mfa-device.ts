import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { EnableMFADeviceInput, EnableMFADeviceOutput } from '../../protocol/models/iam-types.js';
import { authorizedOwner } from './device-owner.js';
import { enableDevice } from './enable-device.js';

/**
 * EnableMFADevice: assigns an unassigned virtual device to an IAM user, proven by two consecutive codes
 * (AuthenticationCode1 for one time step, AuthenticationCode2 for the next) within one step of now.
 */
export const enableMFADevice: Operation<EnableMFADeviceInput, EnableMFADeviceOutput> = async (ctx, input) => {
  // The user is looked up first: AWS reports a missing user before looking at the codes (recorded:
  // enable-mfa-nonexistent-user-error, with codes that are not valid).
  const { owner } = await authorizedOwner(ctx, 'iam:EnableMFADevice', optional(input.UserName));
  const outcome = await enableDevice(
    ctx.store,
    ctx.secrets,
    ctx.accountId,
    owner,
    input.SerialNumber,
    input.AuthenticationCode1,
    input.AuthenticationCode2,
    ctx.now,
  );
  if (outcome !== 'enabled') throw outcomeError(outcome, input.SerialNumber);
  return {};
};

/**
 * The model of the IAM API iamd decodes with requires UserName; newer models leave it out for the root user's own
 * devices. An empty name is treated as omitted only here, never for lookups.
 */
function optional(userName: string | undefined): string | undefined {
  return userName === undefined || userName === '' ? undefined : userName;
}

/** The AWS error for a refused enable. */
export function outcomeError(
  outcome: Exclude<Awaited<ReturnType<typeof enableDevice>>, 'enabled'>,
  serial: string,
): AwsError {
  switch (outcome) {
    case 'no-such-device':
      return new AwsError('NoSuchEntity', `MFA Device with serial number ${serial} does not exist.`);
    case 'in-use':
      // The message AWS returns (recorded: enable-mfa-already-attached-error).
      return new AwsError('EntityAlreadyExists', 'MFA Device is already in use.');
    case 'limit':
      return new AwsError('LimitExceeded', 'Cannot exceed quota for MFADevicesPerUser: 8');
    case 'invalid-code':
      return new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.');
  }
}
