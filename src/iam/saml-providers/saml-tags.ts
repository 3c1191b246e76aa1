import { taggingOperations } from '../oidc-providers/tagging.js';
import { authorizedSamlProvider } from './saml-access.js';
import { checkSamlProviderArn } from './saml-fields.js';

/** TagSAMLProvider, UntagSAMLProvider and ListSAMLProviderTags. */
export const SAML_PROVIDER_TAGGING = taggingOperations<{ SAMLProviderArn: string }>({
  type: 'saml-provider',
  noun: 'SAMLProvider',
  check: (input) => checkSamlProviderArn(input.SAMLProviderArn).throwIfAny(),
  authorized: async (ctx, action, input, extra) =>
    (await authorizedSamlProvider(ctx, action, input.SAMLProviderArn, extra)).arn,
});
