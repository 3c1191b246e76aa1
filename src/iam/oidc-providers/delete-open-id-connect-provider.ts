import type { Operation } from '../../operation/context.js';
import type {
  DeleteOpenIDConnectProviderInput,
  DeleteOpenIDConnectProviderOutput,
} from '../../protocol/models/iam-types.js';
import { dropTags } from '../common/tags.js';
import { authorizedOidcProvider, noSuchOidcProviderToDelete } from './oidc-access.js';
import { checkProviderArn } from './oidc-fields.js';

/**
 * DeleteOpenIDConnectProvider. Roles that trust the provider keep their trust policies, which simply stop
 * matching (API reference). Deleting a provider that does not exist is NoSuchEntity (recorded).
 */
export const deleteOpenIDConnectProvider: Operation<
  DeleteOpenIDConnectProviderInput,
  DeleteOpenIDConnectProviderOutput
> = async (ctx, input) => {
  const arn = input.OpenIDConnectProviderArn;
  checkProviderArn(arn).throwIfAny();
  await authorizedOidcProvider(ctx, 'iam:DeleteOpenIDConnectProvider', arn, {}, noSuchOidcProviderToDelete);
  await ctx.store.transaction(async (tx) => {
    const result = await tx
      .deleteFrom('oidc_providers')
      .where('account_id', '=', ctx.accountId)
      .where('arn', '=', arn)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw noSuchOidcProviderToDelete(arn);
    await dropTags(tx, 'oidc-provider', arn);
  });
  return {};
};
