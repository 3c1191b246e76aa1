import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed-actions.js';
import { SERVICE_NAMES } from './service-names.js';

const doc = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (action: string | string[]): object => ({ Effect: 'Allow', Action: action, Resource: '*' });

describe('allowedActions', () => {
  it('lists the namespaces that Allow statements name, case-insensitively', () => {
    const allowed = allowedActions([doc(allow(['IAM:GetUser', 's3:Get*'])), doc(allow('sts:AssumeRole'))]);
    expect([...allowed.namespaces].sort()).toEqual(['iam', 's3', 'sts']);
    expect(allowed.allows('iam', 'GetUser')).toBe(true);
    expect(allowed.allows('iam', 'ListUsers')).toBe(false);
  });

  it('expands `*` and wildcard namespaces over the known services', () => {
    expect([...allowedActions([doc(allow('*'))]).namespaces].sort()).toEqual(
      Object.keys(SERVICE_NAMES).sort(),
    );
    const s = [...allowedActions([doc(allow('s*:List*'))]).namespaces].sort();
    expect(s).toEqual(
      Object.keys(SERVICE_NAMES)
        .filter((n) => n.startsWith('s'))
        .sort(),
    );
  });

  it('reports a namespace it has no name for when a policy writes it out', () => {
    expect([...allowedActions([doc(allow('quantum:Entangle'))]).namespaces]).toEqual(['quantum']);
  });

  it('ignores Deny statements and malformed documents', () => {
    const allowed = allowedActions([
      doc({ Effect: 'Deny', Action: '*', Resource: '*' }),
      'not json',
      doc(allow('iam:*')),
    ]);
    expect([...allowed.namespaces]).toEqual(['iam']);
    expect(allowed.allows('iam', 'DeleteUser')).toBe(true);
  });

  it('reads NotAction as everything but the listed actions', () => {
    const allowed = allowedActions([
      doc({ Effect: 'Allow', NotAction: ['iam:*', 'sts:AssumeRole'], Resource: '*' }),
    ]);
    expect(allowed.namespaces.has('iam')).toBe(false);
    expect(allowed.namespaces.has('sts')).toBe(true);
    expect(allowed.namespaces.has('s3')).toBe(true);
    expect(allowed.allows('sts', 'AssumeRole')).toBe(false);
    expect(allowed.allows('sts', 'GetCallerIdentity')).toBe(true);
    expect(allowed.allows('iam', 'GetUser')).toBe(false);
  });
});
