import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_OPERATORS,
  compilePolicyOrThrow,
  createPolicySet,
  createRequest,
  evaluate,
  parseOperatorName,
  PolicyValidationError,
  validatePolicy,
  type CompiledPolicy,
  type ContextInput,
} from '../../src/policy/index.js';
import { IAM_PRINCIPALS, NOW } from '../properties/arbitraries.js';
import {
  CONDITION_KEYS,
  dateTextArb,
  expectWellFormedFaults,
  fcParams,
  HANG_MS,
  ipTextArb,
  itFull,
  KNOWN,
  numberTextArb,
  operatorNameArb,
  timed,
  trickyStringArb,
  wildcardTextArb,
  guardPrototype,
} from './arbitraries.js';

guardPrototype();

// Condition values and context values: IPv4 and IPv6 look-alikes, dates in every format, numbers with exponents,
// base64, wildcards and variables, and anything else.
const valueTextArb = fc.oneof(
  ipTextArb,
  dateTextArb,
  numberTextArb,
  trickyStringArb,
  wildcardTextArb,
  fc.base64String(),
  fc.constantFrom('true', 'false', 'TRUE', 'QUJD', ' QUJD\n', '====', '', ' '),
);
const policyValueArb: fc.Arbitrary<string | number | boolean> = fc.oneof(
  { weight: 6, arbitrary: valueTextArb },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
);
const clauseArb = fc.record({
  operator: operatorNameArb,
  key: fc.constantFrom(...CONDITION_KEYS),
  values: fc.oneof(policyValueArb, fc.array(policyValueArb, { maxLength: 4 })),
});
const contextValueArb: fc.Arbitrary<ContextInput> = fc.oneof(
  valueTextArb,
  fc.array(valueTextArb, { maxLength: 4 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
);

const inputArb = fc.record({
  clauses: fc.array(clauseArb, { minLength: 1, maxLength: 3 }),
  version: fc.boolean(),
  effect: fc.constantFrom('Allow', 'Deny'),
  asResourcePolicy: fc.boolean(),
  principal: fc.constantFrom(...IAM_PRINCIPALS, '*', 'lambda.amazonaws.com'),
  tags: fc.dictionary(fc.constantFrom('team', 'env'), valueTextArb, { maxKeys: 2 }),
  context: fc.dictionary(fc.constantFrom(...CONDITION_KEYS), contextValueArb, { maxKeys: 5 }),
});
type Input = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

/** Sets an own property, even one named `__proto__` (plain assignment would replace the prototype instead). */
function setOwn<T>(target: Record<string, unknown>, key: string, value: T): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

function documentOf(input: Input): Record<string, unknown> {
  const condition: Record<string, Record<string, unknown>> = {};
  for (const c of input.clauses) {
    const block = Object.hasOwn(condition, c.operator)
      ? condition[c.operator]!
      : setOwn(condition, c.operator, {});
    setOwn(block, c.key, c.values);
  }
  const statement = {
    Effect: input.effect,
    ...(input.asResourcePolicy ? { Principal: '*' } : {}),
    Action: '*',
    Resource: '*',
    Condition: condition,
  };
  return input.version ? { Version: '2012-10-17', Statement: [statement] } : { Statement: [statement] };
}

/** Compiles the clauses into a policy, then evaluates a request with the context against it. */
function checkConditions(input: Input): void {
  const doc = documentOf(input);
  let compiled: CompiledPolicy | undefined;
  let thrown: unknown;
  const started = performance.now();
  try {
    compiled = compilePolicyOrThrow(doc, 'conditions');
  } catch (error) {
    thrown = error;
  }
  expect(performance.now() - started, 'compilePolicyOrThrow hang guard').toBeLessThan(HANG_MS);
  const faults = timed('validatePolicy', () => validatePolicy(doc));
  expectWellFormedFaults(faults);
  // Compilation fails exactly when the validator finds an operator or a value it cannot use, and then with the
  // same faults, each at its condition.
  const conditionFaults = faults.filter(
    (f) => f.code === 'UnknownOperator' || f.code === 'InvalidConditionValue',
  );
  expect(thrown !== undefined).toBe(conditionFaults.length > 0);
  if (thrown !== undefined) {
    expect(thrown).toBeInstanceOf(PolicyValidationError);
    const compileFaults = (thrown as PolicyValidationError).faults;
    expectWellFormedFaults(compileFaults);
    expect(compileFaults).toEqual(conditionFaults);
    for (const f of compileFaults) expect(f.path.startsWith('$.Statement[0].Condition.')).toBe(true);
    return;
  }
  const set = createPolicySet(input.asResourcePolicy ? { resource: compiled } : { identity: [compiled!] });
  const request = createRequest({
    principal: { arn: input.principal, tags: input.tags },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/key',
    context: input.context,
    now: NOW,
  });
  const decision = timed('evaluate', () => evaluate(set, request));
  expect(['allowed', 'explicitDeny', 'implicitDeny']).toContain(decision.decision);
  if (input.effect === 'Allow') expect(decision.decision).not.toBe('explicitDeny');
}

describe('condition operators, compiled from arbitrary values and evaluated against arbitrary context values', () => {
  // Skipped (run it with FUZZ_FULL=1): fails on KF2 (`${constructor}` in a String or Arn condition value).
  itFull('neither throw nor hang (full; reaches KF2)', () => {
    fc.assert(fc.property(inputArb, checkConditions), fcParams(300));
  });

  it('neither throw nor hang (inputs of KF2 excluded)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(!KNOWN.protoVariable(documentOf(input)));
        checkConditions(input);
      }),
      fcParams(300),
    );
  });
});

describe('parseOperatorName', () => {
  it('never throws, and names a known operator or says why not', () => {
    const names = new Set(ALL_OPERATORS.map((o) => o.name));
    fc.assert(
      fc.property(fc.oneof(operatorNameArb, fc.string(), fc.string({ unit: 'binary' })), (name) => {
        const parsed = parseOperatorName(name);
        if ('fault' in parsed) expect(parsed.fault).not.toBe('');
        else expect(names.has(parsed.base.name)).toBe(true);
      }),
      fcParams(),
    );
  });
});

// Wildcard matching: patterns full of `*` (and `?`) against subjects that nearly match. A matcher that backtracks
// takes about n^k steps for k stars and a subject of n characters when the match fails at the end; a linear
// one does not care. Subjects stay short (at most 40 characters), so that the full form, when run, takes seconds
// to minutes rather than hours.
const STARS_LIMIT = 5;
const patternArb = fc
  .tuple(
    fc.array(fc.constantFrom('a', 'a', 'a', 'a', '?', 'b', 'a/', ''), { maxLength: 10, size: 'max' }),
    fc.constantFrom('', 'c', 'a', '/'),
  )
  .map(([tokens, end]) => `*${tokens.join('*')}*${end}`);
const subjectArb = fc
  .tuple(
    fc.array(fc.constantFrom('a', 'a', 'a', 'a', 'a', 'a', 'b', '/'), { maxLength: 40, size: 'max' }),
    fc.constantFrom('', 'c', 'a'),
  )
  .map(([s, tail]) => s.join('') + tail);
const slotArb = fc.constantFrom(
  'StringLike',
  'StringNotLike',
  'ArnLike',
  'Resource',
  'NotResource',
  'Action',
);

function checkWildcards(slot: string, pattern: string, subject: string): void {
  const statement: Record<string, unknown> = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
  let action = 's3:GetObject';
  let resource = 'arn:aws:s3:::bucket/key';
  const context: Record<string, string> = {};
  switch (slot) {
    case 'StringLike':
    case 'StringNotLike':
      statement['Condition'] = { [slot]: { 's3:prefix': pattern } };
      context['s3:prefix'] = subject;
      break;
    case 'ArnLike':
      statement['Condition'] = { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${pattern}` } };
      context['aws:SourceArn'] = `arn:aws:s3:::${subject}`;
      break;
    case 'Resource':
    case 'NotResource':
      delete statement['Resource'];
      statement[slot] = `arn:aws:s3:::bucket/${pattern}`;
      resource = `arn:aws:s3:::bucket/${subject}`;
      break;
    case 'Action':
      statement['Action'] = `s3:${pattern}`;
      action = `s3:${subject}`;
      break;
  }
  const policy = timed('compilePolicyOrThrow', () =>
    compilePolicyOrThrow({ Version: '2012-10-17', Statement: statement }, 'wildcards'),
  );
  const set = createPolicySet({ identity: [policy] });
  const request = createRequest({ principal: IAM_PRINCIPALS[0], action, resource, context, now: NOW });
  const decision = timed(`evaluate (${slot})`, () => evaluate(set, request));
  expect(['allowed', 'implicitDeny']).toContain(decision.decision);
}

const stars = (pattern: string) => pattern.split('*').length - 1;

describe('wildcard matching in Action, Resource, NotResource, StringLike and ArnLike', () => {
  // Skipped (run it with FUZZ_FULL=1): fails on KF6, catastrophic backtracking (seconds to minutes per request).
  itFull('finishes promptly (full; reaches KF6)', () => {
    // No shrinking: every shrinking step would replay a slow match.
    fc.assert(fc.property(slotArb, patternArb, subjectArb, checkWildcards), {
      ...fcParams(),
      endOnFailure: true,
    });
  });

  it(`finishes promptly (inputs of KF6 excluded: patterns of at most ${STARS_LIMIT} stars)`, () => {
    fc.assert(
      fc.property(slotArb, patternArb, subjectArb, (slot, pattern, subject) => {
        fc.pre(stars(pattern) <= STARS_LIMIT);
        checkWildcards(slot, pattern, subject);
      }),
      fcParams(),
    );
  });
});
