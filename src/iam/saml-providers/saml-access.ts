import type { Selectable } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import type { SamlProvidersTable } from '../../store/schema-0002.js';
import { existing } from '../common/entity-lookup.js';
import { resourceTagContext } from '../common/tag-input.js';
import { listTags } from '../common/tags.js';

export type SamlProviderRow = Selectable<SamlProvidersTable>;

/** AWS's NoSuchEntity for a SAML provider ARN (recorded: test_iam_saml_providers get-not-found, delete-not-found). */
export function noSuchSamlProvider(arn: string): AwsError {
  return new AwsError('NoSuchEntity', `Manifest not found for arn ${arn}`);
}

/**
 * Looks a SAML provider up by ARN in the caller's account, authorizes `action` on that ARN (the provider's tags as
 * `aws:ResourceTag/…`), and only then reports it missing.
 */
export async function authorizedSamlProvider(
  ctx: OperationContext,
  action: string,
  arn: string,
  extra: Readonly<Record<string, ContextInput>> = {},
): Promise<SamlProviderRow> {
  const row = await ctx.store.db
    .selectFrom('saml_providers')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .where('arn', '=', arn)
    .executeTakeFirst();
  const tags = row ? await listTags(ctx.store.db, 'saml-provider', row.arn) : [];
  await ctx.authorize(action, arn, { ...resourceTagContext(tags), ...extra });
  return existing(row, () => noSuchSamlProvider(arn));
}
