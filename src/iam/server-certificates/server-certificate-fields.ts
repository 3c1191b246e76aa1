import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import { MemberConstraints, NAME_PATTERN } from '../common/member-constraints.js';

/** serverCertificateNameType: 1–128 characters of `[\w+=,.@-]`. */
export function checkCertificateName(
  constraints: MemberConstraints,
  member: string,
  name: string | undefined,
): MemberConstraints {
  return constraints.length(member, name, 1, 128).pattern(member, name, NAME_PATTERN);
}

/** Checks the `ServerCertificateName` member that names an existing certificate. */
export function checkExistingName(name: string): void {
  checkCertificateName(new MemberConstraints(), 'serverCertificateName', name).throwIfAny();
}

/** `arn:aws:iam::ACCOUNT:server-certificate/PATH/NAME`. */
export function serverCertificateArn(
  ctx: Pick<OperationContext, 'partition' | 'accountId'>,
  path: string,
  name: string,
): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:server-certificate${path}${name}`;
}

/** AWS's EntityAlreadyExists for a name in use (recorded: upload-duplicate-certificate-error). */
export function certificateExists(name: string): AwsError {
  return new AwsError('EntityAlreadyExists', `The Server Certificate with name ${name} already exists.`);
}

/**
 * AWS's MalformedCertificate for a body, chain or key it cannot read. The wording is the one AWS's CLI users
 * report for UploadServerCertificate (not in a recording).
 */
export function unparseableCertificate(): AwsError {
  return new AwsError(
    'MalformedCertificate',
    'Unable to parse certificate. Please ensure the certificate is in PEM format.',
  );
}
