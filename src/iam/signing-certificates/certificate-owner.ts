import type { Kysely, Selectable, Transaction } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { Database } from '../../store/schema.js';
import type { SigningCertificatesTable } from '../../store/schema-0002.js';
import type { KeyOwner } from '../access-keys/key-owner.js';
import { MemberConstraints, NAME_PATTERN } from '../common/member-constraints.js';
import { EXISTING_USER_NAME_MAX } from '../users/user-fields.js';

export type SigningCertificateRow = Selectable<SigningCertificatesTable>;

const STATUSES = ['Active', 'Inactive'] as const;

/** certificateIdType: 24–128 word characters. */
const CERTIFICATE_ID_PATTERN = String.raw`[\w]+`;

/**
 * Checks the members of the signing certificate operations that name a certificate, in the order AWS lists
 * faults (that of Java's HashMap over the member names: certificateId, userName, status).
 */
export function checkCertificateInput(input: {
  UserName?: string | undefined;
  CertificateId: string;
  Status?: string | undefined;
}): void {
  new MemberConstraints()
    .length('certificateId', input.CertificateId, 24, 128)
    .pattern('certificateId', input.CertificateId, CERTIFICATE_ID_PATTERN)
    .length('userName', input.UserName, 1, EXISTING_USER_NAME_MAX)
    .pattern('userName', input.UserName, NAME_PATTERN)
    .oneOf('status', input.Status, STATUSES)
    .throwIfAny();
}

/** AWS's NoSuchEntity for a certificate the owner does not have (recorded: update-nonexistent-certificate-error). */
export function noSuchCertificate(id: string): AwsError {
  return new AwsError('NoSuchEntity', `The Certificate with id ${id} cannot be found.`);
}

/** The owner's signing certificates, as a query to refine or run. */
export function ownerCertificates(
  db: Kysely<Database>,
  ctx: Pick<OperationContext, 'accountId'>,
  owner: KeyOwner,
) {
  const query = db.selectFrom('signing_certificates').where('account_id', '=', ctx.accountId);
  return owner.kind === 'root'
    ? query.where('user_id', 'is', null)
    : query.where('user_id', '=', owner.user.id);
}

/**
 * Serializes uploads per owner on PostgreSQL, where two concurrent transactions could otherwise both count one
 * credential and both add another past the quota. (SQLite runs one write transaction at a time; the store drops
 * FOR UPDATE there.)
 */
export async function lockOwner(
  tx: Transaction<Database>,
  ctx: Pick<OperationContext, 'accountId'>,
  owner: KeyOwner,
): Promise<void> {
  if (owner.kind === 'root') {
    await tx.selectFrom('accounts').select('id').where('id', '=', ctx.accountId).forUpdate().execute();
  } else {
    await tx.selectFrom('users').select('id').where('id', '=', owner.user.id).forUpdate().execute();
  }
}
