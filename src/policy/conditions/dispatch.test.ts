// The dispatcher: set operators over multivalued keys, IfExists, missing keys and negated operators, as the AWS
// IAM documentation specifies them.
// ForAllValues holds when every request value matches and when the key is missing or empty; ForAnyValue needs one
// matching value and fails for a missing or empty key:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
// The tables of outcomes for ForAllValues:StringNotLike and friends:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
// A negated operator holds for a missing key, a positive one fails, and ...IfExists holds:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, it } from 'vitest';
import {
  compilePolicyOrThrow,
  createPolicySet,
  createRequest,
  evaluate,
  parseOperatorName,
} from '../index.js';
import {
  conditionPolicy,
  conditionTable,
  TABLE_ACTION,
  TABLE_PRINCIPAL,
  type ConditionRow,
} from './test-support/table.js';

const TAGS = 'aws:TagKeys';
const TWO = ['environment', 'cost-center'];

// prettier-ignore
const rows: readonly ConditionRow[] = [
  // ForAllValues: every request value must match a policy value; a missing or empty key holds vacuously.
  { name: 'ForAllValues holds when every value is listed', operator: 'ForAllValues:StringEquals', key: TAGS, values: TWO, context: { [TAGS]: ['environment', 'cost-center'] }, expect: true },
  { name: 'ForAllValues holds for a subset', operator: 'ForAllValues:StringEquals', key: TAGS, values: TWO, context: { [TAGS]: ['environment'] }, expect: true },
  { name: 'ForAllValues fails when one value is not listed', operator: 'ForAllValues:StringEquals', key: TAGS, values: TWO, context: { [TAGS]: ['environment', 'owner'] }, expect: false },
  { name: 'ForAllValues holds when the key is missing', operator: 'ForAllValues:StringEquals', key: TAGS, values: TWO, context: {}, expect: true },
  { name: 'ForAllValues holds when the key has no values', operator: 'ForAllValues:StringEquals', key: TAGS, values: TWO, context: { [TAGS]: [] }, expect: true },
  { name: 'ForAllValues with wildcards', operator: 'ForAllValues:StringLike', key: TAGS, values: 'Created*', context: { [TAGS]: ['CreatedBy', 'CreatedAt'] }, expect: true },
  { name: 'ForAllValues over ARNs fails for one foreign account', operator: 'ForAllValues:ArnLike', key: 'logs:LogGeneratingResourceArns', values: 'arn:aws:cloudfront::111122223333:distribution/*', context: { 'logs:LogGeneratingResourceArns': ['arn:aws:cloudfront::111122223333:distribution/E1', 'arn:aws:cloudfront::777788889999:distribution/E3'] }, expect: false },
  { name: 'ForAllValues over a single value', operator: 'ForAllValues:StringEquals', key: 'aws:RequestTag/env', values: 'dev', context: { 'aws:RequestTag/env': 'prod' }, expect: false },

  // ForAnyValue: at least one request value must match; a missing or empty key fails.
  { name: 'ForAnyValue holds when one value is listed', operator: 'ForAnyValue:StringEquals', key: TAGS, values: TWO, context: { [TAGS]: ['environment', 'owner'] }, expect: true },
  { name: 'ForAnyValue fails when no value is listed', operator: 'ForAnyValue:StringEquals', key: TAGS, values: TWO, context: { [TAGS]: ['owner', 'project'] }, expect: false },
  { name: 'ForAnyValue fails when the key is missing', operator: 'ForAnyValue:StringEquals', key: TAGS, values: TWO, context: {}, expect: false },
  { name: 'ForAnyValue fails when the key has no values', operator: 'ForAnyValue:StringEquals', key: TAGS, values: TWO, context: { [TAGS]: [] }, expect: false },
  { name: 'ForAnyValue with ignore-case', operator: 'ForAnyValue:StringEqualsIgnoreCase', key: TAGS, values: 'Owner', context: { [TAGS]: ['owner'] }, expect: true },
  { name: 'ForAnyValue with wildcards', operator: 'ForAnyValue:StringLike', key: 'aws:PrincipalOrgPaths', values: 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*', context: { 'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-33333333/', 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/ou-ab12-22222222/'] }, expect: true },

  // Negated operators under set qualifiers: negation applies to each request value.
  { name: 'ForAllValues:StringNotLike fails when a value has the prefix', operator: 'ForAllValues:StringNotLike', key: TAGS, values: 'key1*', context: { [TAGS]: ['key1:legal'] }, expect: false },
  { name: 'ForAllValues:StringNotLike fails when every value has the prefix', operator: 'ForAllValues:StringNotLike', key: TAGS, values: 'key1*', context: { [TAGS]: ['key1:hr', 'key1:personnel'] }, expect: false },
  { name: 'ForAllValues:StringNotLike holds when no value has the prefix', operator: 'ForAllValues:StringNotLike', key: TAGS, values: 'key1*', context: { [TAGS]: ['key2:audit'] }, expect: true },
  { name: 'ForAllValues:StringNotLike fails when one of several values has the prefix', operator: 'ForAllValues:StringNotLike', key: TAGS, values: 'sys-*', context: { [TAGS]: ['user-a', 'sys-b'] }, expect: false },
  { name: 'ForAllValues:StringNotLike holds when the key is missing', operator: 'ForAllValues:StringNotLike', key: TAGS, values: 'key1*', context: {}, expect: true },
  { name: 'ForAllValues:StringNotLike NORs several patterns per value', operator: 'ForAllValues:StringNotLike', key: TAGS, values: ['key1*', 'key2*'], context: { [TAGS]: ['key3:x', 'key2:y'] }, expect: false },
  { name: 'ForAnyValue:StringNotEquals fails when every value is listed', operator: 'ForAnyValue:StringNotEquals', key: TAGS, values: ['team', 'owner'], context: { [TAGS]: ['team', 'owner'] }, expect: false },
  { name: 'ForAnyValue:StringNotEquals holds when one value is not listed', operator: 'ForAnyValue:StringNotEquals', key: TAGS, values: ['team', 'owner'], context: { [TAGS]: ['team', 'project'] }, expect: true },
  { name: 'ForAnyValue:StringNotEquals fails when the key is missing', operator: 'ForAnyValue:StringNotEquals', key: TAGS, values: ['team', 'owner'], context: {}, expect: false },
  // An empty string is a "null dataset" to the set operators (examples of multivalued context keys), and an
  // ordinary value to the others.
  { name: 'ForAllValues holds when the value is an empty string', operator: 'ForAllValues:StringEquals', key: TAGS, values: TWO, context: { [TAGS]: '' }, expect: true },
  { name: 'ForAnyValue fails when the value is an empty string', operator: 'ForAnyValue:StringEquals', key: TAGS, values: ['', 'owner'], context: { [TAGS]: '' }, expect: false },
  { name: 'ForAnyValue:StringNotEquals fails when the value is an empty string', operator: 'ForAnyValue:StringNotEquals', key: TAGS, values: 'secret', context: { [TAGS]: '' }, expect: false },
  { name: 'ForAnyValue…IfExists fails when the value is an empty string', operator: 'ForAnyValue:StringEqualsIfExists', key: TAGS, values: 'owner', context: { [TAGS]: '' }, expect: false },
  { name: 'a plain operator compares an empty string as a value', operator: 'StringEquals', key: 's3:prefix', values: ['', 'home/'], context: { 's3:prefix': '' }, expect: true },
  { name: 'a plain negated operator compares an empty string as a value', operator: 'StringNotEquals', key: 's3:prefix', values: 'home/', context: { 's3:prefix': '' }, expect: true },
  { name: 'ForAnyValue:StringNotLike holds when one value lacks the prefix', operator: 'ForAnyValue:StringNotLike', key: TAGS, values: 'sys-*', context: { [TAGS]: ['sys-a', 'user-b'] }, expect: true },

  // Missing keys without a qualifier: positive operators fail, negated ones hold.
  { name: 'a positive operator fails for a missing key', operator: 'StringLike', key: 'aws:PrincipalTag/team', values: '*', context: {}, expect: false },
  { name: 'StringNotEquals holds for a missing key', operator: 'StringNotEquals', key: 'aws:PrincipalTag/team', values: 'temp', context: {}, expect: true },
  { name: 'NumericNotEquals holds for a missing key', operator: 'NumericNotEquals', key: 's3:max-keys', values: '10', context: {}, expect: true },
  { name: 'DateNotEquals holds for a missing key', operator: 'DateNotEquals', key: 'aws:CurrentTime', values: '2024-01-01T00:00:00Z', context: {}, expect: true },
  { name: 'NotIpAddress holds for a missing key', operator: 'NotIpAddress', key: 'aws:SourceIp', values: '10.0.0.0/8', context: {}, expect: true },
  { name: 'ArnNotLike holds for a missing key', operator: 'ArnNotLike', key: 'aws:SourceArn', values: 'arn:aws:s3:::*', context: {}, expect: true },

  // IfExists: holds for a missing key, otherwise the operator decides.
  { name: 'IfExists holds for a missing key', operator: 'StringEqualsIfExists', key: 'ec2:InstanceType', values: 't2.micro', context: {}, expect: true },
  { name: 'IfExists holds for a present matching key', operator: 'StringEqualsIfExists', key: 'ec2:InstanceType', values: 't2.micro', context: { 'ec2:InstanceType': 't2.micro' }, expect: true },
  { name: 'IfExists fails for a present non-matching key', operator: 'StringEqualsIfExists', key: 'ec2:InstanceType', values: 't2.micro', context: { 'ec2:InstanceType': 'm5.large' }, expect: false },
  { name: 'negated IfExists fails for a present equal key', operator: 'StringNotEqualsIfExists', key: 'ec2:InstanceType', values: 't2.micro', context: { 'ec2:InstanceType': 't2.micro' }, expect: false },
  // A set operator's rule for a missing key wins over IfExists (re:Post "ForAnyValue:StringEqualsIfExists behaving
  // unexpectedly", tested on AWS; the CloudFormation user guide's example adds a Null deny for that reason).
  { name: 'ForAnyValue…IfExists fails for a missing key', operator: 'ForAnyValue:StringEqualsIfExists', key: TAGS, values: 'team', context: {}, expect: false },
  { name: 'ForAnyValue with a negated …IfExists fails for a missing key', operator: 'ForAnyValue:StringNotLikeIfExists', key: TAGS, values: 'team*', context: {}, expect: false },
  { name: 'ForAllValues…IfExists holds for a missing key', operator: 'ForAllValues:StringEqualsIfExists', key: TAGS, values: 'team', context: {}, expect: true },
  { name: 'IfExists under ForAllValues compares present values', operator: 'ForAllValues:StringLikeIfExists', key: TAGS, values: 'a*', context: { [TAGS]: ['a1', 'b1'] }, expect: false },
  { name: 'key names are case-insensitive under set operators', operator: 'ForAnyValue:StringEquals', key: 'AWS:TAGKEYS', values: 'environment', context: { 'aws:tagkeys': ['environment'] }, expect: true },
];

conditionTable('Dispatcher: set operators, IfExists and missing keys', rows);

describe('parseOperatorName', () => {
  it('takes apart a qualifier, a base operator and IfExists', () => {
    const parsed = parseOperatorName('ForAnyValue:StringLikeIfExists');
    expect('fault' in parsed).toBe(false);
    if ('fault' in parsed) return;
    expect(parsed.qualifier).toBe('ForAnyValue');
    expect(parsed.base.name).toBe('StringLike');
    expect(parsed.ifExists).toBe(true);
  });

  it('reads the negation from the operator, not from its name', () => {
    const notIp = parseOperatorName('NotIpAddress');
    const ip = parseOperatorName('IpAddress');
    if ('fault' in notIp || 'fault' in ip) throw new Error('both operators exist');
    expect([notIp.base.negated, ip.base.negated]).toEqual([true, false]);
    expect(notIp.qualifier).toBe('none');
    expect(notIp.ifExists).toBe(false);
  });

  it('rejects an unknown operator', () => {
    expect(parseOperatorName('StringEqualz')).toHaveProperty('fault');
    expect(parseOperatorName('ForSomeValues:StringEquals')).toHaveProperty('fault');
  });

  it('rejects Null with IfExists', () => {
    expect(parseOperatorName('NullIfExists')).toHaveProperty('fault');
  });
});

describe('missing context keys', () => {
  function decide(operator: string, context: Record<string, string | string[]>) {
    const policy = compilePolicyOrThrow(conditionPolicy(operator, 'aws:PrincipalTag/Team', 'blue'), 'p');
    const request = createRequest({ principal: TABLE_PRINCIPAL, action: TABLE_ACTION, context });
    return evaluate(createPolicySet({ identity: [policy] }), request);
  }

  it('reports a key the condition asked for and the request lacked, as the policy writes it', () => {
    expect(decide('StringEquals', {}).missingContextKeys).toEqual(['aws:PrincipalTag/Team']);
  });

  it('reports the key even when IfExists lets the condition hold', () => {
    const decision = decide('StringEqualsIfExists', {});
    expect(decision.decision).toBe('allowed');
    expect(decision.missingContextKeys).toEqual(['aws:PrincipalTag/Team']);
  });

  it('reports nothing when the request has the key', () => {
    expect(decide('StringEquals', { 'aws:principaltag/team': 'red' }).missingContextKeys).toEqual([]);
  });
});
