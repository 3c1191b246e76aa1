import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { validatePolicy } from '../../src/policy/index.js';
import { decide, fcParams, policyArb, requestArb, setDocsArb } from './arbitraries.js';

// Each property takes a second or so; leave room for a loaded CI machine.
vi.setConfig({ testTimeout: 30_000 });

// The generators themselves: the policies they make are valid, and the decisions they lead to are mixed, so that
// the invariants in this folder are not vacuously true.
describe('generators', () => {
  it('make policies that validate with zero faults', () => {
    fc.assert(
      fc.property(fc.oneof(policyArb('identity'), policyArb('resource')), (doc) => {
        expect(validatePolicy(doc)).toEqual([]);
      }),
      fcParams(),
    );
  });

  it('lead to every kind of decision', () => {
    const counts = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
    const seed = Number(process.env['FC_SEED'] ?? 42);
    const samples = fc.sample(fc.tuple(setDocsArb(), requestArb), { numRuns: 1000, seed });
    for (const [docs, request] of samples) counts[decide(docs, request).decision]++;
    expect(counts.allowed, JSON.stringify(counts)).toBeGreaterThan(100);
    expect(counts.explicitDeny, JSON.stringify(counts)).toBeGreaterThan(100);
    expect(counts.implicitDeny, JSON.stringify(counts)).toBeGreaterThan(100);
  });
});
