import { describe, expect, it } from 'vitest';
import type { Caller } from '../operation/context.js';
import { apiCallRecord } from './api-call-event.js';
import { userIdentityOf } from './identity.js';

const ACCOUNT = '123456789012';
const session = (overrides: Partial<Caller>): Caller => ({
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/admin/s1`,
  accountId: ACCOUNT,
  userId: 'AROAEXAMPLE:s1',
  kind: 'assumedRole',
  accessKeyId: 'ASIAEXAMPLE',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/ops/admin`,
  roleId: 'AROAEXAMPLE',
  context: { 'aws:TokenIssueTime': '2026-11-27T20:00:00Z', 'aws:MultiFactorAuthPresent': 'false' },
  ...overrides,
});

describe('userIdentity', () => {
  it('an MFA-authenticated session says mfaAuthenticated "true"', () => {
    const mfa = session({
      context: { 'aws:TokenIssueTime': '2026-11-27T20:00:00Z', 'aws:MultiFactorAuthPresent': 'true' },
    });
    expect(userIdentityOf(mfa).sessionContext?.attributes).toEqual({
      creationDate: '2026-11-27T20:00:00Z',
      mfaAuthenticated: 'true',
    });
    expect(userIdentityOf(session({})).sessionContext?.attributes.mfaAuthenticated).toBe('false');
  });

  it('the session issuer of a role with a path is named by the role name alone', () => {
    expect(userIdentityOf(session({})).sessionContext?.sessionIssuer).toEqual({
      type: 'Role',
      principalId: 'AROAEXAMPLE',
      arn: `arn:aws:iam::${ACCOUNT}:role/ops/admin`,
      accountId: ACCOUNT,
      userName: 'admin',
    });
  });

  it('a federated user names the user that called GetFederationToken as its issuer', () => {
    const federated: Caller = {
      arn: `arn:aws:sts::${ACCOUNT}:federated-user/fed`,
      accountId: ACCOUNT,
      userId: `${ACCOUNT}:fed`,
      kind: 'federatedUser',
      accessKeyId: 'ASIAFED',
      sessionIssuerArn: `arn:aws:iam::${ACCOUNT}:user/dave`,
      policyHolder: { type: 'user', id: 'AIDADAVE' },
      context: { 'aws:TokenIssueTime': '2026-11-27T20:00:00Z', 'aws:MultiFactorAuthPresent': 'false' },
    };
    expect(userIdentityOf(federated)).toEqual({
      type: 'FederatedUser',
      principalId: `${ACCOUNT}:fed`,
      arn: `arn:aws:sts::${ACCOUNT}:federated-user/fed`,
      accountId: ACCOUNT,
      accessKeyId: 'ASIAFED',
      sessionContext: {
        sessionIssuer: {
          type: 'IAMUser',
          principalId: 'AIDADAVE',
          arn: `arn:aws:iam::${ACCOUNT}:user/dave`,
          accountId: ACCOUNT,
          userName: 'dave',
        },
        attributes: { creationDate: '2026-11-27T20:00:00Z', mfaAuthenticated: 'false' },
      },
    });
  });

  it('a call over TLS carries tlsDetails', () => {
    const record = apiCallRecord({
      eventId: 'e',
      time: new Date('2026-11-27T21:00:00Z'),
      accountId: ACCOUNT,
      service: 'iam',
      operation: 'ListUsers',
      region: 'eu-west-1',
      sourceIp: '192.0.2.1',
      userAgent: 'aws-cli/2',
      requestId: 'r',
      host: 'iam.example.test',
      tls: { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' },
      caller: session({}),
      claimedAccessKeyId: undefined,
      input: {},
      output: { Users: [] },
    });
    expect(record.tlsDetails).toEqual({
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: 'iam.example.test',
    });
    // IAM is recorded in us-east-1 whatever the signing region; a read has no responseElements.
    expect(record).toMatchObject({
      awsRegion: 'us-east-1',
      readOnly: true,
      requestParameters: null,
      responseElements: null,
    });
  });
});
