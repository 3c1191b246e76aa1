import type { Selectable } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import type { GetServerCertificateOutput } from '../../protocol/models/iam-types.js';
import type { ServerCertificatesTable } from '../../store/schema-0002.js';
import { nameKey } from '../common/arn.js';
import { existing } from '../common/entity-lookup.js';
import { resourceTagContext } from '../common/tag-input.js';
import { listTags } from '../common/tags.js';
import { serverCertificateArn } from './server-certificate-fields.js';

export type ServerCertificateRow = Selectable<ServerCertificatesTable>;

/** A certificate's metadata, as every server certificate operation returns it (recorded). */
export type ServerCertificateMetadata =
  GetServerCertificateOutput['ServerCertificate']['ServerCertificateMetadata'];

/** AWS's NoSuchEntity for a server certificate name (recorded: get-nonexistent-certificate-error). */
export function noSuchServerCertificate(name: string): AwsError {
  return new AwsError('NoSuchEntity', `The Server Certificate with name ${name} cannot be found.`);
}

/** The metadata of a stored certificate. */
export function metadataOf(row: ServerCertificateRow): ServerCertificateMetadata {
  return {
    Path: row.path,
    ServerCertificateName: row.name,
    ServerCertificateId: row.id,
    Arn: row.arn,
    UploadDate: new Date(row.created_at),
    Expiration: new Date(row.expires_at),
  };
}

/**
 * Looks a certificate up by name (without regard to case), authorizes `action` on its ARN (its tags as
 * `aws:ResourceTag/…`), and only then reports it missing. A missing certificate is authorized at the root path.
 */
export async function authorizedServerCertificate(
  ctx: OperationContext,
  action: string,
  name: string,
  extra: Readonly<Record<string, ContextInput>> = {},
): Promise<ServerCertificateRow> {
  const row = await ctx.store.db
    .selectFrom('server_certificates')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .where('name_key', '=', nameKey(name))
    .executeTakeFirst();
  const tags = row ? await listTags(ctx.store.db, 'server-certificate', row.id) : [];
  await ctx.authorize(action, row?.arn ?? serverCertificateArn(ctx, '/', name), {
    ...resourceTagContext(tags),
    ...extra,
  });
  return existing(row, () => noSuchServerCertificate(name));
}
