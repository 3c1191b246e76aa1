import { authorizedOidcProvider } from './oidc-access.js';
import { checkProviderArn } from './oidc-fields.js';
import { taggingOperations } from './tagging.js';

/** TagOpenIDConnectProvider, UntagOpenIDConnectProvider and ListOpenIDConnectProviderTags. */
export const OIDC_PROVIDER_TAGGING = taggingOperations<{ OpenIDConnectProviderArn: string }>({
  type: 'oidc-provider',
  noun: 'OpenIDConnectProvider',
  check: (input) => checkProviderArn(input.OpenIDConnectProviderArn).throwIfAny(),
  authorized: async (ctx, action, input, extra) =>
    (await authorizedOidcProvider(ctx, action, input.OpenIDConnectProviderArn, extra)).arn,
});
