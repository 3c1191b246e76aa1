import type { Operation } from '../../operation/context.js';
import type {
  UpdateSigningCertificateInput,
  UpdateSigningCertificateOutput,
} from '../../protocol/models/iam-types.js';
import { keyOwner } from '../access-keys/key-owner.js';
import { checkCertificateInput, noSuchCertificate } from './certificate-owner.js';

/** UpdateSigningCertificate: activates or deactivates one of the owner's signing certificates. */
export const updateSigningCertificate: Operation<
  UpdateSigningCertificateInput,
  UpdateSigningCertificateOutput
> = async (ctx, input) => {
  checkCertificateInput(input);
  const owner = await keyOwner(ctx, 'iam:UpdateSigningCertificate', input.UserName);
  let query = ctx.store.db
    .updateTable('signing_certificates')
    .set({ status: input.Status as 'Active' | 'Inactive' })
    .where('account_id', '=', ctx.accountId)
    .where('id', '=', input.CertificateId);
  query =
    owner.kind === 'root' ? query.where('user_id', 'is', null) : query.where('user_id', '=', owner.user.id);
  const result = await query.executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw noSuchCertificate(input.CertificateId);
  return {};
};
