/**
 * Faults found while parsing or validating a policy. Validation collects every fault, each with the JSON path
 * of the element at fault, so a user can fix a document in one pass.
 */

/**
 * What is wrong, as a stable code. Each code maps to one of AWS's `MalformedPolicyDocument` messages
 * (see `awsMessageFor`).
 */
export type FaultCode =
  | 'InvalidJson'
  | 'SyntaxError'
  | 'UnsupportedVersion'
  | 'MissingStatement'
  | 'MissingEffect'
  | 'InvalidEffect'
  | 'MissingAction'
  | 'MissingResource'
  | 'BothElements'
  | 'InvalidActionFormat'
  | 'InvalidActionVendor'
  | 'InvalidResourceFormat'
  | 'InvalidPrincipal'
  | 'PrincipalNotAllowed'
  | 'MissingPrincipal'
  | 'DuplicateSid'
  | 'InvalidSid'
  | 'UnknownOperator'
  | 'InvalidConditionValue'
  | 'UnknownElement'
  | 'ProhibitedElement'
  | 'VariablesNeedVersion';

/** One fault: where it is, what it is, and a one-sentence message with user input in backticks. */
export interface PolicyFault {
  /** A JSON path into the document, e.g. `$.Statement[1].Action[0]`. */
  readonly path: string;
  readonly code: FaultCode;
  readonly message: string;
}

const AWS_MESSAGES: Partial<Record<FaultCode, string>> = {
  InvalidJson: 'This policy contains invalid Json',
  SyntaxError: 'Syntax errors in policy.',
  UnsupportedVersion: 'Policy document must be version 2012-10-17 or greater.',
  VariablesNeedVersion: 'Policy document must be version 2012-10-17 or greater.',
  MissingAction: 'Policy statement must contain actions.',
  MissingResource: 'Policy statement must contain resources.',
  DuplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  InvalidActionFormat: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  // The recorded corpus (shared/aws-reference, CreatePolicy invalid documents): an unknown operator is a syntax
  // error; a misspelt Effect or an unreadable condition value fails AWS's "legacy parsing".
  UnknownOperator: 'Syntax errors in policy.',
  InvalidPrincipal: 'Syntax errors in policy.',
  InvalidEffect: 'The policy failed legacy parsing',
  InvalidConditionValue: 'The policy failed legacy parsing',
  PrincipalNotAllowed: 'Policy document should not specify a principal.',
  MissingPrincipal: 'Missing required field Principal',
};

/**
 * The message AWS's `MalformedPolicyDocument` error carries for this fault.
 * Faults whose AWS text names the offending value (resources, vendors) reuse the fault's own message.
 */
export function awsMessageFor(fault: PolicyFault): string {
  return AWS_MESSAGES[fault.code] ?? fault.message;
}

/** Thrown by the `…OrThrow` entry points; carries every fault that was found. */
export class PolicyValidationError extends Error {
  readonly faults: readonly PolicyFault[];

  constructor(faults: readonly PolicyFault[]) {
    super(faults.map((f) => `${f.path}: ${f.message}`).join('\n') || 'invalid policy');
    this.name = 'PolicyValidationError';
    this.faults = faults;
  }
}
