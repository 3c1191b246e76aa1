/**
 * fast-check generators for random but valid policies, policy sets and requests, drawn from a small vocabulary so
 * that statements, requests and conditions actually meet (a generator of unrelated strings would give
 * `implicitDeny` for almost everything and make the invariants vacuous; `generators.test.ts` checks the mix).
 *
 * Every property runs with `fcParams()`: at least 200 runs, more with `FC_RUNS=n`, and a fixed seed with
 * `FC_SEED=n` (fast-check prints the seed and the counterexample path of any failure, to replay it).
 */
import fc from 'fast-check';
import { it } from 'vitest';
import {
  compilePolicyOrThrow,
  createPolicySet,
  createRequest,
  evaluate,
  type ContextInput,
  type Decision,
  type PolicySet,
  type PrincipalInput,
  type RequestInput,
} from '../../src/policy/index.js';

export const ACCOUNT_A = '111122223333';
export const ACCOUNT_B = '444455556666';
/** A fixed clock, so that no run depends on the day the suite runs. */
export const NOW = Date.parse('2026-06-15T12:00:00Z');

/** Options for `fc.assert`: `runs` runs (at least; `FC_RUNS` raises it), and `FC_SEED` to replay a run. */
export function fcParams(runs = 200): { numRuns: number; seed?: number } {
  const extra = Number(process.env['FC_RUNS'] ?? 0);
  const numRuns = Number.isFinite(extra) && extra > runs ? extra : runs;
  const seed = process.env['FC_SEED'];
  return seed !== undefined && seed !== '' ? { numRuns, seed: Number(seed) } : { numRuns };
}

/**
 * The full form of a property, over every input, including those that once showed the bugs recorded in
 * test/fuzz/regressions.test.ts (all fixed; these run in every test run).
 */
export function itFull(name: string, fn: () => void, timeout?: number): void {
  it(name, fn, timeout);
}

// ---------------------------------------------------------------------------------------------------------------
// Policy documents, as plain JSON.

export type ConditionBlock = Record<string, Record<string, string[]>>;

export interface StatementDoc {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Condition?: ConditionBlock;
}

export interface PolicyDoc {
  Version?: '2012-10-17';
  Statement: StatementDoc[];
}

/** A policy with a stable name, so that explanations can be compared across rearrangements. */
export interface NamedPolicy {
  readonly name: string;
  readonly doc: PolicyDoc;
}

/** Every kind of policy that takes part in a decision, as documents. */
export interface SetDocs {
  identity: NamedPolicy[];
  boundary?: NamedPolicy | undefined;
  session?: NamedPolicy[] | undefined;
  resource?: NamedPolicy | undefined;
  scps?: NamedPolicy[][] | undefined;
  rcps?: NamedPolicy[][] | undefined;
  managementAccount?: string | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary.

export const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteObject',
  'ec2:RunInstances',
  'ec2:DescribeInstances',
  'iam:CreateUser',
  'iam:PassRole',
  'sqs:SendMessage',
  'kms:Decrypt',
] as const;

const ACTION_PATTERNS = [
  '*',
  's3:*',
  's3:Get*',
  's3:*Object',
  's3:?etObject',
  'S3:GETOBJECT',
  's?:*',
  'ec2:Describe*',
  'ec2:*',
  'iam:*User',
  'sqs:*',
  'kms:De*',
  ...ACTIONS,
];

export const RESOURCES = [
  'arn:aws:s3:::bucket-a',
  'arn:aws:s3:::bucket-a/alice/file.txt',
  'arn:aws:s3:::bucket-a/bob/notes',
  'arn:aws:s3:::bucket-b/red/x.txt',
  `arn:aws:ec2:us-east-1:${ACCOUNT_A}:instance/i-0abc`,
  `arn:aws:ec2:eu-west-1:${ACCOUNT_B}:instance/i-0def`,
  `arn:aws:iam::${ACCOUNT_A}:user/alice`,
  `arn:aws:iam::${ACCOUNT_A}:role/app`,
  `arn:aws:sqs:us-east-1:${ACCOUNT_A}:queue1`,
  `arn:aws:sqs:us-east-1:${ACCOUNT_B}:queue2`,
  `arn:aws:kms:us-east-1:${ACCOUNT_A}:key/k1`,
  '*',
] as const;

const RESOURCE_PATTERNS = [
  '*',
  ...RESOURCES.filter((r) => r !== '*'),
  'arn:aws:s3:::bucket-a/*',
  'arn:aws:s3:::bucket-?/*',
  'arn:aws:s3:::*',
  'arn:aws:s3:::bucket-a/${aws:username}/*',
  'arn:aws:s3:::bucket-b/${aws:PrincipalTag/team}/*',
  "arn:aws:s3:::bucket-b/${aws:PrincipalTag/team, 'red'}/*",
  'arn:aws:s3:::bucket-a/${*}',
  `arn:aws:ec2:*:${ACCOUNT_A}:instance/*`,
  'arn:aws:ec2:*:*:instance/*',
  `arn:aws:iam::${ACCOUNT_A}:user/\${aws:username}`,
  `arn:aws:iam::${ACCOUNT_A}:role/*`,
  `arn:aws:*:*:${ACCOUNT_B}:*`,
  'arn:aws:sqs:*:*:queue?',
  'arn:aws:kms:*:*:key/*',
];

/** IAM principals: users, roles, sessions, federated users and root users of two accounts. */
export const IAM_PRINCIPALS = [
  `arn:aws:iam::${ACCOUNT_A}:user/alice`,
  `arn:aws:iam::${ACCOUNT_A}:user/dev/bob`,
  `arn:aws:iam::${ACCOUNT_B}:user/carol`,
  `arn:aws:iam::${ACCOUNT_A}:role/app`,
  `arn:aws:sts::${ACCOUNT_A}:assumed-role/app/session-1`,
  `arn:aws:sts::${ACCOUNT_B}:assumed-role/ops/s2`,
  `arn:aws:sts::${ACCOUNT_A}:federated-user/fred`,
  `arn:aws:iam::${ACCOUNT_A}:root`,
  ACCOUNT_A,
  `arn:aws:iam::${ACCOUNT_B}:root`,
] as const;

/** The IAM principals that are not a root user. */
export const NON_ROOT_PRINCIPALS = IAM_PRINCIPALS.filter((p) => !p.endsWith(':root') && !/^\d{12}$/.test(p));

/** The account of one of the principals above. */
export function accountOf(principal: string): string {
  if (/^\d{12}$/.test(principal)) return principal;
  return principal.split(':')[4] ?? '';
}

const PRINCIPAL_BLOCKS: unknown[] = [
  '*',
  { AWS: '*' },
  { AWS: ACCOUNT_A },
  { AWS: `arn:aws:iam::${ACCOUNT_B}:root` },
  { AWS: `arn:aws:iam::${ACCOUNT_A}:user/alice` },
  { AWS: `arn:aws:iam::${ACCOUNT_A}:role/app` },
  { AWS: `arn:aws:sts::${ACCOUNT_A}:assumed-role/app/session-1` },
  { AWS: [ACCOUNT_A, ACCOUNT_B] },
  { Service: 'lambda.amazonaws.com' },
];

// ---------------------------------------------------------------------------------------------------------------
// Conditions: several operator families, each with keys and values that the request generator also produces.

interface Family {
  readonly operators: readonly string[];
  readonly keys: readonly string[];
  readonly values: readonly string[];
  /** Whether `IfExists` and the set qualifiers make sense here. */
  readonly qualifiable: boolean;
}

const FAMILIES: readonly Family[] = [
  {
    operators: [
      'StringEquals',
      'StringNotEquals',
      'StringEqualsIgnoreCase',
      'StringNotEqualsIgnoreCase',
      'StringLike',
      'StringNotLike',
    ],
    keys: ['aws:PrincipalTag/team', 's3:prefix', 'aws:username', 'aws:RequestedRegion'],
    values: [
      'red',
      'blue',
      'RED',
      'alice',
      'home/*',
      'us-east-1',
      'eu-*',
      '*',
      'a?ice',
      '${aws:username}',
      '${aws:PrincipalTag/team}',
      "${aws:PrincipalTag/team, 'red'}",
      'home/${aws:username}',
    ],
    qualifiable: true,
  },
  {
    operators: [
      'NumericEquals',
      'NumericNotEquals',
      'NumericLessThan',
      'NumericLessThanEquals',
      'NumericGreaterThan',
      'NumericGreaterThanEquals',
    ],
    keys: ['s3:max-keys'],
    values: ['10', '100', '1e2', '-5', '3.5', '0'],
    qualifiable: true,
  },
  {
    operators: [
      'DateEquals',
      'DateNotEquals',
      'DateLessThan',
      'DateLessThanEquals',
      'DateGreaterThan',
      'DateGreaterThanEquals',
    ],
    keys: ['aws:CurrentTime', 'aws:TokenIssueTime', 'aws:EpochTime'],
    values: ['2020-01-01T00:00:00Z', '2030-01-01', '1700000000', '2026-06-15T12:00:00Z', '20260615T120000Z'],
    qualifiable: true,
  },
  {
    operators: ['Bool'],
    keys: ['aws:SecureTransport', 'aws:MultiFactorAuthPresent'],
    values: ['true', 'false'],
    qualifiable: true,
  },
  {
    operators: ['IpAddress', 'NotIpAddress'],
    keys: ['aws:SourceIp'],
    values: ['10.0.0.0/8', '192.0.2.1', '203.0.113.0/24', '2001:db8::/32', '0.0.0.0/0', '::/0'],
    qualifiable: true,
  },
  {
    operators: ['ArnLike', 'ArnEquals', 'ArnNotLike', 'ArnNotEquals'],
    keys: ['aws:SourceArn', 'aws:PrincipalArn'],
    values: [
      `arn:aws:iam::${ACCOUNT_A}:role/*`,
      'arn:aws:sqs:*:*:queue?',
      `arn:aws:iam::${ACCOUNT_A}:user/alice`,
      'arn:aws:s3:::bucket-*',
      `arn:aws:iam::\${aws:PrincipalAccount}:*`,
      '*',
    ],
    qualifiable: true,
  },
  {
    operators: ['BinaryEquals'],
    keys: ['aws:x-bin'],
    values: ['QUJD', 'ZGVm'],
    qualifiable: false,
  },
  {
    operators: ['Null'],
    keys: ['aws:SourceIp', 's3:prefix', 'aws:PrincipalTag/team', 'aws:TagKeys', 'aws:TokenIssueTime'],
    values: ['true', 'false'],
    qualifiable: false,
  },
  {
    operators: [
      'ForAnyValue:StringEquals',
      'ForAnyValue:StringLike',
      'ForAllValues:StringEquals',
      'ForAllValues:StringLike',
      'ForAllValues:StringNotEquals',
      'ForAnyValue:StringNotLike',
    ],
    keys: ['aws:TagKeys'],
    values: ['env', 'team', 'owner', 't*'],
    qualifiable: false,
  },
];

interface Clause {
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
}

const clauseArb: fc.Arbitrary<Clause> = fc.constantFrom(...FAMILIES).chain((family) =>
  fc.record({
    operator: fc
      .tuple(fc.constantFrom(...family.operators), fc.boolean(), fc.boolean())
      .map(([op, ifExists, qualify]) => {
        if (!family.qualifiable) return op;
        // Some clauses get `IfExists` or a set qualifier; both must leave the policy valid.
        let name = ifExists ? `${op}IfExists` : op;
        if (qualify && ifExists) name = `ForAnyValue:${name}`;
        return name;
      }),
    key: fc.constantFrom(...family.keys),
    values: fc.uniqueArray(fc.constantFrom(...family.values), { minLength: 1, maxLength: 3 }),
  }),
);

function conditionBlock(clauses: readonly Clause[]): ConditionBlock {
  const block: ConditionBlock = {};
  for (const c of clauses) (block[c.operator] ??= {})[c.key] = c.values;
  return block;
}

// ---------------------------------------------------------------------------------------------------------------
// Statements and policies.

export type StatementKind = 'identity' | 'resource';

const list = (items: readonly string[]) =>
  fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: 3 });

/** A statement. Identity-style statements have no principal; resource-policy statements always have one. */
export function statementArb(kind: StatementKind, effect?: 'Allow' | 'Deny'): fc.Arbitrary<StatementDoc> {
  return fc
    .record({
      effect:
        effect !== undefined
          ? fc.constant(effect)
          : fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Deny'),
      notAction: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      actions: list(ACTION_PATTERNS),
      notResource: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      resources: list(RESOURCE_PATTERNS),
      conditions: fc.oneof(
        { weight: 3, arbitrary: fc.constant<Clause[]>([]) },
        { weight: 1, arbitrary: fc.array(clauseArb, { minLength: 1, maxLength: 2 }) },
      ),
      notPrincipal: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      principal: fc.constantFrom(...PRINCIPAL_BLOCKS),
    })
    .map((s): StatementDoc => {
      const out: StatementDoc = { Effect: s.effect };
      if (kind === 'resource') {
        if (s.notPrincipal && s.effect === 'Deny') out.NotPrincipal = s.principal;
        else out.Principal = s.principal;
      }
      if (s.notAction) out.NotAction = s.actions;
      else out.Action = s.actions;
      if (s.notResource) out.NotResource = s.resources;
      else out.Resource = s.resources;
      if (s.conditions.length > 0) out.Condition = conditionBlock(s.conditions);
      return out;
    });
}

/** A policy of one to four statements. Some statements carry a (unique) Sid. */
export function policyArb(kind: StatementKind): fc.Arbitrary<PolicyDoc> {
  return fc
    .tuple(
      fc.array(fc.tuple(statementArb(kind), fc.boolean()), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 4 }),
    )
    .map(([statements, versionDice]) => {
      const Statement = statements.map(([s, withSid], i) => (withSid ? { Sid: `S${i}`, ...s } : s));
      // Most policies are `2012-10-17`; one without variables may omit the Version (AWS reads it as 2008-10-17).
      const omitVersion = versionDice === 0 && !JSON.stringify(Statement).includes('${');
      return omitVersion ? { Statement } : { Version: '2012-10-17' as const, Statement };
    });
}

const named = (prefix: string) => (doc: PolicyDoc, i: number) => ({ name: `${prefix}${i}`, doc });

/** Maybe a value: absent with probability `absentWeight / (absentWeight + 1)`. */
function sometimes<T>(arb: fc.Arbitrary<T>, absentWeight: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: absentWeight, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

export interface SetShape {
  /** Whether the set may have a resource-based policy. */
  readonly resource?: boolean;
  /** Whether it may have SCPs and RCPs. */
  readonly organizations?: boolean;
  /** Whether it may have a permissions boundary. */
  readonly boundary?: boolean;
}

/** A policy set: identity policies, and maybe a boundary, session policies, a resource policy, SCPs and RCPs. */
export function setDocsArb(shape: SetShape = {}): fc.Arbitrary<SetDocs> {
  const { resource = true, organizations = true, boundary = true } = shape;
  const levels = (prefix: string) =>
    fc
      .array(fc.array(policyArb('identity'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
      .map((ls) => ls.map((level, i) => level.map(named(`${prefix}${i}.`))));
  return fc.record({
    identity: fc.array(policyArb('identity'), { maxLength: 3 }).map((ps) => ps.map(named('identity'))),
    boundary: boundary
      ? sometimes(
          policyArb('identity').map((d) => named('boundary')(d, 0)),
          2,
        )
      : fc.constant(undefined),
    session: sometimes(
      fc.array(policyArb('identity'), { minLength: 1, maxLength: 2 }).map((ps) => ps.map(named('session'))),
      3,
    ),
    resource: resource
      ? sometimes(
          policyArb('resource').map((d) => named('resource')(d, 0)),
          1,
        )
      : fc.constant(undefined),
    scps: organizations ? sometimes(levels('scp'), 4) : fc.constant(undefined),
    rcps: organizations ? sometimes(levels('rcp'), 4) : fc.constant(undefined),
    managementAccount: sometimes(fc.constantFrom(ACCOUNT_A, ACCOUNT_B), 3),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Requests.

const TAG_VALUES = ['red', 'blue', 'RED', 'green'];

export const principalInputArb: fc.Arbitrary<PrincipalInput> = fc
  .record({
    arn: fc.constantFrom(...IAM_PRINCIPALS),
    team: sometimes(fc.constantFrom(...TAG_VALUES), 1),
  })
  .map(({ arn, team }) => (team === undefined ? { arn } : { arn, tags: { team } }));

/** An action from the vocabulary, in its usual case or not (actions are matched without regard to case). */
export const actionArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...ACTIONS), fc.integer({ min: 0, max: 5 }))
  .map(([a, dice]) => (dice === 0 ? a.toLowerCase() : dice === 1 ? a.toUpperCase() : a));

export const contextArb: fc.Arbitrary<Record<string, ContextInput>> = fc
  .record(
    {
      's3:prefix': fc.constantFrom('home/alice', 'home/bob', '', 'x'),
      'aws:RequestedRegion': fc.constantFrom('us-east-1', 'eu-west-1', 'US-EAST-1'),
      's3:max-keys': fc.constantFrom('5', '10', '100', '1e2', 'abc', '1000', 5),
      'aws:TokenIssueTime': fc.constantFrom('2025-01-01T00:00:00Z', '2031-01-01T00:00:00Z', 'yesterday'),
      'aws:SecureTransport': fc.constantFrom<ContextInput>('true', 'false', true, false, 'TRUE'),
      'aws:MultiFactorAuthPresent': fc.constantFrom<ContextInput>('true', 'false'),
      'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.0.2.1', '2001:db8::1', '198.51.100.7', 'not-an-ip'),
      'aws:SourceArn': fc.constantFrom(
        `arn:aws:sqs:us-east-1:${ACCOUNT_A}:queue1`,
        `arn:aws:iam::${ACCOUNT_A}:role/app`,
        'arn:aws:s3:::bucket-a',
      ),
      'aws:x-bin': fc.constantFrom('QUJD', 'ZGVm', '!!'),
      'aws:TagKeys': fc.subarray(['env', 'team', 'owner', 'tier']),
    },
    { requiredKeys: [] },
  )
  .map((c) => c as Record<string, ContextInput>);

/** A request from an IAM principal, for an action and resource of the vocabulary. */
export const requestArb: fc.Arbitrary<RequestInput> = fc
  .record({
    principal: principalInputArb,
    action: actionArb,
    resource: fc.constantFrom(...RESOURCES),
    resourceAccount: sometimes(fc.constantFrom(ACCOUNT_A, ACCOUNT_B), 4),
    context: contextArb,
  })
  .map((r) => ({ ...r, now: NOW }));

// ---------------------------------------------------------------------------------------------------------------
// Evaluation.

/** Compiles every document of a set (each compilation is fresh) and indexes the set. */
export function compileSet(docs: SetDocs): PolicySet {
  const c = (p: NamedPolicy) => compilePolicyOrThrow(p.doc, p.name);
  return createPolicySet({
    identity: docs.identity.map(c),
    boundary: docs.boundary && c(docs.boundary),
    session: docs.session?.map(c),
    resource: docs.resource && c(docs.resource),
    scps: docs.scps?.map((level) => level.map(c)),
    rcps: docs.rcps?.map((level) => level.map(c)),
    managementAccount: docs.managementAccount,
  });
}

/** Decides a request against freshly compiled documents. */
export function decide(docs: SetDocs, request: RequestInput): Decision {
  return evaluate(compileSet(docs), createRequest(request));
}

/** A deep copy, so that a mutation of a generated value never leaks into the original. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Inserts an item at `position` (taken modulo the list's length + 1). */
export function insertAt<T>(items: readonly T[], position: number, item: T): T[] {
  const at = position % (items.length + 1);
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/** Adds a statement to one identity policy (picked by `pick`), or to a new one when there is none. */
export function withIdentityStatement(
  docs: SetDocs,
  statement: StatementDoc,
  pick: number,
  position: number,
): SetDocs {
  const out = clone(docs);
  if (out.identity.length === 0) {
    out.identity.push({ name: 'identity-added', doc: { Version: '2012-10-17', Statement: [statement] } });
    return out;
  }
  const target = out.identity[pick % out.identity.length]!;
  target.doc.Statement = insertAt(target.doc.Statement, position, statement);
  return out;
}
