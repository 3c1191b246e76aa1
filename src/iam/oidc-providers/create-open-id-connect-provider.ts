import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type {
  CreateOpenIDConnectProviderInput,
  CreateOpenIDConnectProviderOutput,
} from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { checkTags, requestTagContext } from '../common/tag-input.js';
import { putTags } from '../common/tags.js';
import {
  checkClientIds,
  checkProviderUrl,
  checkThumbprintCount,
  checkThumbprints,
  clientIdQuotaExceeded,
  distinct,
  MAX_CLIENT_IDS,
  OIDC_PROVIDERS_QUOTA,
  oidcProviderArn,
} from './oidc-fields.js';

/**
 * CreateOpenIDConnectProvider: an IAM entity for an OIDC identity provider, named by its `https://` URL. The
 * ThumbprintList is optional: AWS no longer needs it to trust the provider's certificate. One provider per URL
 * in the account; at most 100 client ids and 5 thumbprints.
 */
export const createOpenIDConnectProvider: Operation<
  CreateOpenIDConnectProviderInput,
  CreateOpenIDConnectProviderOutput
> = async (ctx, input) => {
  // The member checks in the order AWS lists their faults (recorded: multiple-validation-errors).
  const constraints = checkClientIds(new MemberConstraints(), 'clientIDList', input.ClientIDList);
  checkThumbprints(constraints, input.ThumbprintList).length('url', input.Url, 1, 255).throwIfAny();
  checkTags(input.Tags);
  checkProviderUrl(input.Url);
  checkThumbprintCount(input.ThumbprintList);
  const clientIds = distinct(input.ClientIDList ?? []);
  if (clientIds.length > MAX_CLIENT_IDS) throw clientIdQuotaExceeded();

  const arn = oidcProviderArn(ctx, input.Url);
  await ctx.authorize('iam:CreateOpenIDConnectProvider', arn, requestTagContext(input.Tags));

  const tags = input.Tags ?? [];
  try {
    await ctx.store.transaction(async (tx) => {
      const { count } = await tx
        .selectFrom('oidc_providers')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('account_id', '=', ctx.accountId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= OIDC_PROVIDERS_QUOTA) {
        // The wording AWS uses (seen in Terraform's reports of the error).
        throw new AwsError(
          'LimitExceeded',
          `Cannot exceed quota for OpenIdConnectProvidersPerAccount: ${OIDC_PROVIDERS_QUOTA}`,
        );
      }
      await tx
        .insertInto('oidc_providers')
        .values({
          arn,
          account_id: ctx.accountId,
          url: input.Url,
          client_ids: JSON.stringify(clientIds),
          thumbprints: JSON.stringify(input.ThumbprintList ?? []),
          created_at: ctx.now.toISOString(),
        })
        .execute();
      if (tags.length > 0) await putTags(tx, ctx, 'oidc-provider', arn, tags);
    });
  } catch (err) {
    // INVARIANT: the ARN is the primary key, so two creates for one URL cannot both succeed.
    if (isUniqueViolation(err)) {
      throw new AwsError('EntityAlreadyExists', `Provider with url ${input.Url} already exists.`);
    }
    throw err;
  }
  return { OpenIDConnectProviderArn: arn, ...(tags.length > 0 ? { Tags: tags } : {}) };
};
