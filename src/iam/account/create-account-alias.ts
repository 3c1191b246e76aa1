import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { CreateAccountAliasInput, CreateAccountAliasOutput } from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { checkAlias } from './account-alias.js';

/**
 * CreateAccountAlias: an account has at most one alias, so a new one replaces the old. Aliases are unique across
 * all accounts (the unique index on `accounts.alias` decides).
 */
export const createAccountAlias: Operation<CreateAccountAliasInput, CreateAccountAliasOutput> = async (
  ctx,
  input,
) => {
  checkAlias(input.AccountAlias);
  await ctx.authorize('iam:CreateAccountAlias', ACCOUNT_RESOURCE);
  try {
    await ctx.store.db
      .updateTable('accounts')
      .set({ alias: input.AccountAlias })
      .where('id', '=', ctx.accountId)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AwsError('EntityAlreadyExists', `The account alias ${input.AccountAlias} already exists.`);
    }
    throw err;
  }
  return {};
};
