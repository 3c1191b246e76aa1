import type { Operation } from '../../operation/context.js';
import type {
  UpdateOpenIDConnectProviderThumbprintInput,
  UpdateOpenIDConnectProviderThumbprintOutput,
} from '../../protocol/models/iam-types.js';
import { authorizedOidcProvider } from './oidc-access.js';
import { checkProviderArn, checkThumbprintCount, checkThumbprints } from './oidc-fields.js';

/** UpdateOpenIDConnectProviderThumbprint: replaces the provider's whole thumbprint list (at most 5). */
export const updateOpenIDConnectProviderThumbprint: Operation<
  UpdateOpenIDConnectProviderThumbprintInput,
  UpdateOpenIDConnectProviderThumbprintOutput
> = async (ctx, input) => {
  checkThumbprints(checkProviderArn(input.OpenIDConnectProviderArn), input.ThumbprintList).throwIfAny();
  checkThumbprintCount(input.ThumbprintList);
  const row = await authorizedOidcProvider(
    ctx,
    'iam:UpdateOpenIDConnectProviderThumbprint',
    input.OpenIDConnectProviderArn,
  );
  await ctx.store.db
    .updateTable('oidc_providers')
    .set({ thumbprints: JSON.stringify(input.ThumbprintList) })
    .where('arn', '=', row.arn)
    .execute();
  return {};
};
