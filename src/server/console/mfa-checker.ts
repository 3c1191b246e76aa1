/** Whose MFA device: an IAM user's or the root user's. */
export type MfaOwner = { readonly kind: 'user'; readonly userId: string } | { readonly kind: 'root' };

/**
 * What sign-in needs from MFA: whether the principal has an enabled device, and whether a code is valid for it
 * (each code counts once). The MFA devices themselves live in src/iam/mfa-devices.
 */
export interface MfaChecker {
  enabledDevice(accountId: string, owner: MfaOwner): Promise<{ readonly serialNumber: string } | undefined>;
  consumeCode(accountId: string, serialNumber: string, code: string, now: Date): Promise<boolean>;
}

/** No principal has an MFA device: sign-in asks for no code. */
export const NO_MFA: MfaChecker = {
  enabledDevice: async () => undefined,
  consumeCode: async () => false,
};
