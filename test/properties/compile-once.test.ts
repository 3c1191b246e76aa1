import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createRequest, evaluate, type RequestInput } from '../../src/policy/index.js';
import {
  ACCOUNT_A,
  compileSet,
  fcParams,
  itFull,
  NOW,
  requestArb,
  setDocsArb,
  type PolicyDoc,
  type SetDocs,
} from './arbitraries.js';

// Each property takes a second or so; leave room for a loaded CI machine.
vi.setConfig({ testTimeout: 30_000 });

// A compiled policy set keeps caches: the statements that apply to each action (`PolicyList`), and the regexes
// of resource patterns with policy variables, per resolved pattern. Neither may carry state from one request to
// the next: evaluating many requests against one compiled set must decide exactly as compiling afresh for each.
describe('compiling once and evaluating many requests', () => {
  it('gives the same decisions, explanations included, as recompiling for each request', () => {
    fc.assert(
      fc.property(
        setDocsArb(),
        fc.array(requestArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        (docs, pool, order) => {
          const shared = compileSet(docs);
          // Requests drawn from a small pool, with repeats, so that cached entries are reused.
          for (const i of order) {
            const request = pool[i % pool.length]!;
            const once = evaluate(shared, createRequest(request));
            const fresh = evaluate(compileSet(docs), createRequest(request));
            expect(once).toEqual(fresh);
          }
        },
      ),
      fcParams(),
    );
  });

  // One set compiled for the whole run, as a server would keep it, while requests with ever new user names, tags
  // and action names go by: enough of them to overflow and clear both caches (4096 actions, 256 resolved
  // patterns per resource pattern) several times.
  const variableHeavy: PolicyDoc = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OwnPrefix',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:Get*Acl'],
        Resource: [
          'arn:aws:s3:::bucket-a/${aws:username}/*',
          'arn:aws:s3:::bucket-b/${aws:PrincipalTag/team}/*',
        ],
      },
      {
        Sid: 'ListOwn',
        Effect: 'Allow',
        Action: ['s3:List*'],
        Resource: ['arn:aws:s3:::bucket-?'],
        Condition: {
          StringLike: { 's3:prefix': ['home/${aws:username}/*', "${aws:PrincipalTag/team, 'none'}/*"] },
        },
      },
      {
        Sid: 'Queues',
        Effect: 'Allow',
        Action: ['sqs:*'],
        Resource: ['arn:aws:sqs:*:${aws:PrincipalAccount}:${aws:username}-*'],
        Condition: { ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::${aws:PrincipalTag/team}-*'] } },
      },
      {
        Sid: 'NoDeleteElsewhere',
        Effect: 'Deny',
        Action: ['s3:Delete*'],
        NotResource: ['arn:aws:s3:::bucket-a/${aws:username}/*'],
      },
      {
        Sid: 'NoOtherTeams',
        Effect: 'Deny',
        NotAction: ['sqs:*'],
        Resource: ['*'],
        Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/team': ['${aws:PrincipalTag/team}'] } },
      },
    ],
  };
  const docs: SetDocs = {
    identity: [{ name: 'variables', doc: variableHeavy }],
    boundary: {
      name: 'boundary',
      doc: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', NotAction: ['iam:*'], Resource: ['arn:aws:*:*:*:${aws:username}-*', '*'] },
        ],
      },
    },
  };
  const longLived = compileSet(docs);

  const name = fc.stringMatching(/^[a-z0-9]{1,6}$/);
  const request: fc.Arbitrary<RequestInput> = fc
    .record({
      user: name,
      other: name,
      team: name,
      mine: fc.boolean(),
      action: fc.oneof(
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            's3:GetObject',
            's3:PutObject',
            's3:DeleteObject',
            's3:ListBucket',
            'sqs:SendMessage',
          ),
        },
        {
          weight: 4,
          arbitrary: fc
            .tuple(fc.constantFrom('s3:', 'sqs:', 'S3:', 'iam:'), fc.stringMatching(/^[A-Za-z]{4,12}$/))
            .map(([p, a]) => p + a),
        },
      ),
      kind: fc.constantFrom('object', 'team', 'bucket', 'queue'),
      resourceTeam: fc.option(name, { nil: undefined }),
    })
    .map((r) => {
      const who = r.mine ? r.user : r.other;
      const resource = {
        object: `arn:aws:s3:::bucket-a/${who}/file`,
        team: `arn:aws:s3:::bucket-b/${r.mine ? r.team : r.other}/file`,
        bucket: 'arn:aws:s3:::bucket-a',
        queue: `arn:aws:sqs:us-east-1:${ACCOUNT_A}:${who}-jobs`,
      }[r.kind];
      return {
        principal: { arn: `arn:aws:iam::${ACCOUNT_A}:user/${r.user}`, tags: { team: r.team } },
        action: r.action,
        resource,
        context: {
          's3:prefix': `home/${who}/x`,
          'aws:SourceArn': `arn:aws:s3:::${r.mine ? r.team : r.other}-bucket`,
          ...(r.resourceTeam !== undefined
            ? { 'aws:ResourceTag/team': r.mine ? r.team : r.resourceTeam }
            : {}),
        },
        now: NOW,
      };
    });

  it('gives the same decisions as recompiling, with one set kept across the whole run', () => {
    let allowed = 0;
    const actions = new Set<string>();
    const users = new Set<string>();
    fc.assert(
      fc.property(fc.array(request, { minLength: 20, maxLength: 40 }), (requests) => {
        for (const r of requests) {
          const once = evaluate(longLived, createRequest(r));
          const fresh = evaluate(compileSet(docs), createRequest(r));
          expect(once).toEqual(fresh);
          if (once.decision === 'allowed') allowed++;
          actions.add(r.action);
          users.add(JSON.stringify(r.principal));
        }
      }),
      fcParams(),
    );
    // Not vacuous: the variables do resolve to the requests' own names often enough to allow.
    expect(allowed).toBeGreaterThan(100);
    // And the caches did overflow: more distinct actions and user names than they hold.
    expect(actions.size).toBeGreaterThan(4096);
    expect(users.size).toBeGreaterThan(256);
  });
});

describe('compiling once, with policy variables whose values are empty or hold control characters', () => {
  // Two variables side by side, so that the cache of resolved patterns must tell ('', 'pq') from ('p', 'q').
  const docs: SetDocs = {
    identity: [
      {
        name: 'pairs',
        doc: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Pair',
              Effect: 'Allow',
              Action: ['s3:GetObject'],
              Resource: ['arn:aws:s3:::bucket-c/${aws:PrincipalTag/a}${aws:PrincipalTag/b}/*'],
            },
            {
              Sid: 'PairWithDefault',
              Effect: 'Allow',
              Action: ['s3:PutObject'],
              Resource: ["arn:aws:s3:::bucket-c/${aws:PrincipalTag/a, 'none'}-${aws:PrincipalTag/b}/*"],
            },
          ],
        },
      },
    ],
  };
  const values = (controls: boolean) =>
    fc.constantFrom('', 'p', 'q', 'pq', ...(controls ? ['\u0000', '\u0001none', 'p\u0000q', 'p\u0001'] : []));
  const requests = (controls: boolean): fc.Arbitrary<RequestInput> =>
    fc
      .record({
        a: fc.option(values(controls), { nil: undefined }),
        b: values(controls),
        put: fc.boolean(),
        own: fc.boolean(),
        x: values(false),
        y: values(false),
      })
      .map(({ a, b, put, own, x, y }) => {
        // The resource is often the one the principal's own tags resolve to.
        const [first, second] = own ? [a ?? (put ? 'none' : ''), b] : [x, y];
        const tags: Record<string, string> = a === undefined ? { b } : { a, b };
        return {
          principal: {
            arn: `arn:aws:iam::${ACCOUNT_A}:user/alice`,
            tags,
          },
          action: put ? 's3:PutObject' : 's3:GetObject',
          resource: put
            ? `arn:aws:s3:::bucket-c/${first}-${second}/f`
            : `arn:aws:s3:::bucket-c/${first}${second}/f`,
          now: NOW,
        };
      });
  // One set per run, shared by the run's requests, so that a failure replays on its own and shrinks.
  const property = (controls: boolean) =>
    fc.property(fc.array(requests(controls), { minLength: 1, maxLength: 30 }), (batch) => {
      const shared = compileSet(docs);
      for (const r of batch) {
        expect(evaluate(shared, createRequest(r))).toEqual(evaluate(compileSet(docs), createRequest(r)));
      }
    });

  it('gives the same decisions as recompiling (inputs of KF9 excluded: no control characters in values)', () => {
    fc.assert(property(false), fcParams());
  });

  // Skipped (run it with FUZZ_FULL=1): fails on KF9, see test/fuzz/regressions.test.ts.
  itFull('gives the same decisions as recompiling (full; reaches KF9)', () => {
    fc.assert(property(true), fcParams());
  });
});
