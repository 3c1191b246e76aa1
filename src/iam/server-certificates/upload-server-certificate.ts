import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type {
  UploadServerCertificateInput,
  UploadServerCertificateOutput,
} from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { nameKey } from '../common/arn.js';
import { checkPath, MemberConstraints } from '../common/member-constraints.js';
import { QUOTAS } from '../common/quotas.js';
import { checkTags, requestTagContext } from '../common/tag-input.js';
import { putTags } from '../common/tags.js';
import { metadataOf, type ServerCertificateRow } from './server-certificate-access.js';
import {
  certificateExists,
  checkCertificateName,
  serverCertificateArn,
  unparseableCertificate,
} from './server-certificate-fields.js';
import {
  brokenLink,
  CERTIFICATE_TEXT_PATTERN,
  keyMatches,
  parseCertificate,
  parseCertificateChain,
  parsePrivateKey,
} from './x509.js';

/**
 * UploadServerCertificate: stores a PEM certificate with its private key (and optional chain) for HTTPS
 * listeners. The certificate must parse, the key must be its own (KeyPairMismatch), and the chain must run from
 * the certificate's issuer upwards. The key is kept sealed under the master key and never returned.
 */
export const uploadServerCertificate: Operation<
  UploadServerCertificateInput,
  UploadServerCertificateOutput
> = async (ctx, input) => {
  // In the order AWS lists faults (that of Java's HashMap over the member names).
  const constraints = checkPath(new MemberConstraints(), input.Path)
    .length('privateKey', input.PrivateKey, 1, 16384)
    .pattern('privateKey', input.PrivateKey, CERTIFICATE_TEXT_PATTERN)
    .length('certificateChain', input.CertificateChain, 1, 2_097_152)
    .pattern('certificateChain', input.CertificateChain, CERTIFICATE_TEXT_PATTERN);
  checkCertificateName(constraints, 'serverCertificateName', input.ServerCertificateName)
    .length('certificateBody', input.CertificateBody, 1, 16384)
    .pattern('certificateBody', input.CertificateBody, CERTIFICATE_TEXT_PATTERN)
    .throwIfAny();
  checkTags(input.Tags);

  const certificate = parseCertificate(input.CertificateBody);
  const key = parsePrivateKey(input.PrivateKey);
  if (certificate === undefined || key === undefined) throw unparseableCertificate();
  if (!keyMatches(certificate, key)) {
    throw new AwsError('KeyPairMismatch', 'The public key certificate and the private key do not match.');
  }
  if (input.CertificateChain !== undefined) {
    const chain = parseCertificateChain(input.CertificateChain);
    if (chain === undefined) throw unparseableCertificate();
    const broken = brokenLink(certificate, chain);
    if (broken !== undefined) {
      // The wording AWS's CLI users report (not in a recording).
      throw new AwsError(
        'MalformedCertificate',
        `Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, followed by any intermediaries in order. The index within the chain of the invalid certificate is: ${broken}`,
      );
    }
  }

  const path = input.Path ?? '/';
  const arn = serverCertificateArn(ctx, path, input.ServerCertificateName);
  await ctx.authorize('iam:UploadServerCertificate', arn, requestTagContext(input.Tags));

  const row: ServerCertificateRow = {
    account_id: ctx.accountId,
    id: ctx.ids.uniqueId('ASCA'),
    name: input.ServerCertificateName,
    name_key: nameKey(input.ServerCertificateName),
    path,
    arn,
    created_at: ctx.now.toISOString(),
    expires_at: new Date(certificate.validTo).toISOString(),
    body: input.CertificateBody,
    chain: input.CertificateChain ?? null,
    private_key_ciphertext: ctx.secrets.seal(input.PrivateKey),
  };
  const tags = input.Tags ?? [];
  try {
    await ctx.store.transaction(async (tx) => {
      const { count } = await tx
        .selectFrom('server_certificates')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('account_id', '=', ctx.accountId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= QUOTAS.ServerCertificatesQuota) {
        // The wording AWS uses (seen in Terraform's reports of the error).
        throw new AwsError(
          'LimitExceeded',
          `Cannot exceed quota for ServerCertificatesPerAccount: ${QUOTAS.ServerCertificatesQuota}`,
        );
      }
      await tx.insertInto('server_certificates').values(row).execute();
      if (tags.length > 0) await putTags(tx, ctx, 'server-certificate', row.id, tags);
    });
  } catch (err) {
    // INVARIANT: the unique index on (account_id, name_key) decides duplicates.
    if (isUniqueViolation(err)) throw certificateExists(input.ServerCertificateName);
    throw err;
  }
  return { ServerCertificateMetadata: metadataOf(row), ...(tags.length > 0 ? { Tags: tags } : {}) };
};
