/**
 * The tables of migration `0003-mfa`: virtual MFA devices. The conventions of schema.ts hold: ISO 8601 text
 * timestamps, integers only.
 */

/** A virtual MFA device, assigned to an IAM user or the root user once enabled. */
export interface MfaDevicesTable {
  /** The device's ARN, `arn:aws:iam::ACCOUNT:mfa/PATH/NAME`: AWS's serial number for virtual devices. Primary key. */
  serial_number: string;
  account_id: string;
  name: string;
  /** The lower-cased name: device names are unique in the account without regard to case or path (iamd's choice). */
  name_key: string;
  path: string;
  /** The Base32 seed, sealed with the server's SecretBox. INVARIANT: the seed is never stored in clear. */
  seed_ciphertext: string;
  /** The IAM user id it is enabled for, `root` for the account's root user, or null while unassigned. */
  owner: string | null;
  /** When it was enabled; null while unassigned. */
  enabled_at: string | null;
  created_at: string;
  /**
   * The newest TOTP time step whose code was accepted, or null. A code is accepted only for a later step, in one
   * conditional UPDATE, so that a code is never accepted twice, even by concurrent requests.
   */
  last_used_step: number | null;
  /** Steps to add to the server's step for this device (set by ResyncMFADevice; 0 otherwise). */
  drift_steps: number;
}

/** The tables the MFA migration adds to the `Database` interface. */
export interface MfaTables {
  mfa_devices: MfaDevicesTable;
}
