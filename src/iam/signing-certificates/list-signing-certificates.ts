import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  ListSigningCertificatesInput,
  ListSigningCertificatesOutput,
} from '../../protocol/models/iam-types.js';
import { keyOwner } from '../access-keys/key-owner.js';
import { pageFields } from '../common/list-page.js';
import { MemberConstraints, NAME_PATTERN } from '../common/member-constraints.js';
import { EXISTING_USER_NAME_MAX } from '../users/user-fields.js';
import { ownerCertificates } from './certificate-owner.js';

/**
 * ListSigningCertificates: a user's signing certificates (or the caller's), oldest first, with their bodies.
 * The user's current name is reported, so certificates follow a renamed user (recorded:
 * test_user_rename_updates_signing_certificates).
 */
export const listSigningCertificates: Operation<
  ListSigningCertificatesInput,
  ListSigningCertificatesOutput
> = async (ctx, input) => {
  new MemberConstraints()
    .length('userName', input.UserName, 1, EXISTING_USER_NAME_MAX)
    .pattern('userName', input.UserName, NAME_PATTERN)
    .throwIfAny();
  const owner = await keyOwner(ctx, 'iam:ListSigningCertificates', input.UserName);
  const rows = await ownerCertificates(ctx.store.db, ctx, owner)
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const page = paginate(rows, input);
  return {
    Certificates: page.items.map((r) => ({
      UserName: owner.name,
      CertificateId: r.id,
      CertificateBody: r.body,
      Status: r.status,
      UploadDate: new Date(r.created_at),
    })),
    ...pageFields(page),
  };
};
