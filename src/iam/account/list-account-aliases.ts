import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListAccountAliasesInput, ListAccountAliasesOutput } from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';

/** ListAccountAliases: the account's alias, as a list of zero or one. */
export const listAccountAliases: Operation<ListAccountAliasesInput, ListAccountAliasesOutput> = async (
  ctx,
  input,
) => {
  await ctx.authorize('iam:ListAccountAliases', ACCOUNT_RESOURCE);
  const account = await ctx.store.db
    .selectFrom('accounts')
    .select('alias')
    .where('id', '=', ctx.accountId)
    .executeTakeFirst();
  const page = paginate(account?.alias == null ? [] : [account.alias], input);
  return { AccountAliases: page.items, ...pageFields(page) };
};
