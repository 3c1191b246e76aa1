import type { Operation } from '../../operation/context.js';
import type {
  DeleteSigningCertificateInput,
  DeleteSigningCertificateOutput,
} from '../../protocol/models/iam-types.js';
import { keyOwner } from '../access-keys/key-owner.js';
import { checkCertificateInput, noSuchCertificate } from './certificate-owner.js';

/** DeleteSigningCertificate: removes one of the owner's signing certificates. */
export const deleteSigningCertificate: Operation<
  DeleteSigningCertificateInput,
  DeleteSigningCertificateOutput
> = async (ctx, input) => {
  checkCertificateInput(input);
  const owner = await keyOwner(ctx, 'iam:DeleteSigningCertificate', input.UserName);
  let query = ctx.store.db
    .deleteFrom('signing_certificates')
    .where('account_id', '=', ctx.accountId)
    .where('id', '=', input.CertificateId);
  query =
    owner.kind === 'root' ? query.where('user_id', 'is', null) : query.where('user_id', '=', owner.user.id);
  const result = await query.executeTakeFirst();
  if (result.numDeletedRows === 0n) throw noSuchCertificate(input.CertificateId);
  return {};
};
