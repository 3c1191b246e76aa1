import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type {
  GetAccountPasswordPolicyInput,
  GetAccountPasswordPolicyOutput,
} from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { loadPasswordPolicy } from './password-policy.js';

/** GetAccountPasswordPolicy: NoSuchEntity, with AWS's message, when the account has none (recorded). */
export const getAccountPasswordPolicy: Operation<
  GetAccountPasswordPolicyInput,
  GetAccountPasswordPolicyOutput
> = async (ctx) => {
  await ctx.authorize('iam:GetAccountPasswordPolicy', ACCOUNT_RESOURCE);
  const policy = await loadPasswordPolicy(ctx.store.db, ctx.accountId);
  if (policy === undefined) {
    throw new AwsError(
      'NoSuchEntity',
      `The Password Policy with domain name ${ctx.accountId} cannot be found.`,
    );
  }
  return { PasswordPolicy: policy };
};
