// ARN condition operators, as the AWS IAM documentation specifies them: case-sensitive, and "each of the six
// colon-delimited components of the ARN is checked separately and each can include multi-character match
// wildcards (*) or single-character match wildcards (?)" (for ArnEquals and ArnLike alike); policy variables allowed:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
// Negated operators hold for a missing key; IfExists holds for a missing key:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { conditionTable, type ConditionRow } from './test-support/table.js';

const SRC = 'aws:SourceArn';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:alerts';

// prettier-ignore
const rows: readonly ConditionRow[] = [
  { name: 'an identical ARN is equal', operator: 'ArnEquals', key: SRC, values: TOPIC, context: { [SRC]: TOPIC }, expect: true },
  { name: 'another account is not equal', operator: 'ArnEquals', key: SRC, values: TOPIC, context: { [SRC]: 'arn:aws:sns:us-east-1:777788889999:alerts' }, expect: false },
  { name: 'ArnEquals is case-sensitive in the resource', operator: 'ArnEquals', key: 'aws:PrincipalArn', values: 'arn:aws:iam::111122223333:role/Admin', context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/admin' }, expect: false },
  { name: 'ArnEquals accepts wildcards too', operator: 'ArnEquals', key: 'aws:PrincipalArn', values: 'arn:aws:iam::111122223333:user/dev-*', context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/dev-alice' }, expect: true },
  { name: 'ArnLike is case-sensitive in the service', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:us-east-?:111122223333:alerts', context: { [SRC]: 'arn:aws:SNS:us-east-1:111122223333:alerts' }, expect: false },
  { name: 'a question mark matches one character of the region', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:us-east-?:111122223333:alerts', context: { [SRC]: TOPIC }, expect: true },
  { name: 'a question mark does not match other characters', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:us-east-?:111122223333:alerts', context: { [SRC]: 'arn:aws:sns:us-west-1:111122223333:alerts' }, expect: false },
  { name: 'a star region matches any region', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:*:111122223333:*', context: { [SRC]: 'arn:aws:sns:us-west-2:111122223333:alerts' }, expect: true },
  { name: 'star parts do not excuse a wrong account', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:*:111122223333:*', context: { [SRC]: 'arn:aws:sns:us-west-2:444455556666:alerts' }, expect: false },
  { name: 'a star partition matches another partition', operator: 'ArnLike', key: SRC, values: 'arn:*:s3:::example-bucket', context: { [SRC]: 'arn:aws-cn:s3:::example-bucket' }, expect: true },
  { name: 'the doc example: the star stays in the region part', operator: 'ArnLike', key: SRC, values: 'arn:aws:someservice:*:111122223333:finance/*', context: { [SRC]: 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' }, expect: false },
  { name: 'the doc example: the matching ARN', operator: 'ArnLike', key: SRC, values: 'arn:aws:someservice:*:111122223333:finance/*', context: { [SRC]: 'arn:aws:someservice:us-east-2:111122223333:finance/document.txt' }, expect: true },
  { name: 'an empty region in the pattern needs an empty region', operator: 'ArnLike', key: SRC, values: 'arn:aws:s3:::example-*', context: { [SRC]: 'arn:aws:s3:us-east-1::example-logs' }, expect: false },
  { name: 'an S3 ARN with empty region and account', operator: 'ArnLike', key: SRC, values: 'arn:aws:s3:::example-*', context: { [SRC]: 'arn:aws:s3:::example-logs' }, expect: true },
  { name: 'the resource part may hold colons', operator: 'ArnLike', key: SRC, values: 'arn:aws:logs:us-east-1:111122223333:log-group:*', context: { [SRC]: 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:web' }, expect: true },
  { name: 'a star in the resource path spans slashes', operator: 'ArnLike', key: 'aws:PrincipalArn', values: 'arn:aws:iam::111122223333:role/*/Admin', context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/team/ops/Admin' }, expect: true },
  { name: 'a role pattern does not match a session ARN', operator: 'ArnLike', key: 'aws:PrincipalArn', values: 'arn:aws:iam::111122223333:role/Deploy*', context: { 'aws:PrincipalArn': 'arn:aws:sts::111122223333:assumed-role/DeployRole/s1' }, expect: false },
  { name: 'one of several ARNs matches (OR)', operator: 'ArnLike', key: SRC, values: ['arn:aws:sns:*:111122223333:orders', TOPIC], context: { [SRC]: TOPIC }, expect: true },
  { name: 'a value that is not an ARN does not match', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:*:*:*', context: { [SRC]: 'alerts' }, expect: false },
  { name: 'a missing key does not match', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:*:*:*', context: {}, expect: false },
  { name: 'IfExists holds when the key is missing', operator: 'ArnLikeIfExists', key: SRC, values: 'arn:aws:sns:*:111122223333:*', context: {}, expect: true },
  { name: 'IfExists still compares a present key', operator: 'ArnLikeIfExists', key: SRC, values: 'arn:aws:sns:*:111122223333:*', context: { [SRC]: 'arn:aws:sns:us-east-1:444455556666:x' }, expect: false },
  { name: 'key names are case-insensitive', operator: 'ArnEquals', key: 'AWS:SOURCEARN', values: TOPIC, context: { 'aws:sourcearn': TOPIC }, expect: true },
  { name: 'a policy variable in an ARN (requester alice)', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:us-east-1:111122223333:${aws:username}-*', context: { [SRC]: 'arn:aws:sns:us-east-1:111122223333:alice-topic' }, expect: true },
  { name: 'without a Version the variable is literal text', operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:us-east-1:111122223333:${aws:username}-*', version: null, context: { [SRC]: 'arn:aws:sns:us-east-1:111122223333:alice-topic' }, expect: false },
  { name: "a policy variable does not match another user's ARN", operator: 'ArnLike', key: SRC, values: 'arn:aws:sns:us-east-1:111122223333:${aws:username}-*', context: { [SRC]: 'arn:aws:sns:us-east-1:111122223333:bob-topic' }, expect: false },

  { name: 'not-equals holds for another ARN', operator: 'ArnNotEquals', key: SRC, values: 'arn:aws:sns:us-east-1:111122223333:blocked', context: { [SRC]: TOPIC }, expect: true },
  { name: 'not-equals fails for the same ARN', operator: 'ArnNotEquals', key: SRC, values: TOPIC, context: { [SRC]: TOPIC }, expect: false },
  { name: 'not-equals holds when the key is missing', operator: 'ArnNotEquals', key: SRC, values: TOPIC, context: {}, expect: true },
  { name: 'not-like fails for a matching ARN', operator: 'ArnNotLike', key: SRC, values: 'arn:aws:s3:::example-*', context: { [SRC]: 'arn:aws:s3:::example-logs' }, expect: false },
  { name: 'not-like holds for another ARN', operator: 'ArnNotLike', key: SRC, values: 'arn:aws:s3:::example-*', context: { [SRC]: 'arn:aws:s3:::other-logs' }, expect: true },
  { name: 'not-like fails when any one of several patterns matches (NOR)', operator: 'ArnNotLike', key: SRC, values: ['arn:aws:s3:::a-*', 'arn:aws:s3:::b-*'], context: { [SRC]: 'arn:aws:s3:::b-1' }, expect: false },
  { name: 'not-like holds when the key is missing', operator: 'ArnNotLike', key: SRC, values: 'arn:aws:s3:::example-*', context: {}, expect: true },
];

conditionTable('ARN condition operators', rows);
