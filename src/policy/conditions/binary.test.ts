// The BinaryEquals condition operator, as the AWS IAM documentation specifies it (base-64 encoded values):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
// IfExists and missing keys:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
import { conditionTable, type ConditionRow } from './test-support/table.js';

const DATA = 'test:BinaryData';
// The example value on the AWS page: base64 of `BinaryValueInBase64`.
const DOC_VALUE = 'QmluYXJ5VmFsdWVJbkJhc2U2NA==';

// prettier-ignore
const rows: readonly ConditionRow[] = [
  { name: 'the same base64 value matches', operator: 'BinaryEquals', key: DATA, values: DOC_VALUE, context: { [DATA]: DOC_VALUE }, expect: true },
  { name: 'a value differing in its last byte does not match', operator: 'BinaryEquals', key: DATA, values: DOC_VALUE, context: { [DATA]: 'QmluYXJ5VmFsdWVJbkJhc2U2NQ==' }, expect: false },
  { name: 'base64 is case-sensitive', operator: 'BinaryEquals', key: DATA, values: DOC_VALUE, context: { [DATA]: 'qmluYXJ5VmFsdWVJbkJhc2U2NA==' }, expect: false },
  { name: 'a prefix of the bytes does not match', operator: 'BinaryEquals', key: DATA, values: DOC_VALUE, context: { [DATA]: 'QmluYXJ5' }, expect: false },
  { name: 'small binary values (bytes 0, 1, 2)', operator: 'BinaryEquals', key: DATA, values: 'AAEC', context: { [DATA]: 'AAEC' }, expect: true },
  { name: 'small binary values differ (bytes 0, 1, 3)', operator: 'BinaryEquals', key: DATA, values: 'AAEC', context: { [DATA]: 'AAED' }, expect: false },
  { name: 'high bytes compare exactly (0xff)', operator: 'BinaryEquals', key: DATA, values: '/w==', context: { [DATA]: '/w==' }, expect: true },
  { name: 'high bytes compare exactly (0xff vs 0xfe)', operator: 'BinaryEquals', key: DATA, values: '/w==', context: { [DATA]: '/g==' }, expect: false },
  { name: 'one of several values matches (OR)', operator: 'BinaryEquals', key: DATA, values: ['AAEC', DOC_VALUE], context: { [DATA]: DOC_VALUE }, expect: true },
  { name: 'none of several values matches', operator: 'BinaryEquals', key: DATA, values: ['AAEC', '/w=='], context: { [DATA]: DOC_VALUE }, expect: false },
  { name: 'key names are case-insensitive', operator: 'BinaryEquals', key: 'TEST:BINARYDATA', values: DOC_VALUE, context: { 'test:binarydata': DOC_VALUE }, expect: true },
  { name: 'a missing key does not match', operator: 'BinaryEquals', key: DATA, values: DOC_VALUE, context: {}, expect: false },
  { name: 'IfExists holds when the key is missing', operator: 'BinaryEqualsIfExists', key: DATA, values: DOC_VALUE, context: {}, expect: true },
  { name: 'IfExists still compares a present key', operator: 'BinaryEqualsIfExists', key: DATA, values: DOC_VALUE, context: { [DATA]: 'AAEC' }, expect: false },
  { name: 'a request value that is not base64 does not match', operator: 'BinaryEquals', key: DATA, values: DOC_VALUE, context: { [DATA]: 'not base64!' }, expect: false },
  { name: 'ForAnyValue over several binary values', operator: 'ForAnyValue:BinaryEquals', key: DATA, values: DOC_VALUE, context: { [DATA]: ['AAEC', DOC_VALUE] }, expect: true },
  { name: 'ForAllValues fails when one binary value is not listed', operator: 'ForAllValues:BinaryEquals', key: DATA, values: DOC_VALUE, context: { [DATA]: ['AAEC', DOC_VALUE] }, expect: false },
];

conditionTable('BinaryEquals condition operator', rows);
