import type { SecretBox } from '../../auth/secret-box.js';
import { consumeMfaCode, enabledMfaDevice, type MfaOwner } from '../../iam/mfa-devices/verify-code.js';
import type { Store } from '../../store/store.js';

export type { MfaOwner } from '../../iam/mfa-devices/verify-code.js';

/**
 * What sign-in needs from MFA: whether the principal has an enabled device, and whether a code is valid for it
 * (each code counts once). An interface, so that the sign-in flow can be tested on its own.
 */
export interface MfaChecker {
  enabledDevice(accountId: string, owner: MfaOwner): Promise<{ readonly serialNumber: string } | undefined>;
  consumeCode(accountId: string, serialNumber: string, code: string, now: Date): Promise<boolean>;
}

/** The account's virtual MFA devices (src/iam/mfa-devices): the checker the server uses. */
export function storeMfaChecker(store: Store, secrets: SecretBox): MfaChecker {
  return {
    enabledDevice: (accountId, owner) => enabledMfaDevice(store, accountId, owner),
    consumeCode: (accountId, serialNumber, code, now) =>
      consumeMfaCode(store, secrets, accountId, serialNumber, code, now),
  };
}

/** No principal has an MFA device: sign-in asks for no code. */
export const NO_MFA: MfaChecker = {
  enabledDevice: async () => undefined,
  consumeCode: async () => false,
};
