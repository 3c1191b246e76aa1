import type { PreparedPrincipal, RequestInput } from '../policy/index.js';
import { Random } from './random.js';

/** A policy document as plain JSON. */
export type Doc = { Version: string; Statement: Record<string, unknown>[] };

const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';
const SERVICES: Record<string, readonly string[]> = {
  s3: [
    'GetObject',
    'PutObject',
    'DeleteObject',
    'ListBucket',
    'GetBucketPolicy',
    'GetObjectTagging',
    'PutObjectAcl',
  ],
  ec2: [
    'DescribeInstances',
    'RunInstances',
    'TerminateInstances',
    'StartInstances',
    'StopInstances',
    'DescribeVpcs',
  ],
  dynamodb: ['GetItem', 'PutItem', 'Query', 'Scan', 'DeleteItem', 'UpdateItem', 'DescribeTable'],
  sqs: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes', 'PurgeQueue'],
  lambda: ['InvokeFunction', 'GetFunction', 'UpdateFunctionCode', 'ListFunctions', 'CreateFunction'],
  iam: ['GetUser', 'CreateUser', 'DeleteUser', 'PassRole', 'ListRoles', 'AttachRolePolicy'],
  kms: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'DescribeKey'],
  logs: ['PutLogEvents', 'CreateLogStream', 'GetLogEvents', 'DescribeLogGroups'],
};
const SERVICE_NAMES = Object.keys(SERVICES);
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];

function resourceFor(service: string, rnd: Random, account = ACCOUNT): string {
  const n = rnd.int(20);
  switch (service) {
    case 's3':
      return `arn:aws:s3:::bucket-${n % 5}/home/${rnd.pick(USERS)}/file-${n}.txt`;
    case 'ec2':
      return `arn:aws:ec2:us-east-1:${account}:instance/i-0${n}abcdef`;
    case 'dynamodb':
      return `arn:aws:dynamodb:us-east-1:${account}:table/table-${n % 6}`;
    case 'sqs':
      return `arn:aws:sqs:us-east-1:${account}:queue-${n % 4}`;
    case 'lambda':
      return `arn:aws:lambda:us-east-1:${account}:function:fn-${n % 7}`;
    case 'iam':
      return `arn:aws:iam::${account}:user/team-${n % 3}/${rnd.pick(USERS)}`;
    case 'kms':
      return `arn:aws:kms:us-east-1:${account}:key/k-${n % 5}`;
    default:
      return `arn:aws:logs:us-east-1:${account}:log-group:/app/${n % 4}:*`;
  }
}

function resourcePatternFor(service: string, rnd: Random): string | string[] {
  switch (service) {
    case 's3':
      return rnd.chance(0.5)
        ? 'arn:aws:s3:::bucket-*/home/${aws:username}/*'
        : `arn:aws:s3:::bucket-${rnd.int(5)}/*`;
    case 'ec2':
      return rnd.chance(0.5) ? '*' : `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`;
    case 'dynamodb':
      return [
        `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/table-${rnd.int(6)}`,
        `arn:aws:dynamodb:*:${ACCOUNT}:table/table-?`,
      ];
    case 'sqs':
      return `arn:aws:sqs:*:${ACCOUNT}:queue-*`;
    case 'lambda':
      return `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn-*`;
    case 'iam':
      return `arn:aws:iam::${ACCOUNT}:user/team-${rnd.int(3)}/*`;
    default:
      return '*';
  }
}

function actionPatternFor(service: string, rnd: Random): string | string[] {
  const actions = SERVICES[service]!;
  const r = rnd.int(4);
  if (r === 0) return `${service}:*`;
  if (r === 1) return `${service}:${rnd.pick(actions).slice(0, 3)}*`;
  if (r === 2) return [rnd.pick(actions), rnd.pick(actions)].map((a) => `${service}:${a}`);
  return `${service}:${rnd.pick(actions)}`;
}

function conditionFor(rnd: Random): Record<string, unknown> | undefined {
  switch (rnd.int(7)) {
    case 0:
      return { StringEquals: { 'aws:PrincipalTag/team': rnd.pick(['blue', 'red', 'green']) } };
    case 1:
      return { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '2001:db8::/32'] } };
    case 2:
      return { Bool: { 'aws:SecureTransport': 'true' } };
    case 3:
      return { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } };
    case 4:
      return { 'ForAllValues:StringLike': { 'aws:TagKeys': ['env', 'team*'] } };
    default:
      return undefined;
  }
}

/** A policy of `statements` statements mixing wildcards, Deny statements and conditions. */
export function mixedPolicy(rnd: Random, statements: number): Doc {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < statements; i++) {
    const service = rnd.pick(SERVICE_NAMES);
    const deny = rnd.chance(0.2);
    const statement: Record<string, unknown> = {
      Sid: `S${i}`,
      Effect: deny ? 'Deny' : 'Allow',
      Action: actionPatternFor(service, rnd),
      Resource: resourcePatternFor(service, rnd),
    };
    const condition = conditionFor(rnd);
    if (condition) statement['Condition'] = condition;
    out.push(statement);
  }
  return { Version: '2012-10-17', Statement: out };
}

/** A random request from a principal (prepared once, as a server caches it), with a realistic context. */
export function randomRequest(rnd: Random, principal: PreparedPrincipal, account = ACCOUNT): RequestInput {
  const service = rnd.pick(SERVICE_NAMES);
  return {
    principal,
    action: `${service}:${rnd.pick(SERVICES[service]!)}`,
    resource: resourceFor(service, rnd, account),
    context: {
      'aws:SourceIp': rnd.chance(0.5) ? `192.0.2.${rnd.int(255)}` : `198.51.100.${rnd.int(255)}`,
      'aws:SecureTransport': rnd.chance(0.8) ? 'true' : 'false',
      'aws:TagKeys': rnd.chance(0.5) ? ['env', 'team'] : ['owner'],
      'aws:CurrentTime': '2026-11-27T12:00:00Z',
    },
  };
}

export function userArn(name: string, account = ACCOUNT): string {
  return `arn:aws:iam::${account}:user/${name}`;
}

export { ACCOUNT, OTHER_ACCOUNT, USERS };
