import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide,
  fcParams,
  requestArb,
  setDocsArb,
  statementArb,
  withIdentityStatement,
} from './arbitraries.js';

// A Deny statement can only take permissions away (IAM User Guide, "Policy evaluation logic": an explicit deny in
// any policy overrides any allow).
describe('adding a Deny statement to an identity policy', () => {
  const input = fc.record({
    docs: setDocsArb(),
    request: requestArb,
    deny: statementArb('identity', 'Deny'),
    pick: fc.nat(),
    position: fc.nat(),
  });

  it('never turns a decision that is not `allowed` into `allowed`', () => {
    fc.assert(
      fc.property(input, ({ docs, request, deny, pick, position }) => {
        const before = decide(docs, request).decision;
        const after = decide(withIdentityStatement(docs, deny, pick, position), request).decision;
        if (before !== 'allowed') expect(after).not.toBe('allowed');
      }),
      fcParams(),
    );
  });

  it('never takes an explicit deny away', () => {
    fc.assert(
      fc.property(input, ({ docs, request, deny, pick, position }) => {
        const before = decide(docs, request).decision;
        const after = decide(withIdentityStatement(docs, deny, pick, position), request).decision;
        if (before === 'explicitDeny') expect(after).toBe('explicitDeny');
      }),
      fcParams(),
    );
  });
});
