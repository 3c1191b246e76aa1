import { loadPasswordPolicy } from '../iam/account/password-policy.js';
import type { Caller } from '../operation/context.js';
import type { Store } from '../store/store.js';
import type { NamedDocument } from './authorizer.js';

/**
 * The permissions an account password policy with AllowUsersToChangePassword gives every IAM user: "permissions to
 * iam:ChangePassword for only their user and to the iam:GetAccountPasswordPolicy action … applied at the
 * account-level for all users by IAM" (PasswordPolicy, IAM API reference). iamd applies them as one more identity
 * policy of each IAM user, so an explicit deny and a permissions boundary still limit them, as for any identity
 * policy (AWS does not say how they combine with a boundary).
 */
export async function passwordChangeGrant(store: Store, caller: Caller): Promise<NamedDocument | undefined> {
  if (caller.kind !== 'user') return undefined;
  const policy = await loadPasswordPolicy(store.db, caller.accountId);
  if (policy?.AllowUsersToChangePassword !== true) return undefined;
  return {
    name: 'AccountPasswordPolicy:AllowUsersToChangePassword',
    document: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iam:ChangePassword', Resource: caller.arn },
        { Effect: 'Allow', Action: 'iam:GetAccountPasswordPolicy', Resource: '*' },
      ],
    }),
  };
}
