import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import { decodeQuery } from './index.js';

/**
 * STS's input validation, pinned to messages recorded from real AWS (shared/aws-reference/pr-13720/sts) and to
 * the STS API reference (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html and siblings).
 * Unlike IAM, STS quotes the offending value.
 */

const ROLE = { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'session' };

function sts(action: string, params: Record<string, string> = {}): Record<string, unknown> {
  const form = new URLSearchParams({ Action: action, Version: '2011-06-15', ...params });
  return decodeQuery('sts', form.toString()).input;
}

function messageOf(action: string, params: Record<string, string> = {}): string {
  try {
    sts(action, params);
  } catch (err) {
    if (err instanceof AwsError && err.code === 'ValidationError') return err.message;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('messages recorded from AWS', () => {
  it('quotes a session name that breaks the pattern (test_sts: invalid-session-name)', () => {
    expect(messageOf('AssumeRole', { ...ROLE, RoleSessionName: 'Session1:2' })).toBe(
      "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it('caps session names at 64 characters (test_sts: session-name-too-long-error)', () => {
    const name = 's'.repeat(65);
    expect(messageOf('AssumeRole', { ...ROLE, RoleSessionName: name })).toBe(
      `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  });

  it("caps GetFederationToken's session policy at 2048 characters (test_sts: policy-too-long-error)", () => {
    const policy = `{"Version": "2012-10-17", "Statement": [${'{"Effect": "Allow"}, '.repeat(110)}]}`;
    expect(messageOf('GetFederationToken', { Name: 'fed', Policy: policy })).toBe(
      `1 validation error detected: Value '${policy}' at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    );
  });
});

describe('AssumeRole', () => {
  it('takes DurationSeconds from 900 to 43200', () => {
    expect(sts('AssumeRole', { ...ROLE, DurationSeconds: '900' }).DurationSeconds).toBe(900);
    expect(sts('AssumeRole', { ...ROLE, DurationSeconds: '43200' }).DurationSeconds).toBe(43200);
    expect(messageOf('AssumeRole', { ...ROLE, DurationSeconds: '899' })).toBe(
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect(messageOf('AssumeRole', { ...ROLE, DurationSeconds: '43201' })).toBe(
      "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
  });

  it('has no length limit on its own session policy, where GetFederationToken has 2048', () => {
    const policy = `{"Statement":[${'{"Effect":"Allow"},'.repeat(200)}]}`;
    expect(sts('AssumeRole', { ...ROLE, Policy: policy }).Policy).toBe(policy);
  });

  it('requires RoleArn and RoleSessionName', () => {
    expect(messageOf('AssumeRole', { RoleArn: ROLE.RoleArn })).toBe(
      "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('checks ExternalId, SerialNumber, TokenCode and SourceIdentity', () => {
    expect(messageOf('AssumeRole', { ...ROLE, ExternalId: 'x' })).toContain(
      "Value 'x' at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
    expect(messageOf('AssumeRole', { ...ROLE, TokenCode: '12345' })).toContain(
      "Value '12345' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
    );
    expect(messageOf('AssumeRole', { ...ROLE, SerialNumber: 'arn:aws:iam::1:mfa/a b' })).toContain(
      "at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=/:,.@-]*",
    );
    expect(messageOf('AssumeRole', { ...ROLE, SourceIdentity: 'a b' })).toContain(
      "Value 'a b' at 'sourceIdentity'",
    );
  });

  it('checks session tags and quotes a list of bad transitive tag keys', () => {
    expect(messageOf('AssumeRole', { ...ROLE, 'Tags.member.1.Key': 'k', 'Tags.member.1.Value': 'v|' })).toBe(
      "1 validation error detected: Value 'v|' at 'tags.1.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
    );
    expect(
      messageOf('AssumeRole', {
        ...ROLE,
        'TransitiveTagKeys.member.1': 'a',
        'TransitiveTagKeys.member.2': '',
      }),
    ).toBe(
      "1 validation error detected: Value '[a, ]' at 'transitiveTagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+, Member must not be null]",
    );
  });

  it('checks the lower-case arn of policy descriptors', () => {
    expect(messageOf('AssumeRole', { ...ROLE, 'PolicyArns.member.1.arn': 'short' })).toBe(
      "1 validation error detected: Value 'short' at 'policyArns.1.member.arn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  });
});

describe('GetSessionToken and GetFederationToken', () => {
  it('take DurationSeconds up to 129600 (36 hours)', () => {
    expect(sts('GetSessionToken', { DurationSeconds: '129600' }).DurationSeconds).toBe(129600);
    expect(messageOf('GetSessionToken', { DurationSeconds: '129601' })).toContain(
      'less than or equal to 129600',
    );
    expect(messageOf('GetFederationToken', { Name: 'fed', DurationSeconds: '899' })).toContain(
      'greater than or equal to 900',
    );
  });

  it('checks federated user names: 2 to 32 of [\\w+=,.@-]', () => {
    expect(messageOf('GetFederationToken', { Name: 'a' })).toContain("Value 'a' at 'name'");
    expect(messageOf('GetFederationToken', { Name: 'n'.repeat(33) })).toContain('less than or equal to 32');
  });
});
