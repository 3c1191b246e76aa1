import { AwsError } from '../../errors/aws-error.js';
import { parsePolicy, type PolicyDocument } from '../../policy/index.js';
import { malformedMessage, reportedFault } from '../common/policy-document.js';

// A policy variable: `${key}` or `${key, 'default'}`, where a key is a vendor-prefixed name, as the engine reads
// them (policy/variables.ts). The escapes `${*}`, `${?}` and `${$}` name no key.
const VARIABLE = /\$\{\s*([A-Za-z0-9_.-]+:[A-Za-z0-9_.:/+=@-]+)\s*(?:,\s*'[^']*'\s*)?\}/g;

/**
 * The context keys one policy refers to, in the order they appear: per statement, the variables of its
 * resources, then each condition's key and the variables of its values. Variables count only in version
 * 2012-10-17, the only version that substitutes them. AWS's own example lists `aws:username` from a resource
 * before `aws:CurrentTime` from the condition (AWS CLI reference, get-context-keys-for-custom-policy).
 */
export function contextKeysOf(policy: PolicyDocument): string[] {
  const variables = (texts: readonly string[] | undefined): string[] =>
    policy.version === '2012-10-17'
      ? (texts ?? []).flatMap((text) => [...text.matchAll(VARIABLE)].map((m) => m[1]!))
      : [];
  return policy.statements.flatMap((statement) => [
    ...variables(statement.resource),
    ...variables(statement.notResource),
    ...statement.conditions.flatMap((clause) => [clause.key, ...variables(clause.values)]),
  ]);
}

/**
 * The context keys of several policies, each once. Keys are case-insensitive, so the first spelling met
 * stands for the others.
 */
export function contextKeyNames(policies: readonly PolicyDocument[]): string[] {
  const seen = new Map<string, string>();
  for (const key of policies.flatMap(contextKeysOf)) {
    if (!seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), key);
  }
  return [...seen.values()];
}

/**
 * Parses a policy given as a string. One that does not parse is the caller's error: AWS lists only InvalidInput
 * for the GetContextKeys operations, so that is the code, with the grammar message (as for the simulator).
 */
export function parseInputPolicy(document: string): PolicyDocument {
  const parsed = parsePolicy(document);
  if (parsed.ok) return parsed.policy;
  const fault = reportedFault(parsed.faults);
  throw new AwsError('InvalidInput', fault ? malformedMessage(fault) : 'Syntax errors in policy.');
}
