import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { loadScenario, type ScenarioFault } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/run.js';
import { ACTIONS, IAM_PRINCIPALS, policyArb } from '../properties/arbitraries.js';
import {
  anyValueArb,
  CONDITION_KEYS,
  fcParams,
  hitsKnownParserBug,
  itFull,
  mutate,
  nearValidPolicyArb,
  PROTO_NAMES,
  policyIshArb,
  timed,
  trickyStringArb,
  type Mutation,
  guardPrototype,
} from './arbitraries.js';

guardPrototype();

// Each property takes a second or so; leave room for a loaded CI machine.
vi.setConfig({ testTimeout: 30_000 });

// `iamd simulate --batch` reads a scenario file with JSON.parse and hands the value to loadScenario; so inputs
// here are JSON values (a round trip through JSON text drops what JSON cannot hold).
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyValueArb });

const POLICY_NAMES = ['p1', 'p2', 'p3'];
const policyRefArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...POLICY_NAMES, 'missing') },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 3, arbitrary: fc.oneof(policyArb('identity'), policyArb('resource')) },
  { weight: 1, arbitrary: nearValidPolicyArb },
  { weight: 1, arbitrary: anyValueArb },
);
const refsArb = mostly(fc.array(policyRefArb, { maxLength: 3 }));
const numberOrDateArb = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc.double(),
  fc.constantFrom('2026-06-15T12:00:00Z', '2026-06-15', 'yesterday', ''),
  trickyStringArb,
);

const caseArb = fc.record(
  {
    id: mostly(fc.oneof(fc.constantFrom('a', 'b', 'a'), trickyStringArb)),
    principal: mostly(
      fc.record(
        {
          arn: mostly(
            fc.oneof(fc.constantFrom(...IAM_PRINCIPALS, '*', 'lambda.amazonaws.com'), trickyStringArb),
          ),
          tags: mostly(fc.dictionary(fc.string(), fc.oneof(fc.string(), anyValueArb), { maxKeys: 2 })),
          userId: mostly(trickyStringArb),
          roleArn: mostly(trickyStringArb),
          canonicalUserId: mostly(trickyStringArb),
        },
        { requiredKeys: [] },
      ),
    ),
    identityPolicies: refsArb,
    permissionsBoundary: mostly(policyRefArb),
    sessionPolicies: refsArb,
    scps: mostly(fc.array(refsArb, { maxLength: 2 })),
    rcps: mostly(fc.array(refsArb, { maxLength: 2 })),
    resourcePolicy: mostly(policyRefArb),
    resourceAccount: mostly(fc.constantFrom('111122223333', '444455556666', '')),
    managementAccount: mostly(fc.constantFrom('111122223333', '444455556666')),
    action: mostly(fc.oneof(fc.constantFrom(...ACTIONS), trickyStringArb)),
    resource: mostly(fc.oneof(fc.constantFrom('*', 'arn:aws:s3:::bucket-a/key'), trickyStringArb)),
    context: mostly(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...CONDITION_KEYS), fc.string()),
        fc.oneof(trickyStringArb, fc.array(trickyStringArb, { maxLength: 3 }), anyValueArb),
        { maxKeys: 3 },
      ),
    ),
    now: mostly(numberOrDateArb),
    expect: mostly(fc.constantFrom('allowed', 'explicitDeny', 'implicitDeny', 'Allowed', '')),
    doc: mostly(trickyStringArb),
  },
  { requiredKeys: [] },
);

const scenarioIshArb: fc.Arbitrary<unknown> = fc
  .record(
    {
      policies: mostly(
        fc.dictionary(
          fc.oneof(fc.constantFrom(...POLICY_NAMES), fc.string(), fc.constantFrom(...PROTO_NAMES)),
          fc.oneof(policyArb('identity'), policyArb('resource'), nearValidPolicyArb, policyIshArb),
          { maxKeys: 4 },
        ),
      ),
      cases: mostly(fc.array(caseArb, { maxLength: 4 })),
      managementAccount: mostly(fc.constantFrom('111122223333', '444455556666')),
      now: mostly(numberOrDateArb),
    },
    { requiredKeys: [] },
  )
  .map(asJson);

// The scenario corpus itself, each file with a few mutations: near-valid scenario files.
const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as unknown);
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('drop', 'rename', 'retype', 'wrap', 'unwrap', 'duplicate', 'text'),
  target: fc.nat(),
  key: fc.oneof(
    fc.constantFrom('policies', 'cases', 'now', 'identityPolicies', 'arn', ...PROTO_NAMES),
    fc.string(),
  ),
  value: anyValueArb,
  text: trickyStringArb,
});
const mutatedCorpusArb: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...corpus), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([file, start, mutations]) => {
    // A few consecutive cases of the file (all of its policies), to keep each run cheap.
    const { cases, ...rest } = file as { cases: unknown[] };
    const from = start % cases.length;
    return asJson(mutate({ ...rest, cases: cases.slice(from, from + 4) }, mutations));
  });

/** The inputs, and whether the known bugs KF1, KF2, KF7, KF8 and KF10 are within their reach. */
const SOURCES: readonly { name: string; arb: fc.Arbitrary<unknown>; reachesKnownBugs: boolean }[] = [
  { name: 'arbitrary JSON values', arb: fc.jsonValue(), reachesKnownBugs: false },
  { name: 'scenario-shaped values', arb: scenarioIshArb, reachesKnownBugs: true },
  { name: 'mutated scenario files from test/scenarios', arb: mutatedCorpusArb, reachesKnownBugs: true },
];

function expectWellFormedScenarioFaults(faults: readonly ScenarioFault[]): void {
  const bad = faults.filter(
    (f) =>
      typeof f.path !== 'string' ||
      !f.path.startsWith('$') ||
      typeof f.message !== 'string' ||
      f.message.trim() === '' ||
      (f.caseId !== undefined && typeof f.caseId !== 'string'),
  );
  expect(bad).toEqual([]);
}

/** Every policy a loaded scenario refers to by name. */
function namedRefs(raw: unknown): string[] {
  const { scenario } = loadScenario(raw);
  return scenario.cases.flatMap((c) =>
    [
      ...c.identityPolicies,
      ...(c.sessionPolicies ?? []),
      ...(c.scps ?? []).flat(),
      ...(c.rcps ?? []).flat(),
      ...(c.permissionsBoundary ? [c.permissionsBoundary] : []),
      ...(c.resourcePolicy ? [c.resourcePolicy] : []),
    ].flatMap((ref) => ('name' in ref ? [ref.name] : [])),
  );
}

function checkLoad(raw: unknown): void {
  const { scenario, faults } = timed('loadScenario', () => loadScenario(raw));
  expectWellFormedScenarioFaults(faults);
  expect(Array.isArray(scenario.cases)).toBe(true);
  for (const c of scenario.cases) {
    expect(typeof c.id).toBe('string');
    expect(typeof c.action).toBe('string');
    expect(typeof c.principal.arn).toBe('string');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) expect(faults.length).toBe(1);
}

/** A named reference must name a policy of the file: an own member of `policies`, not an inherited one. */
function checkNamedRefs(raw: unknown): void {
  const { scenario } = loadScenario(raw);
  for (const name of namedRefs(raw)) expect(Object.hasOwn(scenario.policies, name), name).toBe(true);
}

function checkRun(raw: unknown): void {
  const { scenario } = loadScenario(raw);
  const { results, faults } = timed('runScenario', () => runScenario(scenario, { explain: true }));
  expect(results.length).toBe(scenario.cases.length);
  expectWellFormedScenarioFaults(faults);
  for (const r of results) expect(['allowed', 'explicitDeny', 'implicitDeny']).toContain(r.decision);
}

// KF7: a name that `Object.prototype` carries (`toString`, `constructor`, …) passes for a policy of the file.
const refersToInheritedName = (raw: unknown) => namedRefs(raw).some((n) => PROTO_NAMES.includes(n));
// KF8: a `now` (epoch seconds) outside the range of a JavaScript Date makes runScenario throw a RangeError.
const MAX_DATE_SECONDS = 8.64e12;
function nowOutOfRange(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as { now?: unknown; cases?: unknown };
  const cases = Array.isArray(r.cases) ? (r.cases as unknown[]) : [];
  return [
    r.now,
    ...cases.map((c) => (typeof c === 'object' && c !== null ? (c as { now?: unknown }).now : undefined)),
  ].some((now) => typeof now === 'number' && !(Math.abs(now) <= MAX_DATE_SECONDS));
}

// KF10: a principal tag whose value holds an object with its own `toString` member makes runScenario throw.
function unprintableTag(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const cases = (raw as { cases?: unknown }).cases;
  if (!Array.isArray(cases)) return false;
  const stack: unknown[] = cases.map((c) =>
    typeof c === 'object' && c !== null
      ? (c as { principal?: { tags?: unknown } }).principal?.tags
      : undefined,
  );
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (!Array.isArray(value) && Object.hasOwn(value, 'toString')) return true;
    stack.push(...Object.values(value));
  }
  return false;
}

describe.each(SOURCES)('loadScenario on $name', ({ arb, reachesKnownBugs }) => {
  it('never throws, finishes promptly, and reports only well-formed faults', () => {
    fc.assert(fc.property(arb, checkLoad), fcParams());
  });

  const names = 'resolves a policy name only to a policy of the file';
  const runs = 'loads a scenario that runScenario runs without throwing';
  if (!reachesKnownBugs) {
    it(names, () => fc.assert(fc.property(arb, checkNamedRefs), fcParams()));
    it(runs, () => fc.assert(fc.property(arb, checkRun), fcParams()));
    return;
  }

  // Skipped (run it with FUZZ_FULL=1): fails on KF7. The next test excludes exactly those inputs.
  itFull(`${names} (full; reaches KF7)`, () => {
    fc.assert(fc.property(arb, checkNamedRefs), fcParams());
  });

  it(`${names} (inputs of KF7 excluded)`, () => {
    fc.assert(
      fc.property(arb, (raw) => {
        fc.pre(!refersToInheritedName(raw));
        checkNamedRefs(raw);
      }),
      fcParams(),
    );
  });

  // Skipped (run it with FUZZ_FULL=1): fails on KF1, KF2 (inline or named policies), KF8 and KF10.
  itFull(`${runs} (full; reaches KF1, KF2, KF8, KF10)`, () => {
    fc.assert(fc.property(arb, checkRun), fcParams());
  });

  it(`${runs} (inputs of KF1, KF2, KF8, KF10 excluded)`, () => {
    fc.assert(
      fc.property(arb, (raw) => {
        fc.pre(!hitsKnownParserBug(raw) && !nowOutOfRange(raw) && !unprintableTag(raw));
        checkRun(raw);
      }),
      fcParams(),
    );
  });
});
