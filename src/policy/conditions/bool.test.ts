// The Bool condition operator, as the AWS IAM documentation specifies it:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
// A missing key makes Bool false and BoolIfExists true (the aws:MultiFactorAuthPresent discussion):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
// Condition values may be JSON booleans (policy grammar):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
import { conditionTable, type ConditionRow } from './test-support/table.js';

const TLS = 'aws:SecureTransport';
const MFA = 'aws:MultiFactorAuthPresent';

// prettier-ignore
const rows: readonly ConditionRow[] = [
  { name: 'true matches true', operator: 'Bool', key: TLS, values: 'true', context: { [TLS]: 'true' }, expect: true },
  { name: 'true does not match false', operator: 'Bool', key: TLS, values: 'true', context: { [TLS]: 'false' }, expect: false },
  { name: 'false matches false', operator: 'Bool', key: TLS, values: 'false', context: { [TLS]: 'false' }, expect: true },
  { name: 'false does not match true', operator: 'Bool', key: TLS, values: 'false', context: { [TLS]: 'true' }, expect: false },
  { name: 'a JSON true in the policy matches true', operator: 'Bool', key: TLS, values: true, context: { [TLS]: 'true' }, expect: true },
  { name: 'a JSON true in the policy does not match false', operator: 'Bool', key: TLS, values: true, context: { [TLS]: 'false' }, expect: false },
  { name: 'a JSON false in the policy matches false', operator: 'Bool', key: MFA, values: false, context: { [MFA]: 'false' }, expect: true },
  { name: 'a boolean given in the request context', operator: 'Bool', key: TLS, values: 'true', context: { [TLS]: true }, expect: true },
  { name: 'key names are case-insensitive', operator: 'Bool', key: 'AWS:SECURETRANSPORT', values: 'true', context: { 'aws:securetransport': 'true' }, expect: true },
  { name: 'a list of values is ORed', operator: 'Bool', key: TLS, values: ['true', 'false'], context: { [TLS]: 'false' }, expect: true },
  { name: 'Bool true fails when the key is missing', operator: 'Bool', key: MFA, values: 'true', context: {}, expect: false },
  { name: 'Bool false also fails when the key is missing', operator: 'Bool', key: MFA, values: 'false', context: {}, expect: false },
  { name: 'BoolIfExists false holds when the key is missing', operator: 'BoolIfExists', key: MFA, values: 'false', context: {}, expect: true },
  { name: 'BoolIfExists true holds when the key is missing', operator: 'BoolIfExists', key: MFA, values: 'true', context: {}, expect: true },
  { name: 'BoolIfExists false fails when MFA was used', operator: 'BoolIfExists', key: MFA, values: 'false', context: { [MFA]: 'true' }, expect: false },
  { name: 'BoolIfExists false holds when MFA was not used', operator: 'BoolIfExists', key: MFA, values: 'false', context: { [MFA]: 'false' }, expect: true },
  { name: 'a request value that is not a boolean matches neither', operator: 'Bool', key: TLS, values: ['true', 'false'], context: { [TLS]: 'yes' }, expect: false },
];

conditionTable('Bool condition operator', rows);
