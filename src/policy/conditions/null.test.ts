// The Null condition operator, as the AWS IAM documentation specifies it: `true` when the key is absent, `false`
// when it is present and not null; no IfExists form ("...IfExists ... except the Null condition"):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
// A Null check with `false` keeps a missing key, or a multivalued key with no values, from passing:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
import { describe, it } from 'vitest';
import { conditionTable, rejectedConditionFaults, type ConditionRow } from './test-support/table.js';

const ISSUED = 'aws:TokenIssueTime';
const TAGS = 'aws:TagKeys';

// prettier-ignore
const rows: readonly ConditionRow[] = [
  { name: 'true holds when the key is absent', operator: 'Null', key: ISSUED, values: 'true', context: {}, expect: true },
  { name: 'true fails when the key is present', operator: 'Null', key: ISSUED, values: 'true', context: { [ISSUED]: '2024-01-01T00:00:00Z' }, expect: false },
  { name: 'false holds when the key is present', operator: 'Null', key: ISSUED, values: 'false', context: { [ISSUED]: '2024-01-01T00:00:00Z' }, expect: true },
  { name: 'false fails when the key is absent', operator: 'Null', key: ISSUED, values: 'false', context: {}, expect: false },
  { name: 'a present key counts whatever its value', operator: 'Null', key: 'aws:MultiFactorAuthPresent', values: 'false', context: { 'aws:MultiFactorAuthPresent': 'false' }, expect: true },
  { name: 'a present key is not null even when its value is "true"', operator: 'Null', key: 'aws:MultiFactorAuthPresent', values: 'true', context: { 'aws:MultiFactorAuthPresent': 'true' }, expect: false },
  { name: 'key names are case-insensitive (present)', operator: 'Null', key: 'AWS:TOKENISSUETIME', values: 'false', context: { 'aws:tokenissuetime': '2024-01-01T00:00:00Z' }, expect: true },
  { name: 'key names are case-insensitive (absent)', operator: 'Null', key: 'AWS:TOKENISSUETIME', values: 'true', context: { 'aws:tokenissuetime': '2024-01-01T00:00:00Z' }, expect: false },
  { name: 'another key does not count as present', operator: 'Null', key: 'aws:RequestTag/env', values: 'true', context: { 'aws:RequestTag/owner': 'alice' }, expect: true },
  { name: 'a JSON true in the policy', operator: 'Null', key: ISSUED, values: true, context: {}, expect: true },
  { name: 'a JSON false in the policy', operator: 'Null', key: ISSUED, values: false, context: {}, expect: false },
  { name: 'a multivalued key with values is present', operator: 'Null', key: TAGS, values: 'false', context: { [TAGS]: ['environment'] }, expect: true },
  { name: 'a multivalued key with values is not null', operator: 'Null', key: TAGS, values: 'true', context: { [TAGS]: ['environment'] }, expect: false },
  { name: 'an empty multivalued key does not pass a false check', operator: 'Null', key: TAGS, values: 'false', context: { [TAGS]: [] }, expect: false },
  { name: 'an empty multivalued key is null', operator: 'Null', key: TAGS, values: 'true', context: { [TAGS]: [] }, expect: true },
  { name: 'both values listed hold either way (OR), absent', operator: 'Null', key: ISSUED, values: ['true', 'false'], context: {}, expect: true },
  { name: 'both values listed hold either way (OR), present', operator: 'Null', key: ISSUED, values: ['true', 'false'], context: { [ISSUED]: '2024-01-01T00:00:00Z' }, expect: true },
];

conditionTable('Null condition operator', rows);

describe('Null operator names', () => {
  it('rejects NullIfExists, since IfExists applies to every operator except Null', () => {
    rejectedConditionFaults('NullIfExists', 'true', ISSUED);
  });
});
