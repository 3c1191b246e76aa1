/**
 * Fuzzing inputs: arbitrary and policy-shaped JSON values, strings full of `*`, `?` and `${`, near-valid policies
 * made by mutating valid ones, deeply nested structures and huge strings; plus the checks every fuzz test shares.
 *
 * Some inputs once hit engine bugs, now fixed (see `regressions.test.ts` and the `KNOWN` predicates below). A fuzz
 * property whose inputs reach one comes in two forms, both run: the full one, and the same property with exactly
 * those inputs excluded (`fc.pre`), which keeps its power on the rest of the input space.
 */
import fc from 'fast-check';
import { afterEach, expect } from 'vitest';
import { ALL_OPERATORS, awsMessageFor, type PolicyFault } from '../../src/policy/index.js';
import { policyArb } from '../properties/arbitraries.js';

export { fcParams, itFull } from '../properties/arbitraries.js';

/** Per-call bound. Only a guard against hangs (catastrophic backtracking, quadratic scans), not a benchmark. */
export const HANG_MS = 1000;

/** Runs `f`, and fails when it takes `HANG_MS` or longer. */
export function timed<T>(label: string, f: () => T): T {
  const started = performance.now();
  const result = f();
  const elapsed = performance.now() - started;
  if (elapsed >= HANG_MS)
    throw new Error(`${label} took ${elapsed.toFixed(0)} ms (hang guard: ${HANG_MS} ms)`);
  return result;
}

/** Every fault has a path into the document (starting with `$`), a code and a non-empty message. */
export function expectWellFormedFaults(faults: readonly PolicyFault[]): void {
  const bad = faults.filter(
    (f) =>
      typeof f.path !== 'string' ||
      !f.path.startsWith('$') ||
      typeof f.message !== 'string' ||
      f.message.trim() === '' ||
      typeof f.code !== 'string' ||
      !f.code ||
      awsMessageFor(f).trim() === '',
  );
  expect(bad).toEqual([]);
}

/**
 * Registers a check, after each test, that nothing (engine or harness) added a property to `Object.prototype`:
 * the fuzzers feed `__proto__` and friends everywhere.
 */
export function guardPrototype(): void {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  afterEach(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary.

/** The names `Object.prototype` carries: `constructor`, `toString`, `__proto__`, `hasOwnProperty`, … */
export const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

const POLICY_KEYS = [
  'Version',
  'Id',
  'Statement',
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
  'AWS',
  'Service',
  'Federated',
  'CanonicalUser',
  'effect',
  'Actions',
  'statement',
];

export const CONDITION_KEYS = [
  'aws:SourceIp',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:username',
  'aws:PrincipalTag/team',
  'aws:TagKeys',
  'aws:SecureTransport',
  'aws:SourceArn',
  's3:max-keys',
  's3:prefix',
  'noprefix',
];

/** Operator names: every real one, with qualifiers, `IfExists` and odd case, and some that are not operators. */
export const operatorNameArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...ALL_OPERATORS.map((o) => o.name)),
        fc.constantFrom('', '', 'ForAnyValue:', 'ForAllValues:', 'forallvalues:'),
        fc.constantFrom('', '', 'IfExists', 'ifexists'),
        fc.boolean(),
      )
      .map(([name, qualifier, suffix, odd]) => {
        const full = `${qualifier}${name}${suffix}`;
        return odd ? full.toUpperCase() : full;
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'IfExists',
      'ForAnyValue:',
      'NullIfExists',
      'ForAllValues:Null',
      'StringEqualsIfExistsIfExists',
      'ForAnyValue:ForAllValues:StringEquals',
      ...PROTO_NAMES,
    ),
  },
  { weight: 1, arbitrary: fc.string() },
);

// ---------------------------------------------------------------------------------------------------------------
// Strings.

const PIECES = [
  '*',
  '*',
  '?',
  '${',
  '${',
  '}',
  '$',
  '{',
  ':',
  '/',
  'a',
  '1',
  '.',
  ' ',
  ',',
  "'",
  'arn',
  'aws',
  '::',
  '${aws:username}',
  '${*}',
  '${?}',
  '${$}',
  "${aws:PrincipalTag/team, 'x'}",
  '${aws:',
  // A variable named like an `Object.prototype` member (see KF2).
  '${constructor}',
  '\u0000',
  '\n',
  '\u{1F600}',
];

/** Text assembled from wildcard, variable and ARN fragments. */
export const wildcardTextArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 30, size: 'medium' })
  .map((p) => p.join(''));

/** Strings that look like IP addresses and CIDR blocks, valid or not. */
export const ipTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4Extended(),
  fc.tuple(fc.oneof(fc.ipV4(), fc.ipV6()), fc.integer({ min: -1, max: 200 })).map(([ip, n]) => `${ip}/${n}`),
  fc.constantFrom(
    '::',
    ':::',
    '1::2::3',
    '::ffff:1.2.3.4',
    '::ffff:1.2.3.4/104',
    'fe80::1%eth0',
    '2001:db8::/129',
    '1.2.3.4/33',
    '1.2.3.4/',
    '01.2.3.4',
    '1.2.3',
    '256.1.1.1',
    '[::1]',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::',
    ' 10.0.0.1 ',
    '10.0.0.1/8/8',
  ),
  fc.stringMatching(/^[0-9a-fA-F:./]{0,45}$/),
);

/** Strings that look like dates and times, valid or not. */
export const dateTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(fc.date({ noInvalidDate: true }), fc.integer({ min: 0, max: 5 })).map(([d, v]) => {
    const iso = d.toISOString();
    return [
      iso.slice(0, 10),
      iso.replace('T', ' '),
      iso.replace(/\.\d+Z$/, ''),
      iso.replace(/Z$/, '+05:30'),
      iso.replace(/[-:]|\.\d+/g, ''),
      String(Math.floor(d.getTime() / 1000)),
    ][v]!;
  }),
  fc.constantFrom(
    '2020-02-30',
    '2020-13-01T25:61:61Z',
    '+275760-09-13T00:00:00.000Z',
    '9999-12-31T23:59:59.999999999Z',
    '0000-00-00',
    '1970-01-01T00:00:00+2400',
    '20200101T000000z',
    '-1.5',
    ' 1700000000 ',
    '1e10',
  ),
);

/** Strings that look like numbers, with exponents, signs, spaces and the like. */
export const numberTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc
    .tuple(fc.integer(), fc.integer({ min: -400, max: 400 }), fc.constantFrom('e', 'E', 'e+', 'E-'))
    .map(([m, e, sep]) => `${m}${sep}${Math.abs(e)}`),
  fc.constantFrom(
    '1e400',
    '-1e-400',
    '.5',
    '5.',
    '+7',
    ' 8 ',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '1_000',
    '1e',
    'e1',
    '--1',
    '١٢٣',
  ),
);

/** Any string a fuzzer should try. */
export const trickyStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 3, arbitrary: wildcardTextArb },
  { weight: 1, arbitrary: ipTextArb },
  { weight: 1, arbitrary: dateTextArb },
  { weight: 1, arbitrary: numberTextArb },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '*',
      '2012-10-17',
      '2008-10-17',
      'Allow',
      'Deny',
      's3:GetObject',
      's3:*',
      ':',
      'arn:aws:s3:::bucket/*',
      'arn:aws:iam::111122223333:root',
      'arn:aws:iam::111122223333:user/${aws:username}',
      'arn:aws:iam::111122223333:invalid',
      'arn:aws-cn:s3:us-east-1::x',
      'arn:foo:s3:::x',
      'arn:',
      '111122223333',
      'true',
      'false',
      'QUJD',
      '${aws:username',
    ),
  },
);

const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...POLICY_KEYS, ...CONDITION_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 2, arbitrary: fc.string() },
);

const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: trickyStringArb },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Any JS value built from those strings and keys (objects, arrays, scalars; a few levels deep). */
export const anyValueArb: fc.Arbitrary<unknown> = fc.anything({
  key: keyArb,
  values: [scalarArb],
  maxDepth: 3,
});

// ---------------------------------------------------------------------------------------------------------------
// Policy-shaped values.

function withExtras<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      arb,
      fc.oneof(
        { weight: 4, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.dictionary(keyArb, anyValueArb, { maxKeys: 2 }) },
      ),
    )
    .map(([value, extras]) => ({ ...extras, ...value }));
}

const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyValueArb });

const stringListArb = mostly(fc.oneof(trickyStringArb, fc.array(trickyStringArb, { maxLength: 4 })));

const principalArb = mostly(
  fc.oneof(
    fc.constant('*'),
    fc.dictionary(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('AWS', 'Service', 'Federated', 'CanonicalUser') },
        { weight: 1, arbitrary: keyArb },
      ),
      stringListArb,
      { maxKeys: 3 },
    ),
  ),
);

const conditionArb = mostly(
  fc.dictionary(
    operatorNameArb,
    mostly(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...CONDITION_KEYS), keyArb),
        mostly(fc.oneof(scalarArb, fc.array(scalarArb, { maxLength: 4 }))),
        { maxKeys: 3 },
      ),
    ),
    { maxKeys: 3 },
  ),
);

const statementIshArb = withExtras(
  fc.record(
    {
      Sid: mostly(trickyStringArb),
      Effect: mostly(fc.constantFrom('Allow', 'Deny', 'allow', '')),
      Principal: principalArb,
      NotPrincipal: principalArb,
      Action: stringListArb,
      NotAction: stringListArb,
      Resource: stringListArb,
      NotResource: stringListArb,
      Condition: conditionArb,
    },
    { requiredKeys: [] },
  ),
);

/** Objects with the keys of a policy, each holding something near what it should, or anything at all. */
export const policyIshArb: fc.Arbitrary<Record<string, unknown>> = withExtras(
  fc.record(
    {
      Version: mostly(fc.constantFrom('2012-10-17', '2008-10-17', '2012-10-18')),
      Id: mostly(trickyStringArb),
      Statement: mostly(fc.oneof(statementIshArb, fc.array(statementIshArb, { maxLength: 4 }))),
    },
    { requiredKeys: [] },
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// Near-valid policies: a valid policy with a few fields dropped, renamed or retyped.

type Path = (string | number)[];
type Container = Record<string | number, unknown>;

/** Every path in a JSON tree, the root included, walked without recursion. */
export function pathsOf(root: unknown): Path[] {
  const out: Path[] = [[]];
  const stack: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const [k, v] of Object.entries(value)) {
      const child = [...path, Array.isArray(value) ? Number(k) : k];
      out.push(child);
      stack.push({ value: v, path: child });
    }
  }
  return out;
}

export interface Mutation {
  readonly op: 'drop' | 'rename' | 'retype' | 'wrap' | 'unwrap' | 'duplicate' | 'text';
  readonly target: number;
  readonly key: string;
  readonly value: unknown;
  readonly text: string;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('drop', 'rename', 'retype', 'wrap', 'unwrap', 'duplicate', 'text'),
  target: fc.nat(),
  key: fc.oneof(fc.constantFrom(...POLICY_KEYS), fc.constantFrom(...PROTO_NAMES), fc.string()),
  value: anyValueArb,
  text: trickyStringArb,
});

/** Applies mutations to a copy of a document. */
export function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(doc);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.target % paths.length]!;
    const get = (p: Path) => p.reduce<unknown>((v, k) => (v as Container)[k], root);
    const current = get(path);
    const replace = (value: unknown) => {
      if (path.length === 0) root = value;
      else (get(path.slice(0, -1)) as Container)[path[path.length - 1]!] = value;
    };
    switch (m.op) {
      case 'drop':
        if (path.length === 0) root = undefined;
        else {
          const parent = get(path.slice(0, -1));
          const last = path[path.length - 1]!;
          if (Array.isArray(parent)) parent.splice(Number(last), 1);
          else delete (parent as Container)[last];
        }
        break;
      case 'rename': {
        const parent = path.length === 0 ? undefined : get(path.slice(0, -1));
        if (parent === undefined || Array.isArray(parent)) replace(m.value);
        else {
          delete (parent as Container)[path[path.length - 1]!];
          Object.defineProperty(parent, m.key, {
            value: current,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        break;
      }
      case 'retype':
        replace(m.value);
        break;
      case 'wrap':
        replace(m.target % 2 === 0 ? [current] : { [m.key]: current });
        break;
      case 'unwrap':
        if (typeof current === 'object' && current !== null) replace(Object.values(current)[0]);
        else replace(String(current));
        break;
      case 'duplicate':
        if (Array.isArray(current) && current.length > 0) current.push(structuredClone(current[0]));
        else replace([current, current]);
        break;
      case 'text':
        replace(m.text);
        break;
    }
  }
  return root;
}

/** A valid identity or resource policy with one to three mutations. */
export const nearValidPolicyArb: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.oneof(policyArb('identity'), policyArb('resource')),
    fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
  )
  .map(([doc, mutations]) => mutate(doc, mutations));

// ---------------------------------------------------------------------------------------------------------------
// Deep nesting and huge strings.

const SLOTS = [
  'root',
  'Statement',
  'Action',
  'Resource',
  'Principal',
  'Condition',
  'ConditionValue',
  'Sid',
  'Version',
] as const;

/** A valid-looking policy with `value` placed in one of its slots. */
export function placeIn(slot: (typeof SLOTS)[number], value: unknown, version = true): unknown {
  const statement: Record<string, unknown> = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
  const doc: Record<string, unknown> = version
    ? { Version: '2012-10-17', Statement: statement }
    : { Statement: statement };
  switch (slot) {
    case 'root':
      return value;
    case 'Statement':
      doc['Statement'] = value;
      break;
    case 'Action':
    case 'Resource':
    case 'Principal':
    case 'Condition':
    case 'Sid':
      statement[slot] = value;
      break;
    case 'ConditionValue':
      statement['Condition'] = { StringLike: { 'aws:username': value } };
      break;
    case 'Version':
      doc['Version'] = value;
      break;
  }
  return doc;
}

/** Arrays and objects nested hundreds to thousands deep, in some slot of a policy, or as JSON text. */
export const deepArb: fc.Arbitrary<unknown> = fc
  .record({
    depth: fc.integer({ min: 50, max: 5000 }),
    shape: fc.constantFrom('array', 'object', 'mixed'),
    slot: fc.constantFrom(...SLOTS),
    asText: fc.boolean(),
    leaf: scalarArb,
  })
  .map(({ depth, shape, slot, asText, leaf }) => {
    if (asText) {
      const open = shape === 'array' ? '[' : '{"Statement":';
      const close = shape === 'array' ? ']' : '}';
      return `${open.repeat(depth)}${JSON.stringify(leaf) ?? 'null'}${close.repeat(depth)}`;
    }
    let value: unknown = leaf;
    for (let i = 0; i < depth; i++) {
      const arr = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
      value = arr ? [value] : { Statement: value, Effect: 'Allow' };
    }
    return placeIn(slot, value);
  });

const HUGE_FILLS = [
  '*',
  '?',
  '*?',
  '${',
  '${a}',
  '${aws:username}',
  '${*}',
  '}',
  'a',
  'a*',
  ':',
  '/',
  ' ',
  '1',
  '9.',
  'e1',
  '$',
];

/** Strings of five thousand to a hundred thousand characters, in some slot of a policy (or the policy text). */
export const hugeArb: fc.Arbitrary<unknown> = fc
  .record({
    fill: fc.constantFrom(...HUGE_FILLS),
    length: fc.integer({ min: 5_000, max: 100_000 }),
    head: fc.constantFrom('', 'arn:aws:s3:::', 's3:', 'arn:aws:iam::111122223333:user/', '10.0.0.'),
    tail: fc.constantFrom('', 'x', '}', ':', '/', "'}"),
    slot: fc.constantFrom(
      ...SLOTS,
      'NumericValue',
      'IpValue',
      'DateValue',
      'NotResource',
      'OperatorName',
      'ConditionKey',
    ),
    version: fc.boolean(),
  })
  .map(({ fill, length, head, tail, slot, version }) => {
    const text = head + fill.repeat(Math.ceil(length / fill.length)) + tail;
    const condition = (operator: string) =>
      placeIn('Condition', { [operator]: { 'aws:SourceIp': [text, '10.0.0.0/8'] } }, version);
    switch (slot) {
      case 'NumericValue':
        return condition('NumericLessThan');
      case 'IpValue':
        return condition('IpAddress');
      case 'DateValue':
        return condition('DateGreaterThan');
      case 'NotResource':
        return { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: '*', NotResource: text } };
      case 'OperatorName':
        return placeIn('Condition', { [text]: { 'aws:x': 'y' } }, version);
      case 'ConditionKey':
        return placeIn('Condition', { StringLike: { [text]: 'y' } }, version);
      case 'root':
        return text;
      default:
        return placeIn(slot, text, version);
    }
  });

/** A policy whose Principal lists thousands to hundreds of thousands of entries. */
export function hugeListArb(min: number, max: number): fc.Arbitrary<unknown> {
  return fc
    .record({ length: fc.noBias(fc.integer({ min, max })), kind: fc.constantFrom('AWS', 'Service') })
    .map(({ length, kind }) => ({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: {
          [kind]: new Array<string>(length).fill(kind === 'AWS' ? '111122223333' : 'x.amazonaws.com'),
        },
        Action: 's3:GetObject',
        Resource: '*',
      },
    }));
}

// ---------------------------------------------------------------------------------------------------------------
// Known failures: predicates that recognise the inputs of each bug reported in `regressions.test.ts`.

interface Scan {
  /** Every distinct string in the value, object keys included. */
  readonly strings: ReadonlySet<string>;
  readonly records: readonly Record<string, unknown>[];
  readonly longestList: number;
}

const scans = new WeakMap<object, Scan>();

/** Every string in a value (keys included), its objects, and its longest array, walked without recursion. */
function scan(input: unknown): Scan {
  if (typeof input === 'object' && input !== null) {
    const cached = scans.get(input);
    if (cached !== undefined) return cached;
  }
  const strings = new Set<string>();
  const records: Record<string, unknown>[] = [];
  let longestList = 0;
  let root = input;
  if (typeof input === 'string') {
    strings.add(input);
    try {
      root = JSON.parse(input);
    } catch {
      root = undefined;
    }
  }
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') strings.add(value);
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      longestList = Math.max(longestList, value.length);
      for (const item of value) stack.push(item);
    } else {
      records.push(value as Record<string, unknown>);
      for (const [k, v] of Object.entries(value)) {
        strings.add(k);
        stack.push(v);
      }
    }
  }
  const result = { strings, records, longestList };
  if (typeof input === 'object' && input !== null) scans.set(input, result);
  return result;
}

const PROTO_VARIABLE = new RegExp(`\\$\\{(?:${PROTO_NAMES.join('|')})\\}`);

function longestDigitRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * The characters scanned when, from every `${`, a scan runs on to the next `}` (or to the end): the work of the
 * quadratic scans of KF5.
 */
function variableScanWork(text: string): number {
  let work = 0;
  let nextClose = text.length;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x7d) nextClose = i;
    else if (c === 0x24 && text.charCodeAt(i + 1) === 0x7b) work += nextClose - i;
  }
  return work;
}

/** The bugs the fuzzers found, each with the predicate that recognises its inputs. */
export const KNOWN = {
  /** KF1: a Principal / NotPrincipal key named like an `Object.prototype` member makes the parser throw. */
  principalProtoKey: (input: unknown) =>
    scan(input).records.some((r) =>
      ['Principal', 'NotPrincipal'].some((k) => {
        const block = r[k];
        return (
          typeof block === 'object' &&
          block !== null &&
          !Array.isArray(block) &&
          Object.keys(block).some((key) => PROTO_NAMES.includes(key))
        );
      }),
    ),
  /** KF2: `${constructor}` (or another `Object.prototype` name) in a Resource or condition value. */
  protoVariable: (input: unknown) =>
    [...scan(input).strings].some((s) => s.includes('${') && PROTO_VARIABLE.test(s)),
  /** KF3: a Principal list so long that spreading it into `push` overflows the stack. */
  hugeList: (input: unknown) => scan(input).longestList > 50_000,
  /** KF4: a long run of digits, on which the Numeric operators' number regex backtracks quadratically. */
  digitRun: (input: unknown) => [...scan(input).strings].some((s) => longestDigitRun(s) >= 4000),
  /** KF5: thousands of `${` far from any `}`, which the template scanner and a validator regex scan quadratically. */
  manyVariableOpeners: (input: unknown) =>
    [...scan(input).strings].some((s) => s.length >= 4000 && variableScanWork(s) >= 5e7),
};

/** True when the input hits any known bug of the parser, validator and compiler. */
export function hitsKnownParserBug(input: unknown): boolean {
  return (
    KNOWN.principalProtoKey(input) ||
    KNOWN.protoVariable(input) ||
    KNOWN.hugeList(input) ||
    KNOWN.digitRun(input) ||
    KNOWN.manyVariableOpeners(input)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The inputs of the parser, validator and compiler fuzzers.

/** One family of inputs: which known bugs it reaches, and (for some) a smaller form for the run excluding them. */
export interface Source {
  readonly name: string;
  readonly arb: fc.Arbitrary<unknown>;
  /** The known bugs (see `regressions.test.ts`) these inputs reach: the full property fails, or may fail. */
  readonly fails: readonly string[];
  /** The inputs for the run that excludes the known bugs, when they differ from `arb`. */
  readonly smaller?: fc.Arbitrary<unknown>;
}

const jsonText = (arb: fc.Arbitrary<unknown>) => arb.map((v) => JSON.stringify(v) ?? 'null');

export const SOURCES: readonly Source[] = [
  { name: 'arbitrary JSON values', arb: fc.jsonValue(), fails: [] },
  { name: 'arbitrary JS values', arb: fc.anything(), fails: [] },
  {
    name: 'arbitrary strings',
    arb: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), trickyStringArb, wildcardTextArb),
    fails: [],
  },
  { name: 'deeply nested structures', arb: deepArb, fails: [] },
  { name: 'values built from policy keys and tricky strings', arb: anyValueArb, fails: ['KF1', 'KF2'] },
  {
    name: 'JSON text',
    arb: fc.oneof(
      fc.json(),
      jsonText(policyIshArb),
      jsonText(nearValidPolicyArb),
      // Truncated JSON text: invalid, and must be reported as such.
      fc
        .tuple(jsonText(nearValidPolicyArb), fc.nat())
        .map(([text, n]) => text.slice(0, n % (text.length + 1))),
    ),
    fails: ['KF1', 'KF2'],
  },
  { name: 'policy-shaped objects', arb: policyIshArb, fails: ['KF1', 'KF2'] },
  {
    name: 'near-valid policies (a valid one with fields dropped, renamed or retyped)',
    arb: nearValidPolicyArb,
    fails: ['KF1', 'KF2'],
  },
  { name: 'huge strings', arb: hugeArb, fails: ['KF4', 'KF5'] },
  {
    name: 'huge principal lists',
    arb: hugeListArb(200_000, 600_000),
    fails: ['KF3'],
    smaller: hugeListArb(1_000, 20_000),
  },
];
