import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import { decodeQuery } from './index.js';

/**
 * IAM's input validation, pinned to the messages recorded from real AWS (shared/aws-reference, file and snapshot
 * key in each test) and to the constraints of the IAM API reference
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_<Operation>.html).
 */

function iam(action: string, params: Record<string, string> = {}): Record<string, unknown> {
  const form = new URLSearchParams({ Action: action, Version: '2010-05-08', ...params });
  return decodeQuery('iam', form.toString()).input;
}

function messageOf(action: string, params: Record<string, string> = {}): string {
  try {
    iam(action, params);
  } catch (err) {
    if (err instanceof AwsError && err.code === 'ValidationError') {
      expect(err.status).toBe(400);
      return err.message;
    }
    throw err;
  }
  throw new Error('expected a ValidationError');
}

const POLICY_ARN = 'arn:aws:iam::123456789012:policy/p';

describe('messages recorded from AWS', () => {
  it('lists three violations in AWS order (test_iam_account_password_policy: validation-errors)', () => {
    expect(
      messageOf('UpdateAccountPasswordPolicy', {
        MinimumPasswordLength: '129',
        PasswordReusePrevention: '25',
        MaxPasswordAge: '1096',
      }),
    ).toBe(
      "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128; Value at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24; Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095",
    );
  });

  it('reports bad list items at the list (test_iam_oidc: multiple-validation-errors)', () => {
    expect(
      messageOf('CreateOpenIDConnectProvider', {
        Url: `https://${'a'.repeat(260)}`,
        'ClientIDList.member.1': 'a'.repeat(256),
        'ThumbprintList.member.1': 'abc',
      }),
    ).toBe(
      "3 validation errors detected: Value at 'clientIDList' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 1]; Value at 'thumbprintList' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 40, Member must have length greater than or equal to 40]; Value at 'url' failed to satisfy constraint: Member must have length less than or equal to 255",
    );
  });

  it('limits tags to 50 (test_iam_policies: err-too-many-tags)', () => {
    const tags: Record<string, string> = {};
    for (let i = 1; i <= 51; i++) {
      tags[`Tags.member.${i}.Key`] = `k${i}`;
      tags[`Tags.member.${i}.Value`] = 'v';
    }
    expect(messageOf('TagPolicy', { PolicyArn: POLICY_ARN, ...tags })).toBe(
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  });

  it('checks tag keys and values at tags.N.member.key (test_iam_policies: err-large-key, err-large-value, err-invalid-character)', () => {
    const tag = (key: string, value: string) => ({ 'Tags.member.1.Key': key, 'Tags.member.1.Value': value });
    expect(messageOf('TagPolicy', { PolicyArn: POLICY_ARN, ...tag('k'.repeat(129), 'v') })).toBe(
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
    expect(messageOf('TagPolicy', { PolicyArn: POLICY_ARN, ...tag('k', 'v'.repeat(257)) })).toBe(
      "1 validation error detected: Value at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
    expect(messageOf('TagPolicy', { PolicyArn: POLICY_ARN, ...tag('bad|key', 'v') })).toBe(
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
    );
  });

  it('accepts Unicode letters, spaces and digits in tags', () => {
    expect(
      iam('TagUser', { UserName: 'u', 'Tags.member.1.Key': 'Café Ω 9', 'Tags.member.1.Value': '' }),
    ).toEqual({
      UserName: 'u',
      Tags: [{ Key: 'Café Ω 9', Value: '' }],
    });
  });

  it('limits tag keys to remove (test_iam_policies: err-untag-too-many-keys, err-untag-large-key)', () => {
    const keys: Record<string, string> = {};
    for (let i = 1; i <= 51; i++) keys[`TagKeys.member.${i}`] = `k${i}`;
    expect(messageOf('UntagPolicy', { PolicyArn: POLICY_ARN, ...keys })).toBe(
      "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    expect(messageOf('UntagPolicy', { PolicyArn: POLICY_ARN, 'TagKeys.member.1': 'k'.repeat(129) })).toBe(
      "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+, Member must not be null]",
    );
  });

  it('checks policy version ids (test_iam_policies: err-set-default-invalid-version-format)', () => {
    expect(messageOf('SetDefaultPolicyVersion', { PolicyArn: POLICY_ARN, VersionId: 'version1' })).toBe(
      "1 validation error detected: Value at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?",
    );
  });

  it('checks the length of paths (test_iam_mfa: create-path-too-long-error)', () => {
    expect(
      messageOf('CreateVirtualMFADevice', { VirtualMFADeviceName: 'd', Path: `/${'a'.repeat(511)}/` }),
    ).toBe(
      "1 validation error detected: Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 512",
    );
  });

  it("leaves a path's characters to the operation (test_iam_mfa: create-invalid-path-no-leading-slash-error)", () => {
    expect(iam('CreateVirtualMFADevice', { VirtualMFADeviceName: 'd', Path: 'no-slash' }).Path).toBe(
      'no-slash',
    );
  });

  it('checks enumerations (test_iam: update-invalid-status)', () => {
    expect(
      messageOf('UpdateServiceSpecificCredential', {
        ServiceSpecificCredentialId: 'ACCA12345678901234567',
        Status: 'Enabled',
      }),
    ).toBe(
      "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    );
  });

  it('checks credential ids (test_iam: update-wrong-id)', () => {
    expect(
      messageOf('UpdateServiceSpecificCredential', {
        ServiceSpecificCredentialId: 'totally-wrong-credential-id-with-hyphens',
        Status: 'Active',
      }),
    ).toBe(
      "1 validation error detected: Value at 'serviceSpecificCredentialId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
    );
  });
});

describe('required members', () => {
  it('reports a missing required member as null, in lowerCamelCase', () => {
    expect(messageOf('CreateUser')).toBe(
      "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports every missing required member', () => {
    expect(messageOf('AttachRolePolicy')).toMatch(
      /^2 validation errors detected: Value null at '(roleName|policyArn)' .*; Value null at '(roleName|policyArn)' /,
    );
  });

  it('reports a tag without a value', () => {
    expect(messageOf('TagUser', { UserName: 'u', 'Tags.member.1.Key': 'k' })).toBe(
      "1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('limits', () => {
  it('takes MaxItems from 1 to 1000', () => {
    expect(iam('ListUsers', { MaxItems: '1' }).MaxItems).toBe(1);
    expect(iam('ListUsers', { MaxItems: '1000' }).MaxItems).toBe(1000);
    expect(messageOf('ListUsers', { MaxItems: '0' })).toBe(
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(messageOf('ListUsers', { MaxItems: '1001' })).toBe(
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
  });

  it('rejects a MaxItems that is not a number', () => {
    expect(messageOf('ListUsers', { MaxItems: 'ten' })).toBe(
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must be an integer",
    );
  });

  it('takes MaxSessionDuration from 3600 to 43200', () => {
    const role = { RoleName: 'r', AssumeRolePolicyDocument: '{}' };
    expect(iam('CreateRole', { ...role, MaxSessionDuration: '43200' }).MaxSessionDuration).toBe(43200);
    expect(messageOf('CreateRole', { ...role, MaxSessionDuration: '3599' })).toContain(
      "Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    );
  });

  it('checks Marker length and characters', () => {
    expect(messageOf('ListUsers', { Marker: 'a'.repeat(321) })).toContain(
      "Value at 'marker' failed to satisfy constraint: Member must have length less than or equal to 320",
    );
  });

  it('bounds policy documents at 131072 characters of tab, newline, carriage return and U+0020..U+00FF', () => {
    const ok = '{"Version":"2012-10-17",\t\r\n"Statement":[]} é';
    expect(iam('PutUserPolicy', { UserName: 'u', PolicyName: 'p', PolicyDocument: ok }).PolicyDocument).toBe(
      ok,
    );
    expect(
      messageOf('PutUserPolicy', { UserName: 'u', PolicyName: 'p', PolicyDocument: '{"a":"Ω"}' }),
    ).toContain(
      "Value at 'policyDocument' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    );
  });
});

describe('names', () => {
  it('allows letters, digits and _+=,.@- in user, group, role and policy names', () => {
    expect(iam('CreateUser', { UserName: 'a_b+c=d,e.f@g-h9' }).UserName).toBe('a_b+c=d,e.f@g-h9');
    for (const [action, member] of [
      ['CreateUser', 'userName'],
      ['CreateGroup', 'groupName'],
      ['CreateRole', 'roleName'],
    ] as const) {
      const name = member.charAt(0).toUpperCase() + member.slice(1);
      expect(messageOf(action, { [name]: 'has space', AssumeRolePolicyDocument: '{}' })).toBe(
        `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
      );
    }
  });

  it('caps a new user name at 64 characters but looks existing users up by up to 128', () => {
    expect(messageOf('CreateUser', { UserName: 'u'.repeat(65) })).toBe(
      "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64",
    );
    expect(iam('GetUser', { UserName: 'u'.repeat(128) }).UserName).toBe('u'.repeat(128));
    expect(messageOf('GetUser', { UserName: 'u'.repeat(129) })).toContain('less than or equal to 128');
  });

  it('caps role names at 64 and group and policy names at 128', () => {
    expect(messageOf('GetRole', { RoleName: 'r'.repeat(65) })).toContain('less than or equal to 64');
    expect(iam('GetGroup', { GroupName: 'g'.repeat(128) }).GroupName).toBe('g'.repeat(128));
    expect(iam('GetUserPolicy', { UserName: 'u', PolicyName: 'p'.repeat(128) }).PolicyName).toBe(
      'p'.repeat(128),
    );
  });

  it('reports an empty name as too short and not matching', () => {
    expect(messageOf('CreateUser', { UserName: '' })).toBe(
      "2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it('checks account aliases', () => {
    expect(iam('CreateAccountAlias', { AccountAlias: 'my-alias-1' }).AccountAlias).toBe('my-alias-1');
    expect(messageOf('CreateAccountAlias', { AccountAlias: 'my--alias' })).toContain(
      "Value at 'accountAlias'",
    );
    expect(messageOf('CreateAccountAlias', { AccountAlias: 'Upper' })).toContain(
      'regular expression pattern',
    );
  });

  it('checks access key ids and MFA serial numbers', () => {
    expect(messageOf('UpdateAccessKey', { AccessKeyId: 'AKIA-SHORT', Status: 'Active' })).toBe(
      "2 validation errors detected: Value at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16; Value at 'accessKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
    );
    expect(
      messageOf('EnableMFADevice', {
        UserName: 'u',
        SerialNumber: 'short',
        AuthenticationCode1: '123456',
        AuthenticationCode2: '12345a',
      }),
    ).toMatch(/^2 validation errors detected: /);
  });

  it('checks path prefixes: any printable ASCII for users, the policy path pattern for policies', () => {
    expect(iam('ListPolicies', { PathPrefix: '/a/b/' }).PathPrefix).toBe('/a/b/');
    expect(iam('ListUsers', { PathPrefix: '/a!b' }).PathPrefix).toBe('/a!b');
    expect(messageOf('ListPolicies', { PathPrefix: '/a!b/' })).toBe(
      "1 validation error detected: Value at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: ((/[A-Za-z0-9\\.,\\+@=_-]+)*)/",
    );
    expect(messageOf('ListUsers', { PathPrefix: 'a' })).toBe(
      "1 validation error detected: Value at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*",
    );
  });
});
