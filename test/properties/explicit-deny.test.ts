import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clone,
  decide,
  fcParams,
  insertAt,
  requestArb,
  setDocsArb,
  withIdentityStatement,
  type StatementDoc,
} from './arbitraries.js';

const DENY_ALL: StatementDoc = { Sid: 'DenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] };

// A Deny of every action on every resource, with no condition, matches every request; an explicit deny wins over
// everything (IAM User Guide, "Policy evaluation logic").
describe('a Deny of Action "*" on Resource "*" without a condition', () => {
  it('in any identity policy, at any position, always gives explicitDeny', () => {
    fc.assert(
      fc.property(setDocsArb(), requestArb, fc.nat(), fc.nat(), (docs, request, pick, position) => {
        const decision = decide(withIdentityStatement(docs, DENY_ALL, pick, position), request);
        expect(decision.decision).toBe('explicitDeny');
        expect(decision.matchedStatements.some((m) => m.sid === 'DenyAll' && m.effect === 'Deny')).toBe(true);
      }),
      fcParams(),
    );
  });

  it('in the permissions boundary or a session policy, always gives explicitDeny', () => {
    fc.assert(
      fc.property(setDocsArb(), requestArb, fc.boolean(), fc.nat(), (docs, request, inBoundary, position) => {
        const out = clone(docs);
        if (inBoundary) {
          out.boundary ??= { name: 'boundary', doc: { Version: '2012-10-17', Statement: [] } };
          out.boundary.doc.Statement = insertAt(out.boundary.doc.Statement, position, DENY_ALL);
        } else {
          out.session ??= [{ name: 'session', doc: { Version: '2012-10-17', Statement: [] } }];
          const target = out.session[position % out.session.length]!;
          target.doc.Statement = insertAt(target.doc.Statement, position, DENY_ALL);
        }
        expect(decide(out, request).decision).toBe('explicitDeny');
      }),
      fcParams(),
    );
  });

  it('in the resource-based policy, with Principal "*", always gives explicitDeny', () => {
    fc.assert(
      fc.property(setDocsArb(), requestArb, fc.nat(), (docs, request, position) => {
        const out = clone(docs);
        out.resource ??= { name: 'resource', doc: { Version: '2012-10-17', Statement: [] } };
        out.resource.doc.Statement = insertAt(out.resource.doc.Statement, position, {
          ...DENY_ALL,
          Principal: '*',
        });
        expect(decide(out, request).decision).toBe('explicitDeny');
      }),
      fcParams(),
    );
  });
});
