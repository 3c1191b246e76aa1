import type { Operation } from '../../operation/context.js';
import type {
  UpdateServerCertificateInput,
  UpdateServerCertificateOutput,
} from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { nameKey } from '../common/arn.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { checkNewPath } from '../users/user-fields.js';
import { authorizedServerCertificate, noSuchServerCertificate } from './server-certificate-access.js';
import {
  certificateExists,
  checkCertificateName,
  serverCertificateArn,
} from './server-certificate-fields.js';

/**
 * UpdateServerCertificate: renames a certificate and/or moves it to another path. The caller needs permission on
 * both the old and the new ARN (API reference, UpdateServerCertificate); the id and tags stay.
 */
export const updateServerCertificate: Operation<
  UpdateServerCertificateInput,
  UpdateServerCertificateOutput
> = async (ctx, input) => {
  // In the order AWS lists faults (that of Java's HashMap over the member names).
  const constraints = checkCertificateName(
    new MemberConstraints(),
    'newServerCertificateName',
    input.NewServerCertificateName,
  );
  checkNewPath(
    checkCertificateName(constraints, 'serverCertificateName', input.ServerCertificateName),
    input.NewPath,
  ).throwIfAny();

  const row = await authorizedServerCertificate(
    ctx,
    'iam:UpdateServerCertificate',
    input.ServerCertificateName,
  );
  const name = input.NewServerCertificateName ?? row.name;
  const path = input.NewPath ?? row.path;
  const arn = serverCertificateArn(ctx, path, name);
  if (arn !== row.arn) await ctx.authorize('iam:UpdateServerCertificate', arn);

  try {
    const result = await ctx.store.db
      .updateTable('server_certificates')
      .set({ name, name_key: nameKey(name), path, arn })
      .where('id', '=', row.id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw noSuchServerCertificate(input.ServerCertificateName);
  } catch (err) {
    if (isUniqueViolation(err)) throw certificateExists(name);
    throw err;
  }
  return {};
};
