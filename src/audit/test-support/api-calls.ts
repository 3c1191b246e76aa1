import type { Caller } from '../../operation/context.js';
import type { ApiCall } from '../api-call-event.js';

/**
 * TEST SUPPORT ONLY: the `i`th of a run of API calls whose shapes vary with `i` (service, operation, region, user
 * agent, TLS, caller or a failed authentication, parameters, error), with `text` in their names and parameters.
 */
export function sampleApiCall(text: string, i: number): ApiCall {
  const time = new Date(Date.UTC(2026, 11, 6, 12, 0, 0, i));
  return {
    time,
    accountId: '123456789012',
    service: i % 2 === 0 ? 'iam' : 'sts',
    operation: i % 3 === 0 ? 'CreateUser' : 'GetUser',
    region: i % 4 === 0 ? undefined : 'eu-west-1',
    sourceIp: '192.0.2.1',
    userAgent: i % 5 === 0 ? undefined : `agent ${text}`,
    requestId: `req-${i}`,
    host: 'localhost',
    tls: i % 2 === 0 ? undefined : { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' },
    caller: i % 7 === 0 ? undefined : callerOf(text, i % 4),
    claimedAccessKeyId: i % 7 === 0 ? 'AKIACLAIMED' : undefined,
    input: i % 6 === 0 ? undefined : { UserName: text, Tags: [{ Key: text, Value: 'v' }] },
    output: { User: { UserName: text, CreateDate: time } },
    ...(i % 4 === 1 ? { error: { code: 'AccessDenied', message: `denied: ${text}` } } : {}),
  } as ApiCall;
}

/** A caller of each kind: an IAM user, the root user, a role session with MFA, a federated user of root. */
function callerOf(text: string, kind: number): Caller {
  const account = { accountId: '123456789012' };
  switch (kind) {
    case 0:
      return {
        ...account,
        kind: 'root',
        arn: 'arn:aws:iam::123456789012:root',
        userId: '123456789012',
        accessKeyId: 'AKIAROOTEXAMPLE',
      };
    case 1:
      return {
        ...account,
        kind: 'assumedRole',
        arn: `arn:aws:sts::123456789012:assumed-role/${text}/session`,
        userId: 'AROAEXAMPLE:session',
        accessKeyId: 'ASIAEXAMPLE',
        roleArn: `arn:aws:iam::123456789012:role/${text}`,
        roleId: 'AROAEXAMPLE',
        context: { 'aws:TokenIssueTime': '2026-12-06T11:00:00Z', 'aws:MultiFactorAuthPresent': 'true' },
      };
    case 2:
      return {
        ...account,
        kind: 'federatedUser',
        arn: `arn:aws:sts::123456789012:federated-user/${text}`,
        userId: `123456789012:${text}`,
        accessKeyId: 'ASIAFEDERATED',
        sessionIssuerArn: 'arn:aws:iam::123456789012:root',
      };
    default:
      return {
        ...account,
        kind: 'user',
        arn: `arn:aws:iam::123456789012:user/${text}`,
        userId: 'AIDAEXAMPLE',
        accessKeyId: 'AKIAEXAMPLE',
        userName: text,
      };
  }
}
