import type { Selectable } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import type { OidcProvidersTable } from '../../store/schema-0002.js';
import { existing } from '../common/entity-lookup.js';
import { resourceTagContext } from '../common/tag-input.js';
import { listTags } from '../common/tags.js';

export type OidcProviderRow = Selectable<OidcProvidersTable>;

/** AWS's NoSuchEntity for a provider ARN (recorded: GetOpenIDConnectProvider not-found-error). */
export function noSuchOidcProvider(arn: string): AwsError {
  return new AwsError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`);
}

/** DeleteOpenIDConnectProvider words it differently (recorded: deletion-not-found-error). */
export function noSuchOidcProviderToDelete(arn: string): AwsError {
  return new AwsError('NoSuchEntity', `OpenId connect Provider ${arn} cannot be found.`);
}

/**
 * Looks a provider up by ARN in the caller's account, authorizes `action` on that ARN (with the provider's tags as
 * `aws:ResourceTag/…`, the condition key the Service Authorization Reference lists for `oidc-provider`), and only
 * then reports it missing.
 */
export async function authorizedOidcProvider(
  ctx: OperationContext,
  action: string,
  arn: string,
  extra: Readonly<Record<string, ContextInput>> = {},
  missing: (arn: string) => AwsError = noSuchOidcProvider,
): Promise<OidcProviderRow> {
  const row = await ctx.store.db
    .selectFrom('oidc_providers')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .where('arn', '=', arn)
    .executeTakeFirst();
  const tags = row ? await listTags(ctx.store.db, 'oidc-provider', row.arn) : [];
  await ctx.authorize(action, arn, { ...resourceTagContext(tags), ...extra });
  return existing(row, () => missing(arn));
}

/** The JSON lists of a provider row. */
export function providerLists(row: OidcProviderRow): { clientIds: string[]; thumbprints: string[] } {
  return {
    clientIds: JSON.parse(row.client_ids) as string[],
    thumbprints: JSON.parse(row.thumbprints) as string[],
  };
}
