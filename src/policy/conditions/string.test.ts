// String condition operators, as the AWS IAM documentation specifies them:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
// Key names are case-insensitive, value case depends on the operator:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// Several values for one key are ORed, and NORed for a negated operator:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
// Policy variables in condition values:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import { conditionTable, type ConditionRow } from './test-support/table.js';

const TEAM = 'aws:PrincipalTag/team';
const TYPE = 'ec2:InstanceType';

// prettier-ignore
const rows: readonly ConditionRow[] = [
  // StringEquals: exact, case-sensitive matching.
  { name: 'equal value matches', operator: 'StringEquals', key: TEAM, values: 'blue', context: { [TEAM]: 'blue' }, expect: true },
  { name: 'value case matters', operator: 'StringEquals', key: TEAM, values: 'blue', context: { [TEAM]: 'Blue' }, expect: false },
  { name: 'key case does not matter (policy upper-case)', operator: 'StringEquals', key: 'AWS:PRINCIPALTAG/TEAM', values: 'blue', context: { 'aws:principaltag/team': 'blue' }, expect: true },
  { name: 'key case does not matter (context mixed-case)', operator: 'StringEquals', key: 'aws:SourceVpc', values: 'vpc-111bbb22', context: { 'AWS:SOURCEVPC': 'vpc-111bbb22' }, expect: true },
  { name: 'a star is literal for StringEquals', operator: 'StringEquals', key: 's3:prefix', values: 'a*', context: { 's3:prefix': 'abc' }, expect: false },
  { name: 'a literal star equals itself', operator: 'StringEquals', key: 's3:prefix', values: 'a*', context: { 's3:prefix': 'a*' }, expect: true },
  { name: 'any one of several values matches (OR)', operator: 'StringEquals', key: TEAM, values: ['finance', 'hr', 'legal'], context: { [TEAM]: 'hr' }, expect: true },
  { name: 'none of several values matches', operator: 'StringEquals', key: TEAM, values: ['finance', 'hr', 'legal'], context: { [TEAM]: 'it' }, expect: false },
  { name: 'missing key does not match', operator: 'StringEquals', key: TEAM, values: 'blue', context: {}, expect: false },

  // StringNotEquals: negated matching; values NORed; a missing key holds.
  { name: 'different value holds', operator: 'StringNotEquals', key: TEAM, values: 'contractors', context: { [TEAM]: 'staff' }, expect: true },
  { name: 'equal value fails', operator: 'StringNotEquals', key: TEAM, values: 'contractors', context: { [TEAM]: 'contractors' }, expect: false },
  { name: 'differs only in case, so holds', operator: 'StringNotEquals', key: TEAM, values: 'contractors', context: { [TEAM]: 'Contractors' }, expect: true },
  { name: 'missing key holds', operator: 'StringNotEquals', key: TEAM, values: 'contractors', context: {}, expect: true },
  { name: 'equal to one of several values fails (NOR)', operator: 'StringNotEquals', key: 'aws:RequestedRegion', values: ['us-east-1', 'eu-west-1'], context: { 'aws:RequestedRegion': 'eu-west-1' }, expect: false },
  { name: 'equal to none of several values holds (NOR)', operator: 'StringNotEquals', key: 'aws:RequestedRegion', values: ['us-east-1', 'eu-west-1'], context: { 'aws:RequestedRegion': 'ap-south-1' }, expect: true },

  // StringEqualsIgnoreCase / StringNotEqualsIgnoreCase.
  { name: 'ignores value case', operator: 'StringEqualsIgnoreCase', key: 'aws:username', values: 'john', context: { 'aws:username': 'John' }, expect: true },
  { name: 'still needs the same characters', operator: 'StringEqualsIgnoreCase', key: 'aws:username', values: 'john', context: { 'aws:username': 'johnny' }, expect: false },
  { name: 'a star is literal when ignoring case', operator: 'StringEqualsIgnoreCase', key: TYPE, values: 'T2.*', context: { [TYPE]: 't2.micro' }, expect: false },
  { name: 'negated, same text in other case fails', operator: 'StringNotEqualsIgnoreCase', key: TEAM, values: 'CONTRACTORS', context: { [TEAM]: 'contractors' }, expect: false },
  { name: 'negated, other text holds', operator: 'StringNotEqualsIgnoreCase', key: TEAM, values: 'contractors', context: { [TEAM]: 'staff' }, expect: true },
  { name: 'negated, missing key holds', operator: 'StringNotEqualsIgnoreCase', key: TEAM, values: 'contractors', context: {}, expect: true },

  // StringLike: case-sensitive, `*` and `?` anywhere in the value.
  { name: 'star matches a run of characters', operator: 'StringLike', key: TYPE, values: ['t2.*', 'm5.?xlarge'], context: { [TYPE]: 't2.micro' }, expect: true },
  { name: 'like is case-sensitive', operator: 'StringLike', key: TYPE, values: ['t2.*', 'm5.?xlarge'], context: { [TYPE]: 'T2.micro' }, expect: false },
  { name: 'question mark matches one character', operator: 'StringLike', key: TYPE, values: ['t2.*', 'm5.?xlarge'], context: { [TYPE]: 'm5.2xlarge' }, expect: true },
  { name: 'question mark does not match two characters', operator: 'StringLike', key: TYPE, values: ['t2.*', 'm5.?xlarge'], context: { [TYPE]: 'm5.12xlarge' }, expect: false },
  { name: 'question mark does not match zero characters', operator: 'StringLike', key: TYPE, values: ['t2.*', 'm5.?xlarge'], context: { [TYPE]: 'm5.xlarge' }, expect: false },
  { name: 'wildcards in the middle of the value', operator: 'StringLike', key: 's3:prefix', values: 'home/*/photos/*', context: { 's3:prefix': 'home/alice/photos/2024/' }, expect: true },
  { name: 'without wildcards like is whole-value equality', operator: 'StringLike', key: 's3:prefix', values: 'home/', context: { 's3:prefix': 'home/alice/' }, expect: false },
  { name: 'an empty policy value matches an empty request value', operator: 'StringLike', key: 's3:prefix', values: ['', 'home/'], context: { 's3:prefix': '' }, expect: true },
  { name: 'a lone star requires the key to be present', operator: 'StringLike', key: 'aws:RequestTag/project', values: '*', context: { 'aws:RequestTag/environment': 'QA' }, expect: false },
  { name: 'a lone star matches any value of a present key', operator: 'StringLike', key: 'aws:RequestTag/project', values: '*', context: { 'aws:RequestTag/project': 'Feature3' }, expect: true },
  { name: 'string wildcards cross ARN colons (unlike ArnLike)', operator: 'StringLike', key: 'aws:SourceArn', values: 'arn:aws:someservice:*:111122223333:finance/*', context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' }, expect: true },

  // StringNotLike.
  { name: 'matching the pattern fails', operator: 'StringNotLike', key: TEAM, values: 'temp-*', context: { [TEAM]: 'temp-7' }, expect: false },
  { name: 'missing the pattern holds', operator: 'StringNotLike', key: TEAM, values: 'temp-*', context: { [TEAM]: 'core' }, expect: true },
  { name: 'matching any one of several patterns fails (NOR)', operator: 'StringNotLike', key: TEAM, values: ['temp-*', 'ext-*'], context: { [TEAM]: 'ext-9' }, expect: false },
  { name: 'missing key holds', operator: 'StringNotLike', key: TEAM, values: 'temp-*', context: {}, expect: true },

  // Policy variables in string values (version 2012-10-17); the requester is IAM user alice.
  { name: 'a variable is replaced by the request value', operator: 'StringLike', key: 's3:prefix', values: 'home/${aws:username}/*', context: { 's3:prefix': 'home/alice/docs/' }, expect: true },
  { name: "a variable does not match another user's folder", operator: 'StringLike', key: 's3:prefix', values: 'home/${aws:username}/*', context: { 's3:prefix': 'home/bob/docs/' }, expect: false },
  { name: 'version 2008-10-17 does not substitute variables', operator: 'StringLike', key: 's3:prefix', values: 'home/${aws:username}/*', version: '2008-10-17', context: { 's3:prefix': 'home/alice/docs/' }, expect: false },
  { name: 'a variable default applies when the key is missing', operator: 'StringEquals', key: 's3:prefix', values: "${aws:PrincipalTag/team, 'none'}/", context: { 's3:prefix': 'none/' }, expect: true },
];

conditionTable('String condition operators', rows);
