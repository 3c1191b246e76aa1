import type { Operation } from '../../operation/context.js';
import type { ListSAMLProvidersInput, ListSAMLProvidersOutput } from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';

/**
 * ListSAMLProviders: the account's providers (ARN, expiry, creation), in ARN order. The operation has no
 * pagination and no resource type in the Service Authorization Reference, so it is authorized on `*`.
 */
export const listSAMLProviders: Operation<ListSAMLProvidersInput, ListSAMLProvidersOutput> = async (ctx) => {
  await ctx.authorize('iam:ListSAMLProviders', ACCOUNT_RESOURCE);
  const rows = await ctx.store.db
    .selectFrom('saml_providers')
    .select(['arn', 'valid_until', 'created_at'])
    .where('account_id', '=', ctx.accountId)
    .orderBy('arn')
    .execute();
  return {
    SAMLProviderList: rows.map((r) => ({
      Arn: r.arn,
      ValidUntil: new Date(r.valid_until),
      CreateDate: new Date(r.created_at),
    })),
  };
};
