import type { Operation } from '../../operation/context.js';
import type { DeleteSAMLProviderInput, DeleteSAMLProviderOutput } from '../../protocol/models/iam-types.js';
import { dropTags } from '../common/tags.js';
import { authorizedSamlProvider, noSuchSamlProvider } from './saml-access.js';
import { checkSamlProviderArn } from './saml-fields.js';

/** DeleteSAMLProvider. Roles that trust the provider keep their trust policies, which stop matching. */
export const deleteSAMLProvider: Operation<DeleteSAMLProviderInput, DeleteSAMLProviderOutput> = async (
  ctx,
  input,
) => {
  const arn = input.SAMLProviderArn;
  checkSamlProviderArn(arn).throwIfAny();
  await authorizedSamlProvider(ctx, 'iam:DeleteSAMLProvider', arn);
  await ctx.store.transaction(async (tx) => {
    const result = await tx
      .deleteFrom('saml_providers')
      .where('account_id', '=', ctx.accountId)
      .where('arn', '=', arn)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw noSuchSamlProvider(arn);
    await dropTags(tx, 'saml-provider', arn);
  });
  return {};
};
