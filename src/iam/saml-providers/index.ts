import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { createSAMLProvider } from './create-saml-provider.js';
import { deleteSAMLProvider } from './delete-saml-provider.js';
import { getSAMLProvider } from './get-saml-provider.js';
import { listSAMLProviders } from './list-saml-providers.js';
import { SAML_PROVIDER_TAGGING } from './saml-tags.js';
import { updateSAMLProvider } from './update-saml-provider.js';

/** The SAML 2.0 identity provider operations. */
export const SAML_PROVIDER_OPERATIONS: OperationTable<IAMOperations> = {
  CreateSAMLProvider: createSAMLProvider,
  GetSAMLProvider: getSAMLProvider,
  UpdateSAMLProvider: updateSAMLProvider,
  DeleteSAMLProvider: deleteSAMLProvider,
  ListSAMLProviders: listSAMLProviders,
  TagSAMLProvider: SAML_PROVIDER_TAGGING.tag,
  UntagSAMLProvider: SAML_PROVIDER_TAGGING.untag,
  ListSAMLProviderTags: SAML_PROVIDER_TAGGING.list,
};
