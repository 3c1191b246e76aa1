import type { Operation } from '../../operation/context.js';
import type {
  ListOpenIDConnectProvidersInput,
  ListOpenIDConnectProvidersOutput,
} from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';

/**
 * ListOpenIDConnectProviders: the ARNs of the account's providers, in ARN order. The operation has no
 * pagination, and the Service Authorization Reference lists no resource type for it, so it is authorized on `*`.
 */
export const listOpenIDConnectProviders: Operation<
  ListOpenIDConnectProvidersInput,
  ListOpenIDConnectProvidersOutput
> = async (ctx) => {
  await ctx.authorize('iam:ListOpenIDConnectProviders', ACCOUNT_RESOURCE);
  const rows = await ctx.store.db
    .selectFrom('oidc_providers')
    .select('arn')
    .where('account_id', '=', ctx.accountId)
    .orderBy('arn')
    .execute();
  return { OpenIDConnectProviderList: rows.map((r) => ({ Arn: r.arn })) };
};
