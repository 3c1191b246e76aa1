import type { Operation } from '../../operation/context.js';
import type {
  GetOpenIDConnectProviderInput,
  GetOpenIDConnectProviderOutput,
} from '../../protocol/models/iam-types.js';
import { listTags } from '../common/tags.js';
import { authorizedOidcProvider, providerLists } from './oidc-access.js';
import { checkProviderArn, providerLocation } from './oidc-fields.js';

/**
 * GetOpenIDConnectProvider: the provider's URL (without its scheme, as AWS returns it), client ids,
 * thumbprints, creation date and tags (always present, possibly empty: recorded get-response).
 */
export const getOpenIDConnectProvider: Operation<
  GetOpenIDConnectProviderInput,
  GetOpenIDConnectProviderOutput
> = async (ctx, input) => {
  checkProviderArn(input.OpenIDConnectProviderArn).throwIfAny();
  const row = await authorizedOidcProvider(
    ctx,
    'iam:GetOpenIDConnectProvider',
    input.OpenIDConnectProviderArn,
  );
  const { clientIds, thumbprints } = providerLists(row);
  return {
    Url: providerLocation(row.url),
    ClientIDList: clientIds,
    ThumbprintList: thumbprints,
    CreateDate: new Date(row.created_at),
    Tags: await listTags(ctx.store.db, 'oidc-provider', row.arn),
  };
};
