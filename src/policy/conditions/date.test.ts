// Date condition operators, as the AWS IAM documentation specifies them (W3C ISO 8601 or epoch seconds; no
// wildcards):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
// The W3C profile of ISO 8601 that page points to: https://www.w3.org/TR/NOTE-datetime
// aws:CurrentTime and aws:EpochTime:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
import { describe, expect, it } from 'vitest';
import { parseDate } from './date.js';
import { conditionTable, rejectedConditionFaults, type ConditionRow } from './test-support/table.js';

const NOW = 'aws:CurrentTime';
const EPOCH = 'aws:EpochTime';
const ISSUED = 'aws:TokenIssueTime';

// prettier-ignore
const rows: readonly ConditionRow[] = [
  { name: 'the same instant is equal', operator: 'DateEquals', key: NOW, values: '2024-02-29T12:00:00Z', context: { [NOW]: '2024-02-29T12:00:00Z' }, expect: true },
  { name: 'one second later is not equal', operator: 'DateEquals', key: NOW, values: '2024-02-29T12:00:00Z', context: { [NOW]: '2024-02-29T12:00:01Z' }, expect: false },
  { name: 'the same instant in another zone is equal', operator: 'DateEquals', key: NOW, values: '2024-02-29T12:00:00Z', context: { [NOW]: '2024-02-29T13:00:00+01:00' }, expect: true },
  { name: 'a policy zone offset is honoured', operator: 'DateEquals', key: NOW, values: '2024-02-29T07:00:00-05:00', context: { [NOW]: '2024-02-29T12:00:00Z' }, expect: true },
  { name: 'minutes without seconds (W3C hh:mmTZD)', operator: 'DateEquals', key: NOW, values: '2024-01-01T10:30Z', context: { [NOW]: '2024-01-01T10:30:00Z' }, expect: true },
  { name: 'epoch seconds equal the same ISO instant', operator: 'DateEquals', key: NOW, values: '1577836800', context: { [NOW]: '2020-01-01T00:00:00Z' }, expect: true },
  { name: 'one of several dates matches (OR)', operator: 'DateEquals', key: NOW, values: ['2024-01-01T00:00:00Z', '2024-07-01T00:00:00Z'], context: { [NOW]: '2024-07-01T00:00:00Z' }, expect: true },

  { name: 'not-equals holds for another instant', operator: 'DateNotEquals', key: NOW, values: '2024-02-29T12:00:00Z', context: { [NOW]: '2024-03-01T00:00:00Z' }, expect: true },
  { name: 'not-equals fails for the same instant', operator: 'DateNotEquals', key: NOW, values: '2024-02-29T12:00:00Z', context: { [NOW]: '2024-02-29T12:00:00Z' }, expect: false },
  { name: 'not-equals holds when the key is missing', operator: 'DateNotEquals', key: NOW, values: '2024-02-29T12:00:00Z', context: {}, expect: true },

  { name: 'less-than holds before', operator: 'DateLessThan', key: NOW, values: '2020-06-30T23:59:59Z', context: { [NOW]: '2020-05-15T12:00:00Z' }, expect: true },
  { name: 'less-than fails at the same instant', operator: 'DateLessThan', key: NOW, values: '2020-06-30T23:59:59Z', context: { [NOW]: '2020-06-30T23:59:59Z' }, expect: false },
  { name: 'less-than compares instants across zones', operator: 'DateLessThan', key: NOW, values: '2024-06-01T00:00:00Z', context: { [NOW]: '2024-06-01T01:30:00+02:00' }, expect: true },
  { name: 'a negative zone offset moves the instant later', operator: 'DateLessThan', key: NOW, values: '2024-06-01T00:00:00Z', context: { [NOW]: '2024-05-31T23:30:00-02:00' }, expect: false },
  { name: 'fractional seconds count', operator: 'DateLessThan', key: NOW, values: '2024-01-01T00:00:00Z', context: { [NOW]: '2023-12-31T23:59:59.500Z' }, expect: true },
  { name: 'less-than-equals holds at the same instant', operator: 'DateLessThanEquals', key: NOW, values: '2025-01-01T00:00:00Z', context: { [NOW]: '2025-01-01T00:00:00Z' }, expect: true },
  { name: 'less-than-equals fails one second later', operator: 'DateLessThanEquals', key: NOW, values: '2025-01-01T00:00:00Z', context: { [NOW]: '2025-01-01T00:00:01Z' }, expect: false },

  { name: 'greater-than holds after', operator: 'DateGreaterThan', key: ISSUED, values: '2020-01-01T00:00:01Z', context: { [ISSUED]: '2020-03-01T10:00:00Z' }, expect: true },
  { name: 'greater-than fails at the same instant', operator: 'DateGreaterThan', key: ISSUED, values: '2020-01-01T00:00:01Z', context: { [ISSUED]: '2020-01-01T00:00:01Z' }, expect: false },
  { name: 'greater-than-equals holds at the same instant', operator: 'DateGreaterThanEquals', key: NOW, values: '2025-01-01T00:00:00Z', context: { [NOW]: '2025-01-01T00:00:00Z' }, expect: true },
  { name: 'greater-than-equals fails one second earlier', operator: 'DateGreaterThanEquals', key: NOW, values: '2025-01-01T00:00:00Z', context: { [NOW]: '2024-12-31T23:59:59Z' }, expect: false },
  { name: 'a date-only policy value (W3C YYYY-MM-DD)', operator: 'DateGreaterThan', key: NOW, values: '2020-01-01', context: { [NOW]: '2021-06-01T00:00:00Z' }, expect: true },
  { name: 'a date-only policy value is not later than itself', operator: 'DateGreaterThan', key: NOW, values: '2020-01-01', context: { [NOW]: '2019-12-31T23:59:59Z' }, expect: false },

  { name: 'epoch policy value against an ISO request value', operator: 'DateGreaterThan', key: NOW, values: '1577836800', context: { [NOW]: '2020-01-01T00:00:01Z' }, expect: true },
  { name: 'ISO policy value against epoch seconds (before)', operator: 'DateLessThan', key: EPOCH, values: '2030-01-01T00:00:00Z', context: { [EPOCH]: '1893455999' }, expect: true },
  { name: 'ISO policy value against epoch seconds (same instant)', operator: 'DateLessThan', key: EPOCH, values: '2030-01-01T00:00:00Z', context: { [EPOCH]: '1893456000' }, expect: false },
  { name: 'epoch against epoch', operator: 'DateLessThan', key: EPOCH, values: '1700000000', context: { [EPOCH]: 1699999999 }, expect: true },

  { name: 'a missing key does not match', operator: 'DateGreaterThan', key: ISSUED, values: '2020-01-01T00:00:01Z', context: {}, expect: false },
  { name: 'IfExists holds when the key is missing', operator: 'DateLessThanIfExists', key: ISSUED, values: '2020-01-01T00:00:00Z', context: {}, expect: true },
  { name: 'IfExists still compares a present key', operator: 'DateLessThanIfExists', key: ISSUED, values: '2020-01-01T00:00:00Z', context: { [ISSUED]: '2021-01-01T00:00:00Z' }, expect: false },
  { name: 'a request value that is not a date is not less', operator: 'DateLessThan', key: NOW, values: '2030-01-01T00:00:00Z', context: { [NOW]: 'yesterday' }, expect: false },
  { name: 'a request value that is not a date is not greater', operator: 'DateGreaterThan', key: NOW, values: '2000-01-01T00:00:00Z', context: { [NOW]: '2024-13-45T99:00:00Z' }, expect: false },
];

conditionTable('Date condition operators', rows);

describe('Date condition values', () => {
  it('rejects a wildcard in a date, which the Date operators do not permit', () => {
    rejectedConditionFaults('DateLessThan', '2024-*', NOW);
  });
});

describe('parseDate', () => {
  it('answers each text by itself, whatever was parsed before it (it remembers the last answer)', () => {
    const texts = [
      '2024-02-29T12:00:00Z',
      'not a date',
      '2024-02-29T12:00:00Z',
      '1709208000',
      '',
      '2024-02-29T12:00:01Z',
    ];
    const once = texts.map((t) => parseDate(t));
    expect(once).toEqual([1709208000000, undefined, 1709208000000, 1709208000000, undefined, 1709208001000]);
    expect(texts.reverse().map((t) => parseDate(t))).toEqual(once.reverse());
  });
});
