import { taggingOperations } from '../oidc-providers/tagging.js';
import { authorizedDevice } from './mfa-access.js';

/** TagMFADevice, UntagMFADevice and ListMFADeviceTags, on the device's serial number (its ARN). */
export const MFA_DEVICE_TAGGING = taggingOperations<{ SerialNumber: string }>({
  type: 'mfa',
  noun: 'MFADevice',
  check: () => undefined,
  authorized: async (ctx, action, input, extra) =>
    (await authorizedDevice(ctx, action, input.SerialNumber, extra)).serial_number,
});
