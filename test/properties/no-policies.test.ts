import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPolicySet, createRequest, evaluate } from '../../src/policy/index.js';
import { ACCOUNT_A, ACTIONS, fcParams, NOW, NON_ROOT_PRINCIPALS, RESOURCES } from './arbitraries.js';

const anyAction = fc.oneof(fc.constantFrom(...ACTIONS, '*', ''), fc.string(), fc.string({ unit: 'binary' }));
const anyContext = fc.dictionary(
  fc.oneof(fc.constantFrom('aws:SourceIp', 's3:prefix', 'aws:PrincipalTag/team'), fc.string()),
  fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
  { maxKeys: 4 },
);

// With no policy at all, nothing allows an IAM user (or role, or session): the default is an implicit deny. The
// account's root user, on the other hand, may do anything in its own account (IAM User Guide, "Policy evaluation
// logic" and "AWS account root user").
describe('with no policies at all', () => {
  it('an IAM principal other than the root user gets implicitDeny, for any action and resource', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NON_ROOT_PRINCIPALS),
        anyAction,
        fc.oneof(fc.constantFrom(...RESOURCES), fc.string()),
        anyContext,
        fc.boolean(),
        (principal, action, resource, context, emptyLists) => {
          const set = createPolicySet(emptyLists ? { identity: [] } : {});
          const decision = evaluate(set, createRequest({ principal, action, resource, context, now: NOW }));
          expect(decision.decision).toBe('implicitDeny');
          expect(decision.matchedStatements).toEqual([]);
        },
      ),
      fcParams(),
    );
  });

  it('the account root user is allowed anything in its own account', () => {
    // A resource in the root user's account: `*`, an ARN without an account, an ARN in the account, any
    // non-ARN text, or any text with the account given as the resource's owner.
    const ownResource = fc.oneof(
      fc.record({
        resource: fc.constantFrom('*', 'arn:aws:s3:::bucket-a/key', `arn:aws:sqs:us-east-1:${ACCOUNT_A}:q`),
      }),
      fc.record({ resource: fc.string().filter((s) => !s.startsWith('arn:')) }),
      fc.record({ resource: fc.string(), resourceAccount: fc.constant(ACCOUNT_A) }),
      fc.record({
        resource: fc
          .tuple(fc.constantFrom('s3', 'sqs', 'kms', 'dynamodb', 'x'), fc.string(), fc.string())
          .map(
            ([service, region, rest]) =>
              `arn:aws:${service}:${region.replace(/:/g, '')}:${ACCOUNT_A}:${rest}`,
          ),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(`arn:aws:iam::${ACCOUNT_A}:root`, ACCOUNT_A),
        anyAction,
        ownResource,
        anyContext,
        (principal, action, where, context) => {
          const request = createRequest({ principal, action, ...where, context, now: NOW });
          expect(evaluate(createPolicySet({}), request).decision).toBe('allowed');
        },
      ),
      fcParams(),
    );
  });
});
