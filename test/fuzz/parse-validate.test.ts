import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parsePolicy, validatePolicy, type PolicyKind } from '../../src/policy/index.js';
import { policyArb } from '../properties/arbitraries.js';
import {
  expectWellFormedFaults,
  fcParams,
  hitsKnownParserBug,
  itFull,
  nearValidPolicyArb,
  policyIshArb,
  SOURCES,
  timed,
  guardPrototype,
} from './arbitraries.js';

guardPrototype();

// Each property takes a second or so; leave room for a loaded CI machine.
vi.setConfig({ testTimeout: 30_000 });

const KINDS: readonly PolicyKind[] = ['any', 'identity', 'resource', 'trust', 'scp', 'rcp'];

/** The checks every input must pass. */
function checkParser(input: unknown, kind: PolicyKind): void {
  const parsed = timed('parsePolicy', () => parsePolicy(input, kind));
  const faults = timed('validatePolicy', () => validatePolicy(input, kind));
  const parseFaults = parsed.ok ? [] : parsed.faults;
  if (!parsed.ok) expect(parsed.faults.length).toBeGreaterThan(0);
  expectWellFormedFaults(parseFaults);
  expectWellFormedFaults(faults);
  // The validator reports the parser's faults, then the semantic ones; no faults means the parser accepts it.
  expect(faults.slice(0, parseFaults.length)).toEqual(parseFaults);
  if (faults.length === 0) expect(parsed.ok).toBe(true);
}

describe.each(SOURCES)('parsePolicy and validatePolicy on $name', ({ arb, fails, smaller }) => {
  const property = (inputs: fc.Arbitrary<unknown>, excludeKnown: boolean) =>
    fc.property(inputs, fc.constantFrom(...KINDS), (input, kind) => {
      if (excludeKnown) fc.pre(!hitsKnownParserBug(input));
      checkParser(input, kind);
    });
  const title = 'never throw, finish promptly, and report only well-formed faults';

  if (fails.length === 0) {
    it(title, () => fc.assert(property(arb, false), fcParams()));
  } else {
    // Skipped (run it with FUZZ_FULL=1): fails on the known bugs listed, see regressions.test.ts. The next test
    // is the same property with exactly the inputs of the known bugs excluded.
    itFull(`${title} (full; reaches ${fails.join(', ')})`, () => fc.assert(property(arb, false), fcParams()));
    it(`${title} (inputs of ${fails.join(', ')} excluded)`, () =>
      fc.assert(property(smaller ?? arb, true), fcParams()));
  }
});

describe('parsePolicy and validatePolicy', () => {
  it('do not modify their input, and give the same answer twice', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), nearValidPolicyArb, policyIshArb),
        fc.constantFrom(...KINDS),
        (input, kind) => {
          fc.pre(!hitsKnownParserBug(input));
          const before = structuredClone(input);
          const first = { parsed: parsePolicy(input, kind), faults: validatePolicy(input, kind) };
          expect(input).toEqual(before);
          expect({ parsed: parsePolicy(input, kind), faults: validatePolicy(input, kind) }).toEqual(first);
        },
      ),
      fcParams(),
    );
  });
});

// Policies from AWS's documentation, and random valid ones: zero faults.
const AWS_EXAMPLES: readonly [PolicyKind, unknown][] = [
  [
    'identity',
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowS3ListRead',
          Effect: 'Allow',
          Action: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*'],
          Condition: {
            StringLike: { 's3:prefix': ['home/${aws:username}/*'] },
            Bool: { 'aws:SecureTransport': 'true' },
          },
        },
        {
          Effect: 'Deny',
          NotAction: ['iam:*', 'sts:GetSessionToken'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: {
            NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24', '2001:DB8:1234:5678::/64'] },
            DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
            NumericGreaterThan: { 's3:max-keys': 10 },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] },
            Null: { 'aws:TokenIssueTime': 'true' },
          },
        },
      ],
    },
  ],
  [
    'resource',
    {
      Version: '2012-10-17',
      Id: 'PolicyId2',
      Statement: [
        {
          Sid: 'CrossAccount',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111122223333:root', '444455556666'] },
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' } },
        },
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/admin' },
          Action: 's3:DeleteBucket',
          Resource: 'arn:aws:s3:::amzn-s3-demo-bucket',
        },
      ],
    },
  ],
  [
    'trust',
    {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Service: 'ec2.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': '12345' } },
      },
    },
  ],
];

describe('a valid policy', () => {
  it.each(AWS_EXAMPLES)('from the AWS documentation (%s) gives zero faults', (kind, doc) => {
    expect(validatePolicy(doc, kind)).toEqual([]);
    expect(validatePolicy(JSON.stringify(doc), kind)).toEqual([]);
    expect(parsePolicy(doc, kind).ok).toBe(true);
  });

  it('made by the generators gives zero faults, as a value and as JSON text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          policyArb('identity').map((doc) => ['identity', doc] as const),
          policyArb('resource').map((doc) => ['resource', doc] as const),
        ),
        ([kind, doc]) => {
          expect(validatePolicy(doc, kind)).toEqual([]);
          expect(validatePolicy(doc)).toEqual([]);
          expect(validatePolicy(JSON.stringify(doc), kind)).toEqual([]);
          expect(parsePolicy(doc, kind).ok).toBe(true);
        },
      ),
      fcParams(),
    );
  });
});
