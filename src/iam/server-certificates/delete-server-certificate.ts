import type { Operation } from '../../operation/context.js';
import type {
  DeleteServerCertificateInput,
  DeleteServerCertificateOutput,
} from '../../protocol/models/iam-types.js';
import { dropTags } from '../common/tags.js';
import { authorizedServerCertificate, noSuchServerCertificate } from './server-certificate-access.js';
import { checkExistingName } from './server-certificate-fields.js';

/** DeleteServerCertificate: the certificate, its sealed key and its tags. */
export const deleteServerCertificate: Operation<
  DeleteServerCertificateInput,
  DeleteServerCertificateOutput
> = async (ctx, input) => {
  checkExistingName(input.ServerCertificateName);
  const row = await authorizedServerCertificate(
    ctx,
    'iam:DeleteServerCertificate',
    input.ServerCertificateName,
  );
  await ctx.store.transaction(async (tx) => {
    const result = await tx.deleteFrom('server_certificates').where('id', '=', row.id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw noSuchServerCertificate(input.ServerCertificateName);
    await dropTags(tx, 'server-certificate', row.id);
  });
  return {};
};
