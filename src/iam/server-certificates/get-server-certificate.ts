import type { Operation } from '../../operation/context.js';
import type {
  GetServerCertificateInput,
  GetServerCertificateOutput,
} from '../../protocol/models/iam-types.js';
import { listTags } from '../common/tags.js';
import { authorizedServerCertificate, metadataOf } from './server-certificate-access.js';
import { checkExistingName } from './server-certificate-fields.js';

/** GetServerCertificate: the metadata, body, chain (when uploaded with one) and tags (always: recorded). */
export const getServerCertificate: Operation<GetServerCertificateInput, GetServerCertificateOutput> = async (
  ctx,
  input,
) => {
  checkExistingName(input.ServerCertificateName);
  const row = await authorizedServerCertificate(ctx, 'iam:GetServerCertificate', input.ServerCertificateName);
  return {
    ServerCertificate: {
      ServerCertificateMetadata: metadataOf(row),
      CertificateBody: row.body,
      ...(row.chain === null ? {} : { CertificateChain: row.chain }),
      Tags: await listTags(ctx.store.db, 'server-certificate', row.id),
    },
  };
};
