import { toCloudTrailShape } from './cloudtrail-shape.js';

/**
 * What never enters the audit trail. One declarative table: per operation, the members of its input
 * (`request`) and of its output (`response`) that CloudTrail leaves out of an event, named by their model paths
 * (`Credentials.SessionToken`). `redact` applies it, in one place, before an input or output is recorded.
 *
 * CloudTrail itself omits these (its example events show CreateAccessKey's `accessKey` without the secret,
 * CreateVirtualMFADevice without the seed or QR code, CreateLoginProfile without the password). For the STS
 * credential calls CloudTrail's examples do show `credentials.sessionToken`; iamd leaves it out too, since a
 * session token is a bearer secret (docs/audit.md lists this difference).
 *
 * As a second line, a member whose name is in SECRET_MEMBERS is dropped wherever it appears, in any operation,
 * so an operation added later without a table entry still cannot leak one.
 */

/** The redacted members of one operation. */
export interface Redaction {
  readonly request?: readonly string[];
  readonly response?: readonly string[];
}

const STS_CREDENTIALS = ['Credentials.SecretAccessKey', 'Credentials.SessionToken'] as const;

/** The table: operation name → members removed from its event. */
export const REDACTIONS: Readonly<Record<string, Redaction>> = {
  CreateAccessKey: { response: ['AccessKey.SecretAccessKey'] },
  CreateLoginProfile: { request: ['Password'] },
  UpdateLoginProfile: { request: ['Password'] },
  ChangePassword: { request: ['OldPassword', 'NewPassword'] },
  CreateVirtualMFADevice: { response: ['VirtualMFADevice.Base32StringSeed', 'VirtualMFADevice.QRCodePNG'] },
  EnableMFADevice: { request: ['AuthenticationCode1', 'AuthenticationCode2'] },
  ResyncMFADevice: { request: ['AuthenticationCode1', 'AuthenticationCode2'] },
  UploadServerCertificate: { request: ['PrivateKey'] },
  CreateServiceSpecificCredential: { response: ['ServiceSpecificCredential.ServicePassword'] },
  ResetServiceSpecificCredential: { response: ['ServiceSpecificCredential.ServicePassword'] },
  AssumeRole: { request: ['TokenCode'], response: STS_CREDENTIALS },
  AssumeRoleWithSAML: { request: ['SAMLAssertion'], response: STS_CREDENTIALS },
  AssumeRoleWithWebIdentity: { request: ['WebIdentityToken'], response: STS_CREDENTIALS },
  AssumeRoot: { response: STS_CREDENTIALS },
  GetSessionToken: { request: ['TokenCode'], response: STS_CREDENTIALS },
  GetFederationToken: { response: STS_CREDENTIALS },
  DecodeAuthorizationMessage: { response: ['DecodedMessage'] },
};

/** Member names that are secret in every operation (the backstop described above). */
export const SECRET_MEMBERS: ReadonlySet<string> = new Set([
  'SecretAccessKey',
  'SessionToken',
  'Password',
  'OldPassword',
  'NewPassword',
  'Base32StringSeed',
  'QRCodePNG',
  'AuthenticationCode1',
  'AuthenticationCode2',
  'TokenCode',
  'PrivateKey',
  'SAMLAssertion',
  'WebIdentityToken',
  'ServicePassword',
]);

/**
 * The input (`request`) or output (`response`) of `operation` as an event records it: without the table's members
 * for the operation nor any SECRET_MEMBERS, in CloudTrail's shape (cloudtrail-shape.ts). The one place redaction is
 * applied. Never mutates `value`.
 */
export function redact(operation: string, part: 'request' | 'response', value: unknown): unknown {
  return toCloudTrailShape(redactByTable(operation, part, value), SECRET_MEMBERS);
}

/** The table's part of `redact`: only the members REDACTIONS names for the operation. */
export function redactByTable(operation: string, part: 'request' | 'response', value: unknown): unknown {
  let out = value;
  for (const path of REDACTIONS[operation]?.[part] ?? []) out = without(out, path.split('.'));
  return out;
}

function without(value: unknown, path: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => without(item, path));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const [head, ...rest] = path;
  if (head === undefined || !(head in value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(copy[head], rest);
  return copy;
}
