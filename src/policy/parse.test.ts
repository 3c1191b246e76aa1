// The policy grammar: top-level Version, Id and Statement; Statement as one object or a list; each statement's
// elements; Action/NotAction, Resource/NotResource and Principal/NotPrincipal are mutually exclusive:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
// Identity-based policies take no Principal; resource-based policies need one; role trust policies have no
// Resource:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-identity-vs-resource.html
import { describe, expect, it } from 'vitest';
import { PolicyValidationError, type PolicyFault } from './fault.js';
import { parsePolicy, parsePolicyOrThrow, type PolicyKind } from './parse.js';

const ALLOW = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

function faults(input: unknown, kind: PolicyKind = 'any'): Pick<PolicyFault, 'path' | 'code'>[] {
  const result = parsePolicy(input, kind);
  return result.ok ? [] : result.faults.map(({ path, code }) => ({ path, code }));
}

describe('parsePolicy: normalising a valid document', () => {
  it('accepts Statement as a single object', () => {
    const result = parsePolicy({ Version: '2012-10-17', Statement: ALLOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.statements).toHaveLength(1);
    expect(result.policy.statements[0]).toMatchObject({
      index: 0,
      effect: 'Allow',
      action: ['s3:GetObject'],
    });
  });

  it('accepts Statement as a list, keeping each index', () => {
    const result = parsePolicy({ Version: '2012-10-17', Statement: [ALLOW, { ...ALLOW, Effect: 'Deny' }] });
    expect(result.ok && result.policy.statements.map((s) => [s.index, s.effect])).toEqual([
      [0, 'Allow'],
      [1, 'Deny'],
    ]);
  });

  it('parses JSON text as well as values', () => {
    const result = parsePolicy(JSON.stringify({ Version: '2012-10-17', Id: 'p1', Statement: [ALLOW] }));
    expect(result.ok && [result.policy.version, result.policy.id]).toEqual(['2012-10-17', 'p1']);
  });

  it('leaves version undefined when the document has none', () => {
    const result = parsePolicy({ Statement: [ALLOW] });
    expect(result.ok && result.policy.version).toBeUndefined();
  });

  it('normalises strings to lists and stringifies condition numbers and booleans', () => {
    const result = parsePolicy({
      Version: '2012-10-17',
      Statement: {
        ...ALLOW,
        Resource: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'],
        Condition: { Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 's3:max-keys': [10, '20'] } },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [statement] = result.policy.statements;
    expect(statement?.resource).toEqual(['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*']);
    expect(statement?.conditions).toEqual([
      { operator: 'Bool', key: 'aws:SecureTransport', values: ['true'] },
      { operator: 'NumericLessThan', key: 's3:max-keys', values: ['10', '20'] },
    ]);
  });

  it('reads a Principal map into its four kinds, and "*" as anyone', () => {
    const result = parsePolicy({
      Version: '2012-10-17',
      Statement: [
        {
          ...ALLOW,
          Principal: { AWS: '111122223333', Service: ['s3.amazonaws.com'], Federated: 'accounts.google.com' },
        },
        { ...ALLOW, Principal: '*' },
      ],
    });
    expect(result.ok && result.policy.statements.map((s) => s.principal)).toEqual([
      {
        kind: 'map',
        aws: ['111122223333'],
        service: ['s3.amazonaws.com'],
        federated: ['accounts.google.com'],
        canonicalUser: [],
      },
      { kind: 'any' },
    ]);
  });
});

describe('parsePolicy: every fault with its JSON path', () => {
  it('InvalidJson for text that is not JSON', () => {
    expect(faults('{"Version": ')).toEqual([{ path: '$', code: 'InvalidJson' }]);
  });

  it('SyntaxError for a document that is not an object', () => {
    expect(faults([ALLOW])).toEqual([{ path: '$', code: 'SyntaxError' }]);
    expect(faults(null)).toEqual([{ path: '$', code: 'SyntaxError' }]);
  });

  it('UnknownElement at the top level and in a statement', () => {
    expect(faults({ Version: '2012-10-17', Statment: [], Statement: [{ ...ALLOW, Actions: 'x' }] })).toEqual([
      { path: '$.Statment', code: 'UnknownElement' },
      { path: '$.Statement[0].Actions', code: 'UnknownElement' },
    ]);
  });

  it('UnsupportedVersion for a version other than 2012-10-17 or 2008-10-17', () => {
    expect(faults({ Version: '2012-10-18', Statement: [ALLOW] })).toEqual([
      { path: '$.Version', code: 'UnsupportedVersion' },
    ]);
    expect(faults({ Version: 2012, Statement: [ALLOW] })).toEqual([
      { path: '$.Version', code: 'UnsupportedVersion' },
    ]);
  });

  it('SyntaxError for an Id that is not a string', () => {
    expect(faults({ Version: '2012-10-17', Id: 7, Statement: [ALLOW] })).toEqual([
      { path: '$.Id', code: 'SyntaxError' },
    ]);
  });

  it('MissingStatement when there is no Statement', () => {
    expect(faults({ Version: '2012-10-17' })).toEqual([{ path: '$', code: 'MissingStatement' }]);
  });

  it('SyntaxError for a Statement that is neither an object nor a list, or a list item that is not an object', () => {
    expect(faults({ Version: '2012-10-17', Statement: 'Allow' })).toEqual([
      { path: '$.Statement', code: 'SyntaxError' },
    ]);
    expect(faults({ Version: '2012-10-17', Statement: [ALLOW, 'x'] })).toEqual([
      { path: '$.Statement[1]', code: 'SyntaxError' },
    ]);
  });

  it('MissingEffect at the statement, and InvalidEffect at its Effect', () => {
    expect(faults({ Version: '2012-10-17', Statement: [{ Action: 's3:*', Resource: '*' }] })).toEqual([
      { path: '$.Statement[0]', code: 'MissingEffect' },
    ]);
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Effect: 'allow' }] })).toEqual([
      { path: '$.Statement[0].Effect', code: 'InvalidEffect' },
    ]);
  });

  it('uses object paths when Statement is a single object', () => {
    expect(faults({ Version: '2012-10-17', Statement: { ...ALLOW, Effect: 'Permit' } })).toEqual([
      { path: '$.Statement.Effect', code: 'InvalidEffect' },
    ]);
  });

  it('MissingAction when a statement has neither Action nor NotAction', () => {
    expect(faults({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] })).toEqual([
      { path: '$.Statement[0]', code: 'MissingAction' },
    ]);
  });

  it('BothElements for each exclusive pair', () => {
    const statement = {
      ...ALLOW,
      NotAction: 's3:PutObject',
      NotResource: 'arn:aws:s3:::x',
      Principal: '*',
      NotPrincipal: { AWS: '111122223333' },
    };
    expect(faults({ Version: '2012-10-17', Statement: [statement] })).toEqual([
      { path: '$.Statement[0]', code: 'BothElements' },
      { path: '$.Statement[0]', code: 'BothElements' },
      { path: '$.Statement[0]', code: 'BothElements' },
    ]);
  });

  it('InvalidSid for a Sid that is not a string', () => {
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Sid: 1 }] })).toEqual([
      { path: '$.Statement[0].Sid', code: 'InvalidSid' },
    ]);
  });

  it('DuplicateSid at the repeated statement', () => {
    const statements = [
      { ...ALLOW, Sid: 'Read' },
      { ...ALLOW, Sid: 'Write' },
      { ...ALLOW, Sid: 'Read' },
    ];
    expect(faults({ Version: '2012-10-17', Statement: statements })).toEqual([
      { path: '$.Statement[2].Sid', code: 'DuplicateSid' },
    ]);
  });

  it('SyntaxError for a non-string list item or a value of the wrong type; an empty list is a missing element', () => {
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Action: ['s3:GetObject', 3] }] })).toEqual(
      [{ path: '$.Statement[0].Action[1]', code: 'SyntaxError' }],
    );
    // AWS answers an empty list with "Policy statement must contain resources." (recorded CreatePolicy calls).
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Resource: [] }] })).toEqual([
      { path: '$.Statement[0]', code: 'MissingResource' },
    ]);
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Action: [] }] })).toEqual([
      { path: '$.Statement[0]', code: 'MissingAction' },
    ]);
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Action: { s3: 'Get' } }] })).toEqual([
      { path: '$.Statement[0].Action', code: 'SyntaxError' },
    ]);
  });

  it('InvalidPrincipal for a bad principal value, an unknown principal type, or an empty map', () => {
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Principal: 'alice' }] })).toEqual([
      { path: '$.Statement[0].Principal', code: 'InvalidPrincipal' },
    ]);
    expect(
      faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Principal: { Users: 'alice' } }] }),
    ).toEqual([{ path: '$.Statement[0].Principal.Users', code: 'InvalidPrincipal' }]);
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, NotPrincipal: {} }] })).toEqual([
      { path: '$.Statement[0].NotPrincipal', code: 'InvalidPrincipal' },
    ]);
  });

  it('SyntaxError for a Condition, an operator block or a value of the wrong shape', () => {
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Condition: ['x'] }] })).toEqual([
      { path: '$.Statement[0].Condition', code: 'SyntaxError' },
    ]);
    expect(
      faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Condition: { StringEquals: 'x' } }] }),
    ).toEqual([{ path: '$.Statement[0].Condition.StringEquals', code: 'SyntaxError' }]);
    const nested = {
      StringEquals: { 'aws:username': ['alice', { name: 'bob' }] },
      Bool: { 'aws:SecureTransport': null },
    };
    expect(faults({ Version: '2012-10-17', Statement: [{ ...ALLOW, Condition: nested }] })).toEqual([
      { path: '$.Statement[0].Condition.StringEquals.aws:username[1]', code: 'SyntaxError' },
      { path: '$.Statement[0].Condition.Bool.aws:SecureTransport', code: 'SyntaxError' },
    ]);
  });

  it('reports every fault of a document at once', () => {
    const document = {
      Version: '2011-01-01',
      Extra: true,
      Statement: [{ Effect: 'Maybe', Resource: '*' }, { ...ALLOW, Sid: 5 }, 'oops'],
    };
    expect(faults(document)).toEqual([
      { path: '$.Extra', code: 'UnknownElement' },
      { path: '$.Version', code: 'UnsupportedVersion' },
      { path: '$.Statement[0].Effect', code: 'InvalidEffect' },
      { path: '$.Statement[0]', code: 'MissingAction' },
      { path: '$.Statement[1].Sid', code: 'InvalidSid' },
      { path: '$.Statement[2]', code: 'SyntaxError' },
    ]);
  });
});

describe('parsePolicy: element rules by policy kind', () => {
  const withPrincipal = { ...ALLOW, Principal: { AWS: '111122223333' } };
  const noResource = { Effect: 'Allow', Action: 's3:GetObject' };

  it('identity: PrincipalNotAllowed and MissingResource', () => {
    expect(faults({ Version: '2012-10-17', Statement: [withPrincipal] }, 'identity')).toEqual([
      { path: '$.Statement[0]', code: 'PrincipalNotAllowed' },
    ]);
    expect(faults({ Version: '2012-10-17', Statement: [noResource] }, 'identity')).toEqual([
      { path: '$.Statement[0]', code: 'MissingResource' },
    ]);
    expect(faults({ Version: '2012-10-17', Statement: [ALLOW] }, 'identity')).toEqual([]);
  });

  it('resource: MissingPrincipal, and NotPrincipal counts as a principal', () => {
    expect(faults({ Version: '2012-10-17', Statement: [ALLOW] }, 'resource')).toEqual([
      { path: '$.Statement[0]', code: 'MissingPrincipal' },
    ]);
    expect(faults({ Version: '2012-10-17', Statement: [withPrincipal] }, 'resource')).toEqual([]);
    const notPrincipal = { ...ALLOW, Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } };
    expect(faults({ Version: '2012-10-17', Statement: [notPrincipal] }, 'resource')).toEqual([]);
  });

  it('trust: MissingPrincipal, and a Resource is prohibited', () => {
    const trust = { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } };
    expect(faults({ Version: '2012-10-17', Statement: [trust] }, 'trust')).toEqual([]);
    expect(faults({ Version: '2012-10-17', Statement: [noResource] }, 'trust')).toEqual([
      { path: '$.Statement[0]', code: 'MissingPrincipal' },
    ]);
    expect(faults({ Version: '2012-10-17', Statement: [{ ...trust, Resource: '*' }] }, 'trust')).toEqual([
      { path: '$.Statement[0].Resource', code: 'ProhibitedElement' },
    ]);
  });

  it('any: checks the grammar only', () => {
    expect(faults({ Version: '2012-10-17', Statement: [withPrincipal, noResource] })).toEqual([]);
  });
});

describe('parsePolicyOrThrow', () => {
  it('throws a PolicyValidationError carrying every fault', () => {
    let caught: unknown;
    try {
      parsePolicyOrThrow({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow' }, { Effect: 'Nope', Action: 'x:y' }],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyValidationError);
    expect((caught as PolicyValidationError).faults.map((f) => f.code)).toEqual([
      'MissingAction',
      'InvalidEffect',
    ]);
  });

  it('returns the parsed document when it is valid', () => {
    expect(parsePolicyOrThrow({ Version: '2012-10-17', Statement: ALLOW }).statements).toHaveLength(1);
  });
});
