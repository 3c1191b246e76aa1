import { AwsError } from '../../errors/aws-error.js';
import type { ContextInput } from '../../policy/index.js';
import type { SimulateCustomPolicyInput } from '../../protocol/models/iam-types.js';
import { MemberConstraints } from '../common/member-constraints.js';

/** AWS's context key types (IAM API reference, `ContextEntry.ContextKeyType`). */
const KEY_TYPES = [
  'string',
  'stringList',
  'numeric',
  'numericList',
  'boolean',
  'booleanList',
  'ip',
  'ipList',
  'binary',
  'binaryList',
  'date',
  'dateList',
] as const;

/** Checks the members both simulation operations share. */
export function checkSimulationMembers(input: Omit<SimulateCustomPolicyInput, 'PolicyInputList'>): void {
  const constraints = new MemberConstraints();
  input.ActionNames.forEach((a, i) => constraints.length(`actionNames.${i + 1}.member`, a, 3, 128));
  (input.ResourceArns ?? []).forEach((r, i) =>
    constraints.length(`resourceArns.${i + 1}.member`, r, 1, 2048),
  );
  (input.ContextEntries ?? []).forEach((e, i) => {
    constraints.length(`contextEntries.${i + 1}.member.contextKeyName`, e.ContextKeyName, 5, 256);
    constraints.oneOf(`contextEntries.${i + 1}.member.contextKeyType`, e.ContextKeyType, KEY_TYPES);
  });
  constraints.throwIfAny();
}

/**
 * The request context the simulation's ContextEntries describe. A key of a list type (`stringList`, …) is
 * multivalued; any other takes its first value.
 */
export function contextFromEntries(
  entries: SimulateCustomPolicyInput['ContextEntries'],
): Record<string, ContextInput> {
  const context: Record<string, ContextInput> = {};
  for (const entry of entries ?? []) {
    if (entry.ContextKeyName === undefined) continue;
    const values = entry.ContextKeyValues ?? [];
    if (entry.ContextKeyType?.endsWith('List')) context[entry.ContextKeyName] = values;
    else if (values.length > 0) context[entry.ContextKeyName] = values[0]!;
  }
  return context;
}

/** The account a ResourceOwner names: an account id, or an ARN whose account part (or root) names it. */
export function ownerAccount(resourceOwner: string | undefined): string | undefined {
  if (resourceOwner === undefined) return undefined;
  if (/^\d{12}$/.test(resourceOwner)) return resourceOwner;
  const account = resourceOwner.split(':')[4];
  if (account === undefined || !/^\d{12}/.test(account)) {
    throw new AwsError('InvalidInput', `Invalid ResourceOwner ${resourceOwner}.`);
  }
  return account.slice(0, 12);
}
