import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequest, evaluate, type ContextInput } from '../../src/policy/index.js';
import { compileSet, fcParams, IAM_PRINCIPALS, NOW, setDocsArb } from './arbitraries.js';

/** Only a guard against hangs (catastrophic regex backtracking and the like), not a benchmark. */
const HANG_MS = 1000;

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('*', '?', '$', '{', '}', ':', '/', 'a', '1', '.', 'e', '-', ' ') }),
);
// Condition keys that the generated policies test, so that arbitrary values reach every operator family.
const KEYS = [
  'aws:PrincipalTag/team',
  's3:prefix',
  'aws:username',
  'aws:RequestedRegion',
  's3:max-keys',
  'aws:CurrentTime',
  'aws:TokenIssueTime',
  'aws:EpochTime',
  'aws:SecureTransport',
  'aws:MultiFactorAuthPresent',
  'aws:SourceIp',
  'aws:SourceArn',
  'aws:PrincipalArn',
  'aws:PrincipalAccount',
  'aws:x-bin',
  'aws:TagKeys',
];
const contextValue: fc.Arbitrary<ContextInput> = fc.oneof(
  text,
  fc.array(text, { maxLength: 4 }),
  fc.double().map(String),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.ipV6(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

describe('evaluate()', () => {
  it('never throws for valid policies and arbitrary principals, actions, resources and context values', () => {
    fc.assert(
      fc.property(
        setDocsArb(),
        fc.record({
          principal: fc.oneof(fc.constantFrom(...IAM_PRINCIPALS), text),
          tags: fc.dictionary(text, text, { maxKeys: 2 }),
          action: fc.oneof(text, fc.constantFrom('s3:GetObject', 'S3:getobject', '*', ':', 's3:')),
          resource: fc.option(text, { nil: undefined }),
          resourceAccount: fc.option(text, { nil: undefined }),
          context: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), text), contextValue, { maxKeys: 6 }),
        }),
        (docs, r) => {
          const set = compileSet(docs);
          const started = performance.now();
          const request = createRequest({
            principal: { arn: r.principal, tags: r.tags },
            action: r.action,
            resource: r.resource,
            resourceAccount: r.resourceAccount,
            context: r.context,
            now: NOW,
          });
          const decision = evaluate(set, request);
          expect(performance.now() - started).toBeLessThan(HANG_MS);
          expect(['allowed', 'explicitDeny', 'implicitDeny']).toContain(decision.decision);
          expect(decision.blockedBy === undefined).toBe(decision.decision === 'allowed');
          expect(decision.reason).not.toBe('');
        },
      ),
      fcParams(),
    );
  });
});
