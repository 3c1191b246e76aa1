import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type {
  UploadSigningCertificateInput,
  UploadSigningCertificateOutput,
} from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { keyOwner } from '../access-keys/key-owner.js';
import { MemberConstraints, NAME_PATTERN } from '../common/member-constraints.js';
import { QUOTAS } from '../common/quotas.js';
import { CERTIFICATE_TEXT_PATTERN, parseCertificate } from '../server-certificates/x509.js';
import { EXISTING_USER_NAME_MAX } from '../users/user-fields.js';
import { certificateId } from './certificate-id.js';
import { lockOwner, ownerCertificates } from './certificate-owner.js';

/**
 * UploadSigningCertificate: adds an active X.509 signing certificate to a user (or, without `UserName`, to the
 * caller, root included). A user has at most two; the same certificate cannot be uploaded twice in an account.
 */
export const uploadSigningCertificate: Operation<
  UploadSigningCertificateInput,
  UploadSigningCertificateOutput
> = async (ctx, input) => {
  new MemberConstraints()
    .length('userName', input.UserName, 1, EXISTING_USER_NAME_MAX)
    .pattern('userName', input.UserName, NAME_PATTERN)
    .length('certificateBody', input.CertificateBody, 1, 16384)
    .pattern('certificateBody', input.CertificateBody, CERTIFICATE_TEXT_PATTERN)
    .throwIfAny();
  const certificate = parseCertificate(input.CertificateBody);
  if (certificate === undefined) {
    // AWS quotes the body (recorded: upload-invalid-certificate-error).
    throw new AwsError('MalformedCertificate', `Certificate ${input.CertificateBody} is malformed.`);
  }

  const owner = await keyOwner(ctx, 'iam:UploadSigningCertificate', input.UserName);
  const id = certificateId(certificate);
  try {
    await ctx.store.transaction(async (tx) => {
      await lockOwner(tx, ctx, owner);
      const { count } = await ownerCertificates(tx, ctx, owner)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      if (Number(count) >= QUOTAS.SigningCertificatesPerUserQuota) {
        // Recorded: upload-exceeds-limit-error.
        throw new AwsError(
          'LimitExceeded',
          `Cannot exceed quota for CertificatesPerUser: ${QUOTAS.SigningCertificatesPerUserQuota}`,
        );
      }
      await tx
        .insertInto('signing_certificates')
        .values({
          account_id: ctx.accountId,
          id,
          user_id: owner.kind === 'root' ? null : owner.user.id,
          body: input.CertificateBody,
          status: 'Active',
          created_at: ctx.now.toISOString(),
        })
        .execute();
    });
  } catch (err) {
    // INVARIANT: the id is derived from the certificate and keyed per account, so an upload of a certificate
    // the account already holds fails here, whoever holds it.
    if (isUniqueViolation(err)) {
      throw new AwsError(
        'DuplicateCertificate',
        'The same certificate is associated with an IAM user in the account.',
      );
    }
    throw err;
  }
  return {
    Certificate: {
      UserName: owner.name,
      CertificateId: id,
      CertificateBody: input.CertificateBody,
      Status: 'Active',
      UploadDate: ctx.now,
    },
  };
};
