import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  accountOf,
  actionArb,
  contextArb,
  decide,
  fcParams,
  IAM_PRINCIPALS,
  NOW,
  RESOURCES,
  setDocsArb,
} from './arbitraries.js';

const other = (account: string) => (account === ACCOUNT_A ? ACCOUNT_B : ACCOUNT_A);

// Across accounts, the resource's account must grant access in a resource-based policy as well: an identity-based
// policy alone never allows access to another account's resource (IAM User Guide, "Cross-account policy
// evaluation logic"). That holds for the root user too.
describe('a request for a resource in another account, with no resource-based policy', () => {
  it('is never allowed, whatever the identity policies, boundary, session policies, SCPs and RCPs say', () => {
    const request = fc
      .record({
        arn: fc.constantFrom(...IAM_PRINCIPALS),
        team: fc.constantFrom('red', 'blue'),
        action: actionArb,
        context: contextArb,
        // The resource's account is either named explicitly, or the account in the resource's ARN.
        explicit: fc.boolean(),
        resource: fc.constantFrom(...RESOURCES),
        ownResourceName: fc.constantFrom('instance/i-1', 'queue9', 'key/k9'),
      })
      .map((r) => {
        const theirs = other(accountOf(r.arn));
        const resource = r.explicit
          ? r.resource
          : `arn:aws:${r.ownResourceName.startsWith('instance') ? 'ec2' : r.ownResourceName.startsWith('key') ? 'kms' : 'sqs'}:us-east-1:${theirs}:${r.ownResourceName}`;
        return {
          principal: { arn: r.arn, tags: { team: r.team } },
          action: r.action,
          resource,
          ...(r.explicit ? { resourceAccount: theirs } : {}),
          context: r.context,
          now: NOW,
        };
      });
    fc.assert(
      fc.property(setDocsArb({ resource: false }), request, (docs, req) => {
        expect(decide(docs, req).decision).not.toBe('allowed');
      }),
      fcParams(),
    );
  });
});
