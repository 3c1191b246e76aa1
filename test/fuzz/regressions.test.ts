/**
 * Regressions: the bugs the property and fuzz tests found (all fixed), each as the smallest input that showed it.
 * They run in every test run, as do the full forms of the fuzz properties that found them.
 *
 * KF1  parsePolicy, validatePolicy and compilePolicyOrThrow throw a TypeError on a Principal / NotPrincipal key
 *      named like an Object.prototype member (`constructor`, `toString`, `__proto__`, …).
 * KF2  validatePolicy and compilePolicyOrThrow throw a TypeError on `${constructor}` (or another Object.prototype
 *      name) in a Resource, NotResource or String/Arn condition value of a 2012-10-17 policy; StringEquals
 *      compares against the source text of the Object function instead.
 * KF3  parsePolicy throws a RangeError on a Principal list of 150,000 entries or more.
 * KF4  The Numeric operators' number regex backtracks quadratically on long runs of digits, in policy values
 *      (validatePolicy, compilePolicyOrThrow) and in request context values (evaluate).
 * KF5  Strings with thousands of `${` are scanned quadratically (validatePolicy without Version; the template
 *      parser with Version 2012-10-17).
 * KF6  Wildcard matching (Action, Resource, NotResource, StringLike, ArnLike) backtracks catastrophically: n^k
 *      steps for k stars on a subject of n characters, with a requester-controlled subject.
 * KF7  loadScenario accepts `toString`, `constructor`, … as the name of a policy of the file.
 * KF8  loadScenario accepts a `now` outside the range of a Date, and runScenario (createRequest) then throws.
 * KF9  The cache of resolved resource patterns keys two variable values ('', 'p\u0000q') and ('p', 'q') alike,
 *      so one request's resolution leaks into another's decision (test/properties/compile-once.test.ts).
 * KF10 A principal tag whose value is a JSON object with a `toString` member makes runScenario throw a TypeError
 *      (loadScenario reports the tag, but passes it on; `iamd simulate --batch` runs the cases anyway).
 */
import { describe, expect } from 'vitest';
import {
  compilePolicyOrThrow,
  createPolicySet,
  createRequest,
  evaluate,
  parsePolicy,
  PolicyValidationError,
  validatePolicy,
} from '../../src/policy/index.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/run.js';
import { HANG_MS, itFull as itWhenFixed } from './arbitraries.js';

const USER = 'arn:aws:iam::111122223333:user/alice';

/** Decides one request against one identity policy, and how long the decision took. */
function timedDecision(
  policy: unknown,
  request: { action: string; resource?: string; context?: Record<string, string> },
) {
  const set = createPolicySet({ identity: [compilePolicyOrThrow(policy, 'p')] });
  const prepared = createRequest({ principal: USER, ...request });
  const started = performance.now();
  const decision = evaluate(set, prepared).decision;
  return { decision, ms: performance.now() - started };
}

/** How long a call took. */
function msOf(f: () => unknown): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}

describe('KF1: a Principal key named like an Object.prototype member', () => {
  // Shrunk by the fuzzer from a policy-shaped object: {"Statement":[{"NotPrincipal":{"constructor":{}}}]}.
  // Today: TypeError "Cannot read properties of undefined (reading 'push')" from parsePrincipal, whose lookup
  // `PRINCIPAL_KINDS[key]` finds Object.prototype.constructor. AWS rejects the document as malformed (an invalid
  // principal type); the parser promises faults, never exceptions.
  const doc = { Statement: { Effect: 'Allow', Action: '*', Principal: { constructor: 'x' } } };

  itWhenFixed('is an InvalidPrincipal fault, from parsePolicy and validatePolicy', () => {
    const parsed = parsePolicy(doc);
    expect(parsed.ok).toBe(false);
    expect(validatePolicy(doc)).toContainEqual(
      expect.objectContaining({ path: '$.Statement.Principal.constructor', code: 'InvalidPrincipal' }),
    );
    expect(() => parsePolicy(JSON.parse('{"Statement":[{"NotPrincipal":{"__proto__":"x"}}]}'))).not.toThrow();
  });

  itWhenFixed('makes compilePolicyOrThrow throw a PolicyValidationError', () => {
    expect(() => compilePolicyOrThrow(doc, 'p')).toThrow(PolicyValidationError);
  });
});

describe('KF2: `${constructor}` in a Resource or a String/Arn condition value (Version 2012-10-17)', () => {
  // Shrunk by the fuzzer: Condition {"ArnNotEquals": {"aws:SourceIp": "${constructor}"}}. Today: TypeError
  // "piece.text is not iterable" from regexSourceFor, because parseTemplate's `ESCAPES[body]` finds
  // Object.prototype.constructor and makes it a literal piece whose text is a function. `${constructor}` is no
  // policy variable (no vendor prefix); the engine's own rule keeps such text as is.
  const like = {
    Version: '2012-10-17',
    Statement: {
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringLike: { 'aws:x': '${constructor}' } },
    },
  };
  const resource = {
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/${toString}' },
  };

  itWhenFixed('validatePolicy does not throw', () => {
    expect(() => validatePolicy(like)).not.toThrow();
  });

  itWhenFixed(
    'a policy that validates compiles (today validatePolicy says [] and compilePolicyOrThrow throws)',
    () => {
      expect(validatePolicy(resource)).toEqual([]);
      expect(() => compilePolicyOrThrow(resource, 'p')).not.toThrow();
    },
  );

  itWhenFixed(
    'StringEquals compares with the text as written, not with the source of the Object function',
    () => {
      const equals = {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:x': '${constructor}' } },
        },
      };
      // Today: allowed.
      expect(
        timedDecision(equals, {
          action: 's3:GetObject',
          context: { 'aws:x': 'function Object() { [native code] }' },
        }).decision,
      ).toBe('implicitDeny');
    },
  );
});

describe('KF3: a Principal list of 500,000 entries', () => {
  // Today: RangeError "Maximum call stack size exceeded" from `lists[target].push(...list)` in parsePrincipal
  // (the spread passes every entry as an argument: past 120,000 to 300,000 entries on Node 20, depending on the
  // stack in use). AWS's size limits keep such a document from AWS itself, but parsePolicy promises never to
  // throw, whatever the input.
  itWhenFixed('does not make parsePolicy throw', () => {
    const doc = {
      Statement: {
        Effect: 'Allow',
        Action: '*',
        Principal: { AWS: new Array<string>(500_000).fill('111122223333') },
      },
    };
    expect(() => parsePolicy(doc)).not.toThrow();
  });
});

describe('KF4: a long run of digits where a number is expected', () => {
  // NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/: without a dot, `\d+` and `\d*` can split a run of
  // digits in n ways, so a failing match takes n^2 steps: 20,000 digits take about one second, 40,000 four
  // (unloaded, 2 cores). The context value comes from the request, so one request can stall the engine.
  const digits = `${'1'.repeat(40_000)}x`;

  itWhenFixed('in a policy value, is rejected promptly by validatePolicy', () => {
    const doc = {
      Statement: {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { NumericEquals: { 'aws:x': digits } },
      },
    };
    expect(msOf(() => validatePolicy(doc))).toBeLessThan(HANG_MS);
  });

  itWhenFixed('in a request context value, is decided promptly', () => {
    const doc = {
      Statement: {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { NumericLessThan: { 's3:max-keys': '10' } },
      },
    };
    expect(
      timedDecision(doc, { action: 's3:ListBucket', context: { 's3:max-keys': digits } }).ms,
    ).toBeLessThan(HANG_MS);
  });
});

describe('KF5: thousands of `${` in one string', () => {
  // Shrunk by the fuzzer (huge strings): a Resource "s3:${${${…${x" in a policy without Version.
  // (a) checkVariablesNeedVersion's /\$\{[^}]+\}/ runs to the end of the string from every `${` when no `}` follows.
  // (b) parseTemplate looks for the next `}` again after every `${` that opens no variable.
  itWhenFixed('(a) validatePolicy, no Version, finishes promptly', () => {
    const doc = {
      Statement: { Effect: 'Allow', Action: '*', Resource: `arn:aws:s3:::${'${'.repeat(60_000)}` },
    };
    expect(msOf(() => validatePolicy(doc))).toBeLessThan(HANG_MS);
  });

  itWhenFixed('(b) validatePolicy, Version 2012-10-17, finishes promptly', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { StringLike: { 'aws:x': `${'${'.repeat(50_000)}}` } },
      },
    };
    expect(msOf(() => validatePolicy(doc))).toBeLessThan(HANG_MS);
  });
});

describe('KF6: wildcard matching backtracks', () => {
  // Patterns compile to regexes such as ^arn:aws:s3:::bucket/[^:]*/[^:]*/…\.jpg$, which V8 matches by
  // backtracking: a failing match tries every way of splitting the subject among the stars. AWS's matching has no
  // such cost. The subject is the request's (an S3 object key may be 1,024 bytes).
  itWhenFixed('a realistic Resource pattern against a long object key is decided promptly', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*/*/*/*/*/*.jpg' },
    };
    // About 5 s today (unloaded, 2 cores); more slashes in the key, or stars in the pattern, take minutes.
    const resource = `arn:aws:s3:::bucket/${'a/'.repeat(100)}x.png`;
    expect(timedDecision(doc, { action: 's3:GetObject', resource }).ms).toBeLessThan(HANG_MS);
  });

  itWhenFixed('the fuzzer’s counterexample (NotResource) is decided promptly', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:GetObject',
        NotResource: 'arn:aws:s3:::bucket/*a*a*a*a*a*a*?*a*?**c',
      },
    };
    const resource = 'arn:aws:s3:::bucket/aaaaaaaabaaabaaaaaba/a/aaabaaaaaaab';
    expect(timedDecision(doc, { action: 's3:GetObject', resource }).ms).toBeLessThan(HANG_MS);
  });

  itWhenFixed('StringLike and Action patterns with many stars are decided promptly', () => {
    const like = {
      Statement: {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { StringLike: { 'aws:x': `${'*a'.repeat(10)}*b` } },
      },
    };
    expect(
      timedDecision(like, { action: 's3:GetObject', context: { 'aws:x': 'a'.repeat(40) } }).ms,
    ).toBeLessThan(HANG_MS);
    const action = { Statement: { Effect: 'Allow', Action: 's3:*a*a*a*a*a*a*a*b', Resource: '*' } };
    expect(timedDecision(action, { action: `s3:${'a'.repeat(50)}` }).ms).toBeLessThan(HANG_MS);
  });
});

describe('KF7: a policy named like an Object.prototype member', () => {
  // Today: no fault; `value in this.policies` finds the inherited member. runScenario then compiles
  // Object.prototype.toString (a function) and reports "$.policies.toString: A policy must be a JSON object, not a
  // function." (for `__proto__`, Object.prototype itself: "A policy must have a `Statement` element.").
  itWhenFixed('loadScenario reports that the name is not in the file’s policies', () => {
    const raw = JSON.parse(
      '{"policies":{},"cases":[{"id":"c","action":"s3:GetObject","principal":{"arn":"arn:aws:iam::111122223333:user/alice"},"identityPolicies":["toString","__proto__"]}]}',
    );
    const { faults } = loadScenario(raw);
    expect(faults.map((f) => f.path)).toEqual([
      '$.cases[0].identityPolicies[0]',
      '$.cases[0].identityPolicies[1]',
    ]);
  });
});

describe('KF8: a scenario `now` outside the range of a Date', () => {
  // `now` is epoch seconds; 1e13 s is past the year 275760. Today: no fault from loadScenario, and runScenario
  // throws RangeError "Invalid time value" from createRequest (new Date(ms).toISOString()). JSON `1e400` gives
  // Infinity, with the same result. `iamd simulate --batch` should report a fault rather than crash.
  const raw = {
    now: 1e13,
    cases: [{ id: 'c', action: 's3:GetObject', principal: { arn: 'arn:aws:iam::111122223333:user/alice' } }],
  };

  itWhenFixed('loadScenario reports it, and runScenario does not throw', () => {
    const { scenario, faults } = loadScenario(raw);
    expect(faults.map((f) => f.path)).toContain('$.now');
    expect(() => runScenario(scenario)).not.toThrow();
  });

  itWhenFixed('createRequest does not throw on such a clock', () => {
    expect(() => createRequest({ principal: USER, action: 's3:GetObject', now: 1e20 })).not.toThrow();
  });
});

describe('KF9: the cache of resolved resource patterns confuses two combinations of variable values', () => {
  // Found by test/properties/compile-once.test.ts, shrunk. variableResourceMatcher (statement.ts) keys its cache by
  // the variables' values joined with U+0000, but skips the separator while the key is still empty: ('', 'p\0q')
  // and ('p', 'q') both give the key "p\0q". The first request's regex then decides the second: evaluating with
  // one compiled set differs from compiling afresh. Needs a control character in a value (a request context
  // value such as s3:prefix can hold one), and a Resource with two variables.
  itWhenFixed('a compiled set decides as a fresh compilation, whatever it decided before', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: "arn:aws:s3:::bucket-c/${aws:PrincipalTag/a, 'none'}-${aws:PrincipalTag/b}/*",
      },
    };
    const request = (a: string, b: string, resource: string) =>
      createRequest({ principal: { arn: USER, tags: { a, b } }, action: 's3:PutObject', resource });
    const shared = createPolicySet({ identity: [compilePolicyOrThrow(doc, 'p')] });
    evaluate(shared, request('', 'p\u0000q', 'arn:aws:s3:::bucket-c/-/f'));
    const second = request('p', 'q', 'arn:aws:s3:::bucket-c/p-q/f');
    const fresh = createPolicySet({ identity: [compilePolicyOrThrow(doc, 'p')] });
    expect(evaluate(fresh, second).decision).toBe('allowed');
    // Today: implicitDeny.
    expect(evaluate(shared, second).decision).toBe('allowed');
  });
});

describe('KF10: a principal tag whose value is an object with a `toString` member', () => {
  // Shrunk by the fuzzer: {"cases":[{"principal":{"arn":"…:user/alice","tags":{"":{"toString":0}}}}]}.
  // loadScenario reports "Principal tags must be an object of strings." but hands the tags on as they are; the CLI
  // runs the cases anyway, and createRequest's String(value) throws TypeError "Cannot convert object to primitive
  // value". Expected: the case runs without the bad tag (or the run reports the fault), but nothing throws.
  itWhenFixed('runScenario does not throw', () => {
    const raw = JSON.parse(
      '{"cases":[{"id":"c","action":"s3:GetObject","principal":{"arn":"arn:aws:iam::111122223333:user/alice","tags":{"team":{"toString":0}}}}]}',
    );
    const { scenario, faults } = loadScenario(raw);
    expect(faults.map((f) => f.path)).toEqual(['$.cases[0].principal.tags']);
    expect(() => runScenario(scenario)).not.toThrow();
  });
});
