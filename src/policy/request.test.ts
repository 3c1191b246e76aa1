// Context keys the request carries from its principal and its clock, per the global condition keys reference:
// aws:username only for IAM users; aws:PrincipalArn is the role's ARN for a role session; aws:PrincipalType is
// Account, User, FederatedUser, AssumedRole or Anonymous; aws:userid is the account ID for the root user;
// aws:PrincipalTag/*, aws:PrincipalServiceName, aws:PrincipalIsAWSService, aws:CurrentTime and aws:EpochTime:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// An S3 ARN has no account; the resource owner then defaults to the principal's account (scenario format):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
import { describe, expect, it } from 'vitest';
import { createRequest, type RequestInput } from './request.js';

const ACCOUNT = '111122223333';
const USER = `arn:aws:iam::${ACCOUNT}:user/division/alice`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/build-42`;
const NOW = Date.parse('2026-06-15T12:00:00Z');

/** The value of one context key as plain data, looked up without regard to case. */
function key(input: Partial<RequestInput>, name: string): string | readonly string[] | undefined {
  const value = createRequest({ principal: USER, action: 's3:GetObject', ...input }).context.get(
    name.toLowerCase(),
  );
  if (value === undefined) return undefined;
  return value.kind === 'single' ? value.value : value.values;
}

describe('keys derived from the principal', () => {
  it('an IAM user has aws:username, its own ARN, its account and type User', () => {
    const input = { principal: USER };
    expect(key(input, 'aws:username')).toBe('alice');
    expect(key(input, 'aws:PrincipalArn')).toBe(USER);
    expect(key(input, 'aws:PrincipalAccount')).toBe(ACCOUNT);
    expect(key(input, 'aws:PrincipalType')).toBe('User');
    expect(key(input, 'aws:PrincipalIsAWSService')).toBe('false');
  });

  it("a role session has no aws:username, and aws:PrincipalArn is the role's ARN", () => {
    const input = { principal: SESSION };
    expect(key(input, 'aws:username')).toBeUndefined();
    expect(key(input, 'aws:PrincipalArn')).toBe(`arn:aws:iam::${ACCOUNT}:role/Deploy`);
    expect(key(input, 'aws:PrincipalType')).toBe('AssumedRole');
    expect(key(input, 'aws:PrincipalAccount')).toBe(ACCOUNT);
  });

  it("a role session's aws:PrincipalArn carries the role's path when the caller gives it", () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/team/Deploy`;
    expect(key({ principal: { arn: SESSION, roleArn } }, 'aws:PrincipalArn')).toBe(roleArn);
  });

  it('the root user has type Account, its account as aws:userid, and no aws:username', () => {
    const input = { principal: `arn:aws:iam::${ACCOUNT}:root` };
    expect(key(input, 'aws:PrincipalType')).toBe('Account');
    expect(key(input, 'aws:userid')).toBe(ACCOUNT);
    expect(key(input, 'aws:username')).toBeUndefined();
    expect(key(input, 'aws:PrincipalArn')).toBe(`arn:aws:iam::${ACCOUNT}:root`);
  });

  it('a federated user has type FederatedUser and no aws:username', () => {
    const input = { principal: `arn:aws:sts::${ACCOUNT}:federated-user/bob` };
    expect(key(input, 'aws:PrincipalType')).toBe('FederatedUser');
    expect(key(input, 'aws:username')).toBeUndefined();
    expect(key(input, 'aws:PrincipalArn')).toBe(`arn:aws:sts::${ACCOUNT}:federated-user/bob`);
  });

  it('an anonymous caller has type Anonymous and no principal ARN or account', () => {
    const input = { principal: '*' };
    expect(key(input, 'aws:PrincipalType')).toBe('Anonymous');
    expect(key(input, 'aws:PrincipalArn')).toBeUndefined();
    expect(key(input, 'aws:PrincipalAccount')).toBeUndefined();
  });

  it('a service principal has its service name and is an AWS service', () => {
    const input = { principal: 'cloudtrail.amazonaws.com' };
    expect(key(input, 'aws:PrincipalServiceName')).toBe('cloudtrail.amazonaws.com');
    expect(key(input, 'aws:PrincipalIsAWSService')).toBe('true');
    expect(key(input, 'aws:PrincipalArn')).toBeUndefined();
    expect(key(input, 'aws:username')).toBeUndefined();
  });

  it('the unique ID becomes aws:userid', () => {
    expect(key({ principal: { arn: SESSION, userId: 'AROAEXAMPLE:build-42' } }, 'aws:userid')).toBe(
      'AROAEXAMPLE:build-42',
    );
    expect(key({ principal: USER }, 'aws:userid')).toBeUndefined();
  });

  it('principal tags become aws:PrincipalTag keys, looked up without regard to case', () => {
    const input = { principal: { arn: USER, tags: { Team: 'Blue' } } };
    expect(key(input, 'aws:PrincipalTag/Team')).toBe('Blue');
    expect(key(input, 'AWS:PRINCIPALTAG/TEAM')).toBe('Blue');
    expect(key(input, 'aws:PrincipalTag/Project')).toBeUndefined();
  });
});

describe('clock keys', () => {
  it('sets aws:CurrentTime (ISO 8601, whole seconds) and aws:EpochTime from a number of milliseconds', () => {
    expect(key({ now: NOW + 999 }, 'aws:CurrentTime')).toBe('2026-06-15T12:00:00Z');
    expect(key({ now: NOW + 999 }, 'aws:EpochTime')).toBe(String(NOW / 1000));
  });

  it('takes a Date as well', () => {
    expect(key({ now: new Date('2024-02-29T23:59:59.5Z') }, 'aws:CurrentTime')).toBe('2024-02-29T23:59:59Z');
    expect(key({ now: new Date('2024-02-29T23:59:59.5Z') }, 'aws:EpochTime')).toBe('1709251199');
  });

  it('sets no clock keys without a clock', () => {
    expect(key({}, 'aws:CurrentTime')).toBeUndefined();
    expect(key({}, 'aws:EpochTime')).toBeUndefined();
  });
});

describe('the request context', () => {
  it('keys given in the context win over derived ones', () => {
    const context = { 'aws:username': 'mallory', 'AWS:CurrentTime': '2000-01-01T00:00:00Z' };
    expect(key({ context, now: NOW }, 'aws:username')).toBe('mallory');
    expect(key({ context, now: NOW }, 'aws:CurrentTime')).toBe('2000-01-01T00:00:00Z');
    expect(key({ context, now: NOW }, 'aws:EpochTime')).toBe(String(NOW / 1000));
  });

  it('keeps multivalued keys as lists and stringifies numbers and booleans', () => {
    const context = { 'aws:TagKeys': ['a', 'b'], 's3:max-keys': 10, 'aws:SecureTransport': true };
    expect(key({ context }, 'aws:TagKeys')).toEqual(['a', 'b']);
    expect(key({ context }, 's3:max-keys')).toBe('10');
    expect(key({ context }, 'aws:SecureTransport')).toBe('true');
  });
});

describe('resource and owner', () => {
  const request = (input: Partial<RequestInput>) =>
    createRequest({ principal: USER, action: 's3:GetObject', ...input });

  it('defaults the resource to "*" and the owner to the principal account', () => {
    expect(request({})).toMatchObject({ resource: '*', resourceAccount: ACCOUNT, action: 's3:GetObject' });
  });

  it("takes the owner from the resource ARN's account", () => {
    expect(request({ resource: 'arn:aws:sns:us-east-1:444455556666:t' }).resourceAccount).toBe(
      '444455556666',
    );
  });

  it('falls back to the principal account for an ARN without one (S3)', () => {
    expect(request({ resource: 'arn:aws:s3:::bucket/key' }).resourceAccount).toBe(ACCOUNT);
  });

  it('prefers an explicit owner', () => {
    expect(
      request({ resource: 'arn:aws:s3:::bucket/key', resourceAccount: '999988887777' }).resourceAccount,
    ).toBe('999988887777');
  });

  it('derives the principal', () => {
    expect(request({ principal: SESSION }).principal).toMatchObject({
      kind: 'assumedRole',
      sessionName: 'build-42',
    });
  });
});
