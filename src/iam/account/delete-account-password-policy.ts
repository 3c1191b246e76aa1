import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type {
  DeleteAccountPasswordPolicyInput,
  DeleteAccountPasswordPolicyOutput,
} from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { loadPasswordPolicy, savePasswordPolicy } from './password-policy.js';

/**
 * DeleteAccountPasswordPolicy. Without a policy AWS answers NoSuchEntity, worded differently from
 * GetAccountPasswordPolicy's (both recorded in shared/aws-reference, test_iam_account_password_policy).
 */
export const deleteAccountPasswordPolicy: Operation<
  DeleteAccountPasswordPolicyInput,
  DeleteAccountPasswordPolicyOutput
> = async (ctx) => {
  await ctx.authorize('iam:DeleteAccountPasswordPolicy', ACCOUNT_RESOURCE);
  if ((await loadPasswordPolicy(ctx.store.db, ctx.accountId)) === undefined) {
    throw new AwsError('NoSuchEntity', 'The account policy with name PasswordPolicy cannot be found.');
  }
  await savePasswordPolicy(ctx.store.db, ctx.accountId, undefined);
  return {};
};
