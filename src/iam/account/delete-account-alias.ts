import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { DeleteAccountAliasInput, DeleteAccountAliasOutput } from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { checkAlias } from './account-alias.js';

/** DeleteAccountAlias: removes the account's alias, which must be the one named. */
export const deleteAccountAlias: Operation<DeleteAccountAliasInput, DeleteAccountAliasOutput> = async (
  ctx,
  input,
) => {
  checkAlias(input.AccountAlias);
  await ctx.authorize('iam:DeleteAccountAlias', ACCOUNT_RESOURCE);
  const result = await ctx.store.db
    .updateTable('accounts')
    .set({ alias: null })
    .where('id', '=', ctx.accountId)
    .where('alias', '=', input.AccountAlias)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new AwsError('NoSuchEntity', `The account alias ${input.AccountAlias} cannot be found.`);
  }
  return {};
};
