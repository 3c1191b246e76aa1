import { AwsError } from '../../errors/aws-error.js';
import { MemberConstraints, NAME_PATTERN } from '../common/member-constraints.js';
import { USER_NAME_MAX } from '../users/user-fields.js';

/** A user has at most 5 SSH public keys ("IAM and AWS STS quotas"). */
export const SSH_KEYS_PER_USER = 5;

/** The statuses a key may have. */
export const KEY_STATUSES = ['Active', 'Inactive'] as const;

/** The encodings GetSSHPublicKey returns a key in. */
export const KEY_ENCODINGS = ['SSH', 'PEM'] as const;

/** publicKeyIdType: 20–128 word characters. */
const KEY_ID_PATTERN = String.raw`[\w]+`;

/**
 * Checks `SSHPublicKeyId` and `UserName` (userNameType: the SSH key operations take names of at most 64
 * characters), in the order AWS lists faults (that of Java's HashMap over the member names). Returns the
 * constraints for the caller's further members.
 */
export function checkKeyRef(input: { UserName: string; SSHPublicKeyId: string }): MemberConstraints {
  return new MemberConstraints()
    .length('sSHPublicKeyId', input.SSHPublicKeyId, 20, 128)
    .pattern('sSHPublicKeyId', input.SSHPublicKeyId, KEY_ID_PATTERN)
    .length('userName', input.UserName, 1, USER_NAME_MAX)
    .pattern('userName', input.UserName, NAME_PATTERN);
}

/** AWS's NoSuchEntity for a key the user does not have (recorded: get-not-found, update-not-found, delete-not-found). */
export function noSuchKey(id: string): AwsError {
  return new AwsError('NoSuchEntity', `The Public Key with id ${id} cannot be found.`);
}
