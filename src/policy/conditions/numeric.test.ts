// Numeric condition operators, as the AWS IAM documentation specifies them:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
// Condition values may be JSON numbers (policy grammar):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// Several values for one key are ORed, and NORed for a negated operator; IfExists holds for a missing key:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
import { conditionTable, type ConditionRow } from './test-support/table.js';

const MAX = 's3:max-keys';

// prettier-ignore
const rows: readonly ConditionRow[] = [
  { name: 'equal integers match', operator: 'NumericEquals', key: MAX, values: '10', context: { [MAX]: '10' }, expect: true },
  { name: 'unequal integers do not match', operator: 'NumericEquals', key: MAX, values: '10', context: { [MAX]: '11' }, expect: false },
  { name: 'numbers compare by value, not text', operator: 'NumericEquals', key: MAX, values: '10', context: { [MAX]: '10.0' }, expect: true },
  { name: 'decimal values are compared', operator: 'NumericEquals', key: MAX, values: '2.5', context: { [MAX]: '2.50' }, expect: true },
  { name: 'one of several values matches (OR)', operator: 'NumericEquals', key: MAX, values: ['1', '2', '3'], context: { [MAX]: '2' }, expect: true },
  { name: 'a JSON number in the policy', operator: 'NumericEquals', key: MAX, values: 10, context: { [MAX]: '10' }, expect: true },
  { name: 'a number given in the request context', operator: 'NumericEquals', key: MAX, values: '10', context: { [MAX]: 10 }, expect: true },
  { name: 'key names are case-insensitive', operator: 'NumericEquals', key: 'S3:Max-Keys', values: '10', context: { [MAX]: '10' }, expect: true },

  { name: 'not-equals holds for another number', operator: 'NumericNotEquals', key: MAX, values: '10', context: { [MAX]: '11' }, expect: true },
  { name: 'not-equals fails for the same number', operator: 'NumericNotEquals', key: MAX, values: '10', context: { [MAX]: '10' }, expect: false },
  { name: 'not-equals fails when equal to any value (NOR)', operator: 'NumericNotEquals', key: MAX, values: ['10', '20'], context: { [MAX]: '20' }, expect: false },
  { name: 'not-equals holds when the key is missing', operator: 'NumericNotEquals', key: MAX, values: '10', context: {}, expect: true },

  { name: 'less-than holds below', operator: 'NumericLessThan', key: MAX, values: '10', context: { [MAX]: '9' }, expect: true },
  { name: 'less-than fails when equal', operator: 'NumericLessThan', key: MAX, values: '10', context: { [MAX]: '10' }, expect: false },
  { name: 'less-than compares numerically (9 < 10)', operator: 'NumericLessThan', key: MAX, values: '10', context: { [MAX]: '9.99' }, expect: true },
  { name: 'less-than compares numerically (100 > 20)', operator: 'NumericLessThan', key: MAX, values: '20', context: { [MAX]: '100' }, expect: false },
  { name: 'less-than with decimals', operator: 'NumericLessThan', key: MAX, values: '1.5', context: { [MAX]: '1.25' }, expect: true },
  { name: 'less-than with negative numbers', operator: 'NumericLessThan', key: MAX, values: '-4', context: { [MAX]: '-5' }, expect: true },
  { name: 'less-than-equals holds when equal', operator: 'NumericLessThanEquals', key: MAX, values: '10', context: { [MAX]: '10' }, expect: true },
  { name: 'less-than-equals fails above', operator: 'NumericLessThanEquals', key: MAX, values: '10', context: { [MAX]: '11' }, expect: false },

  { name: 'greater-than holds above', operator: 'NumericGreaterThan', key: MAX, values: '10', context: { [MAX]: '11' }, expect: true },
  { name: 'greater-than fails when equal', operator: 'NumericGreaterThan', key: MAX, values: '10', context: { [MAX]: '10' }, expect: false },
  { name: 'greater-than-equals holds when equal', operator: 'NumericGreaterThanEquals', key: MAX, values: '10', context: { [MAX]: '10' }, expect: true },
  { name: 'greater-than-equals fails below', operator: 'NumericGreaterThanEquals', key: MAX, values: '10', context: { [MAX]: '9' }, expect: false },
  { name: 'greater-than holds against any one of several values (OR)', operator: 'NumericGreaterThan', key: MAX, values: ['100', '5'], context: { [MAX]: '50' }, expect: true },

  { name: 'a missing key does not match', operator: 'NumericLessThan', key: MAX, values: '10', context: {}, expect: false },
  { name: 'IfExists holds when the key is missing', operator: 'NumericLessThanEqualsIfExists', key: MAX, values: '10', context: {}, expect: true },
  { name: 'IfExists still compares a present key', operator: 'NumericLessThanEqualsIfExists', key: MAX, values: '10', context: { [MAX]: '11' }, expect: false },
  { name: 'a request value that is not a number does not match', operator: 'NumericEquals', key: MAX, values: '10', context: { [MAX]: 'ten' }, expect: false },
  { name: 'a request value that is not a number is not less', operator: 'NumericLessThan', key: MAX, values: '10', context: { [MAX]: 'abc' }, expect: false },
  { name: 'a request value that is not a number is not greater', operator: 'NumericGreaterThan', key: MAX, values: '10', context: { [MAX]: '' }, expect: false },
];

conditionTable('Numeric condition operators', rows);
