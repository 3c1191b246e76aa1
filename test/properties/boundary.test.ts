import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, fcParams, policyArb, requestArb, setDocsArb } from './arbitraries.js';

// A permissions boundary sets the maximum permissions that identity-based policies can grant; it never grants
// anything itself (IAM User Guide, "Permissions boundaries for IAM entities"). Without a resource-based policy in
// the picture, adding one can only take permissions away.
describe('adding a permissions boundary, with no resource-based policy', () => {
  const noResourcePolicy = setDocsArb({ resource: false, boundary: false });

  it('never turns a denial into allowed', () => {
    fc.assert(
      fc.property(noResourcePolicy, requestArb, policyArb('identity'), (docs, request, boundary) => {
        const before = decide(docs, request).decision;
        const after = decide({ ...docs, boundary: { name: 'boundary', doc: boundary } }, request).decision;
        if (before !== 'allowed') expect(after).not.toBe('allowed');
        if (before === 'explicitDeny') expect(after).toBe('explicitDeny');
      }),
      fcParams(),
    );
  });

  it('that allows everything changes no decision', () => {
    fc.assert(
      fc.property(noResourcePolicy, requestArb, (docs, request) => {
        const boundary = {
          name: 'boundary',
          doc: {
            Version: '2012-10-17' as const,
            Statement: [{ Effect: 'Allow' as const, Action: ['*'], Resource: ['*'] }],
          },
        };
        expect(decide({ ...docs, boundary }, request).decision).toBe(decide(docs, request).decision);
      }),
      fcParams(),
    );
  });
});
