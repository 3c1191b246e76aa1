import { describe, expect, it } from 'vitest';
import { isAwsError } from '../../errors/aws-error.js';
import { checkPolicyDocument, policySize } from './policy-document.js';

function messageOf(document: string, requireCurrentVersion = false): string | undefined {
  try {
    checkPolicyDocument(document, { kind: 'identity', requireCurrentVersion });
    return undefined;
  } catch (error) {
    return isAwsError(error) ? `${error.code}: ${error.message}` : String(error);
  }
}

const statement = (s: object) => JSON.stringify({ Version: '2012-10-17', Statement: s });

describe('policySize', () => {
  it('does not count white space', () => {
    expect(policySize('{ "a" :\n\t"b c" }')).toBe(10);
  });
});

describe('checkPolicyDocument', () => {
  // Documents and answers from AWS's recorded CreatePolicy corpus (shared/aws-reference, test_iam_policies).
  it.each([
    [
      'a resource fault before an action fault',
      statement({ Effect: 'Allow', Action: 's:3:ListBucket', Resource: 'sdfsadf' }),
      'Resource sdfsadf must be in ARN format or "*".',
    ],
    [
      'missing resources before a bad action',
      statement({ Effect: 'Allow', Action: 'invalid' }),
      'Policy statement must contain resources.',
    ],
    [
      'missing actions before missing resources',
      statement({ Effect: 'Allow' }),
      'Policy statement must contain actions.',
    ],
    [
      'an unknown element as a syntax error',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' },
        'Extra field': 'value',
      }),
      'Syntax errors in policy.',
    ],
    ['an empty statement list', statement([]), 'Syntax errors in policy.'],
  ])('reports %s', (_, document, message) => {
    expect(messageOf(document)).toBe(`MalformedPolicyDocument: ${message}`);
  });

  it('checks a managed policy version before the rest, and takes an unknown version for a syntax error', () => {
    const denY = { Effect: 'denY', Action: 's3:ListBucket', Resource: '*' };
    expect(messageOf(JSON.stringify({ Statement: denY }), true)).toBe(
      'MalformedPolicyDocument: Policy document must be version 2012-10-17 or greater.',
    );
    expect(messageOf(JSON.stringify({ Version: '2013-10-17', Statement: denY }), true)).toBe(
      'MalformedPolicyDocument: Syntax errors in policy.',
    );
  });

  it('reports duplicate Sids before missing actions, and a non-string Sid as a syntax error', () => {
    const dup = statement([
      { Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' },
      { Sid: 'sdf', Effect: 'Allow' },
    ]);
    expect(messageOf(dup)).toBe(
      'MalformedPolicyDocument: Statement IDs (SID) in a single policy must be unique.',
    );
    expect(messageOf(statement({ Sid: {}, Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }))).toBe(
      'MalformedPolicyDocument: Syntax errors in policy.',
    );
  });

  it('requires Version 2012-10-17 only where asked (managed policies)', () => {
    const old = JSON.stringify({
      Version: '2008-10-17',
      Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' },
    });
    expect(messageOf(old)).toBeUndefined();
    expect(messageOf(old, true)).toBe(
      'MalformedPolicyDocument: Policy document must be version 2012-10-17 or greater.',
    );
  });
});
