import { AwsError } from '../../errors/aws-error.js';
import {
  awsMessageFor,
  validatePolicy,
  type FaultCode,
  type PolicyFault,
  type PolicyKind,
} from '../../policy/index.js';

/**
 * Policy documents as IAM's API takes and returns them: validated on the way in (AWS's single
 * `MalformedPolicyDocument` message), and measured against AWS's size quotas. (The protocol codec URL-encodes documents in responses.)
 */

/**
 * A policy's size as AWS counts it against its quotas: characters, not counting white space ("IAM and AWS STS
 * quotas": "IAM doesn't count white space when calculating the size of a policy against these limits").
 */
export function policySize(document: string): number {
  let size = 0;
  for (const ch of document) if (!/\s/u.test(ch)) size++;
  return size;
}

// When a document has several faults AWS reports one. The recorded corpus (shared/aws-reference,
// test_iam_policies invalid documents) shows the order: grammar first, then the version, duplicate Sids,
// missing actions, missing resources, malformed resources, and only then malformed actions.
const RANK: Record<FaultCode, number> = {
  InvalidJson: 0,
  SyntaxError: 1,
  MissingStatement: 1,
  MissingEffect: 1,
  InvalidEffect: 1,
  BothElements: 1,
  UnknownElement: 1,
  ProhibitedElement: 1,
  InvalidSid: 1,
  InvalidPrincipal: 2,
  PrincipalNotAllowed: 2,
  MissingPrincipal: 2,
  UnsupportedVersion: 3,
  VariablesNeedVersion: 3,
  DuplicateSid: 4,
  MissingAction: 5,
  MissingResource: 6,
  InvalidResourceFormat: 7,
  InvalidActionFormat: 8,
  InvalidActionVendor: 8,
  UnknownOperator: 9,
  InvalidConditionValue: 9,
};

// Faults of the document's grammar, for which AWS gives its generic "Syntax errors in policy." message.
const GRAMMAR: ReadonlySet<FaultCode> = new Set([
  'MissingStatement',
  'MissingEffect',
  'InvalidEffect',
  'BothElements',
  'UnknownElement',
  'InvalidSid',
]);

/** The fault AWS reports for a document, or `undefined` when it has none. */
export function reportedFault(faults: readonly PolicyFault[]): PolicyFault | undefined {
  let chosen: PolicyFault | undefined;
  for (const fault of faults)
    if (chosen === undefined || RANK[fault.code] < RANK[chosen.code]) chosen = fault;
  return chosen;
}

/** The `MalformedPolicyDocument` message AWS returns for a fault. */
export function malformedMessage(fault: PolicyFault): string {
  return awsMessageFor(GRAMMAR.has(fault.code) ? { ...fault, code: 'SyntaxError' } : fault);
}

/** What a document must satisfy besides the policy grammar of its kind. */
export interface DocumentRules {
  readonly kind: PolicyKind;
  /** Managed policies must say `"Version": "2012-10-17"` (recorded: CreatePolicy rejects a missing Version). */
  readonly requireCurrentVersion?: boolean;
}

/**
 * Validates a policy document with the policy engine and throws AWS's `MalformedPolicyDocument` with the
 * message AWS gives for the first fault it reports.
 */
export function checkPolicyDocument(document: string, rules: DocumentRules): void {
  const faults = validatePolicy(document, rules.kind);
  const invalidJson = faults.find((f) => f.code === 'InvalidJson');
  if (invalidJson !== undefined) throw new AwsError('MalformedPolicyDocument', malformedMessage(invalidJson));
  const raw = JSON.parse(document) as { Version?: unknown; Statement?: unknown } | null;
  if (rules.requireCurrentVersion && raw?.Version !== '2012-10-17') {
    // AWS checks a managed policy's version before anything else but the JSON (recorded: a missing Version
    // wins over a bad Effect); a Version that is no version at all is a syntax error (recorded).
    const known = raw?.Version === undefined || raw.Version === '2008-10-17';
    throw new AwsError(
      'MalformedPolicyDocument',
      awsMessageFor(known ? versionFault() : syntaxFault('$.Version')),
    );
  }
  const fault = reportedFault(faults);
  if (fault !== undefined) throw new AwsError('MalformedPolicyDocument', malformedMessage(fault));
  if (Array.isArray(raw?.Statement) && raw.Statement.length === 0) {
    // An empty statement list parses, but AWS rejects it (recorded: `"Statement": []`).
    throw new AwsError('MalformedPolicyDocument', awsMessageFor(syntaxFault('$.Statement')));
  }
}

function syntaxFault(path: string): PolicyFault {
  return { path, code: 'SyntaxError', message: 'AWS takes this for a syntax error.' };
}

function versionFault(): PolicyFault {
  return {
    path: '$.Version',
    code: 'UnsupportedVersion',
    message: 'Managed policies need Version 2012-10-17.',
  };
}

/** Throws AWS's `LimitExceeded` when a document is over its quota (white space not counted). */
export function checkPolicySize(document: string, limit: number, message: string): void {
  if (policySize(document) > limit) throw new AwsError('LimitExceeded', message);
}
