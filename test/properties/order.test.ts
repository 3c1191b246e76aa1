import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/policy/index.js';
import {
  clone,
  decide,
  fcParams,
  requestArb,
  setDocsArb,
  type NamedPolicy,
  type SetDocs,
} from './arbitraries.js';

/** Gives every statement a Sid that names it, so that matched statements can be compared after a shuffle. */
function tagStatements(docs: SetDocs): SetDocs {
  const out = clone(docs);
  const all: NamedPolicy[] = [
    ...out.identity,
    ...(out.boundary ? [out.boundary] : []),
    ...(out.session ?? []),
    ...(out.resource ? [out.resource] : []),
    ...(out.scps ?? []).flat(),
    ...(out.rcps ?? []).flat(),
  ];
  for (const p of all) p.doc.Statement.forEach((s, i) => (s.Sid = `${p.name.replace(/\W/g, '')}x${i}`));
  return out;
}

/** A deterministic permutation driven by a list of random numbers (fast-check shrinks them). */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

/** The same policies in another order: policies, levels, statements, and the values of Action and Resource. */
function rearrange(docs: SetDocs, keys: readonly number[]): SetDocs {
  let k = 0;
  const next = () => keys.slice(k++ % Math.max(keys.length, 1)).concat(keys);
  const policy = (p: NamedPolicy): NamedPolicy => ({
    name: p.name,
    doc: {
      ...p.doc,
      Statement: permute(p.doc.Statement, next()).map((s) => {
        const out = { ...s };
        for (const element of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
          const values = out[element];
          if (values !== undefined) out[element] = permute(values, next());
        }
        return out;
      }),
    },
  });
  const level = (l: NamedPolicy[]) => permute(l, next()).map(policy);
  return {
    identity: permute(docs.identity, next()).map(policy),
    boundary: docs.boundary && policy(docs.boundary),
    session: docs.session && permute(docs.session, next()).map(policy),
    resource: docs.resource && policy(docs.resource),
    scps: docs.scps && permute(docs.scps, next()).map(level),
    rcps: docs.rcps && permute(docs.rcps, next()).map(level),
    managementAccount: docs.managementAccount,
  };
}

/** What must not depend on order: the decision, who blocked, which statements matched, which keys were missing. */
function summary(d: Decision) {
  return {
    decision: d.decision,
    blockedBy: d.blockedBy,
    matched: d.matchedStatements.map((m) => `${m.type}|${m.policy}|${m.sid}|${m.effect}`).sort(),
    missing: [...d.missingContextKeys].sort(),
  };
}

describe('the decision', () => {
  it('does not depend on the order of policies, nor of statements within a policy', () => {
    fc.assert(
      fc.property(
        setDocsArb().map(tagStatements),
        requestArb,
        fc.array(fc.integer(), { minLength: 1, maxLength: 12 }),
        (docs, request, keys) => {
          const expected = summary(decide(docs, request));
          expect(summary(decide(rearrange(docs, keys), request))).toEqual(expected);
        },
      ),
      fcParams(),
    );
  });

  it('does not depend on the order of policies when they are reversed outright', () => {
    fc.assert(
      fc.property(setDocsArb(), requestArb, (docs, request) => {
        const reversed = clone(docs);
        reversed.identity.reverse();
        reversed.session?.reverse();
        for (const p of [...reversed.identity, ...(reversed.session ?? [])]) p.doc.Statement.reverse();
        expect(decide(reversed, request).decision).toBe(decide(docs, request).decision);
      }),
      fcParams(),
    );
  });
});
