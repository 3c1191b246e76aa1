import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { addClientIDToOpenIDConnectProvider, removeClientIDFromOpenIDConnectProvider } from './client-ids.js';
import { createOpenIDConnectProvider } from './create-open-id-connect-provider.js';
import { deleteOpenIDConnectProvider } from './delete-open-id-connect-provider.js';
import { getOpenIDConnectProvider } from './get-open-id-connect-provider.js';
import { listOpenIDConnectProviders } from './list-open-id-connect-providers.js';
import { OIDC_PROVIDER_TAGGING } from './oidc-tags.js';
import { updateOpenIDConnectProviderThumbprint } from './update-open-id-connect-provider-thumbprint.js';

/** The OpenID Connect identity provider operations. */
export const OIDC_PROVIDER_OPERATIONS: OperationTable<IAMOperations> = {
  CreateOpenIDConnectProvider: createOpenIDConnectProvider,
  GetOpenIDConnectProvider: getOpenIDConnectProvider,
  DeleteOpenIDConnectProvider: deleteOpenIDConnectProvider,
  ListOpenIDConnectProviders: listOpenIDConnectProviders,
  AddClientIDToOpenIDConnectProvider: addClientIDToOpenIDConnectProvider,
  RemoveClientIDFromOpenIDConnectProvider: removeClientIDFromOpenIDConnectProvider,
  UpdateOpenIDConnectProviderThumbprint: updateOpenIDConnectProviderThumbprint,
  TagOpenIDConnectProvider: OIDC_PROVIDER_TAGGING.tag,
  UntagOpenIDConnectProvider: OIDC_PROVIDER_TAGGING.untag,
  ListOpenIDConnectProviderTags: OIDC_PROVIDER_TAGGING.list,
};
