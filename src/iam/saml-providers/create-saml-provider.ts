import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { CreateSAMLProviderInput, CreateSAMLProviderOutput } from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { checkTags, requestTagContext } from '../common/tag-input.js';
import { putTags } from '../common/tags.js';
import {
  checkMetadataLength,
  checkProviderName,
  SAML_PROVIDERS_QUOTA,
  samlProviderArn,
  validUntil,
} from './saml-fields.js';
import { parseSamlMetadata } from './saml-metadata.js';

/**
 * CreateSAMLProvider: an IAM entity for a SAML 2.0 identity provider, described by its metadata document (which
 * must be SAML metadata with an EntityDescriptor root). One provider per name in the account; 100 at most.
 */
export const createSAMLProvider: Operation<CreateSAMLProviderInput, CreateSAMLProviderOutput> = async (
  ctx,
  input,
) => {
  const constraints = checkMetadataLength(new MemberConstraints(), input.SAMLMetadataDocument);
  checkProviderName(constraints, input.Name).throwIfAny();
  checkTags(input.Tags);
  const metadata = parseSamlMetadata(input.SAMLMetadataDocument);

  const arn = samlProviderArn(ctx, input.Name);
  await ctx.authorize('iam:CreateSAMLProvider', arn, requestTagContext(input.Tags));

  const tags = input.Tags ?? [];
  try {
    await ctx.store.transaction(async (tx) => {
      const { count } = await tx
        .selectFrom('saml_providers')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('account_id', '=', ctx.accountId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= SAML_PROVIDERS_QUOTA) {
        throw new AwsError(
          'LimitExceeded',
          `Cannot exceed quota for SAMLProvidersPerAccount: ${SAML_PROVIDERS_QUOTA}`,
        );
      }
      await tx
        .insertInto('saml_providers')
        .values({
          arn,
          account_id: ctx.accountId,
          name: input.Name,
          metadata: input.SAMLMetadataDocument,
          valid_until: validUntil(metadata, ctx.now).toISOString(),
          created_at: ctx.now.toISOString(),
        })
        .execute();
      if (tags.length > 0) await putTags(tx, ctx, 'saml-provider', arn, tags);
    });
  } catch (err) {
    // INVARIANT: the ARN is the primary key, so two creates of one name cannot both succeed.
    if (isUniqueViolation(err)) {
      throw new AwsError('EntityAlreadyExists', `Provider with name ${input.Name} already exists.`);
    }
    throw err;
  }
  return { SAMLProviderArn: arn, ...(tags.length > 0 ? { Tags: tags } : {}) };
};
