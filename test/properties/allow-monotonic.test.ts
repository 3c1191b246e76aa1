import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clone,
  decide,
  fcParams,
  insertAt,
  requestArb,
  setDocsArb,
  statementArb,
  type NamedPolicy,
  type SetDocs,
  type StatementDoc,
} from './arbitraries.js';

/** Every policy of a set, whatever its type, with whether it is a resource-based policy. */
function policiesOf(docs: SetDocs): { policy: NamedPolicy; resource: boolean }[] {
  return [
    ...docs.identity,
    ...(docs.boundary ? [docs.boundary] : []),
    ...(docs.session ?? []),
    ...(docs.scps ?? []).flat(),
    ...(docs.rcps ?? []).flat(),
  ]
    .map((policy) => ({ policy, resource: false }))
    .concat(docs.resource ? [{ policy: docs.resource, resource: true }] : []);
}

// No Allow overrides an explicit deny (IAM User Guide, "Policy evaluation logic").
describe('adding an Allow statement', () => {
  it('never turns an explicitDeny into anything else, whichever policy it goes into', () => {
    fc.assert(
      fc.property(
        setDocsArb(),
        requestArb,
        statementArb('identity', 'Allow'),
        statementArb('resource', 'Allow'),
        fc.nat(),
        fc.nat(),
        (docs, request, identityAllow, resourceAllow, pick, position) => {
          const before = decide(docs, request).decision;
          const after = clone(docs);
          const targets = policiesOf(after);
          if (targets.length === 0) {
            after.identity.push({
              name: 'added',
              doc: { Version: '2012-10-17', Statement: [identityAllow] },
            });
          } else {
            const { policy, resource } = targets[pick % targets.length]!;
            const statement: StatementDoc = resource ? resourceAllow : identityAllow;
            policy.doc.Statement = insertAt(policy.doc.Statement, position, statement);
          }
          if (before === 'explicitDeny') expect(decide(after, request).decision).toBe('explicitDeny');
        },
      ),
      fcParams(),
    );
  });
});
