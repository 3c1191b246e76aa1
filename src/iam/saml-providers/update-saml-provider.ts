import type { Operation } from '../../operation/context.js';
import type { UpdateSAMLProviderInput, UpdateSAMLProviderOutput } from '../../protocol/models/iam-types.js';
import { authorizedSamlProvider } from './saml-access.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { checkMetadataLength, checkSamlProviderArn } from './saml-fields.js';
import { parseSamlMetadata } from './saml-metadata.js';

/**
 * UpdateSAMLProvider: replaces the metadata document (for example when the IdP's signing certificate is
 * rotated). A `validUntil` in the new document replaces the provider's; without one the provider keeps its own.
 */
export const updateSAMLProvider: Operation<UpdateSAMLProviderInput, UpdateSAMLProviderOutput> = async (
  ctx,
  input,
) => {
  // In the order AWS lists faults (that of Java's HashMap over the member names).
  checkSamlProviderArn(
    input.SAMLProviderArn,
    checkMetadataLength(new MemberConstraints(), input.SAMLMetadataDocument),
  ).throwIfAny();
  const metadata = parseSamlMetadata(input.SAMLMetadataDocument);
  const row = await authorizedSamlProvider(ctx, 'iam:UpdateSAMLProvider', input.SAMLProviderArn);
  await ctx.store.db
    .updateTable('saml_providers')
    .set({
      metadata: input.SAMLMetadataDocument,
      valid_until: metadata.validUntil?.toISOString() ?? row.valid_until,
    })
    .where('arn', '=', row.arn)
    .execute();
  return { SAMLProviderArn: row.arn };
};
