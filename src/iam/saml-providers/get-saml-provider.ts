import type { Operation } from '../../operation/context.js';
import type { GetSAMLProviderInput, GetSAMLProviderOutput } from '../../protocol/models/iam-types.js';
import { listTags } from '../common/tags.js';
import { authorizedSamlProvider } from './saml-access.js';
import { checkSamlProviderArn } from './saml-fields.js';

/** GetSAMLProvider: the metadata document, creation and expiry dates, and tags (always present: recorded). */
export const getSAMLProvider: Operation<GetSAMLProviderInput, GetSAMLProviderOutput> = async (ctx, input) => {
  checkSamlProviderArn(input.SAMLProviderArn).throwIfAny();
  const row = await authorizedSamlProvider(ctx, 'iam:GetSAMLProvider', input.SAMLProviderArn);
  return {
    SAMLMetadataDocument: row.metadata,
    CreateDate: new Date(row.created_at),
    ValidUntil: new Date(row.valid_until),
    Tags: await listTags(ctx.store.db, 'saml-provider', row.arn),
  };
};
