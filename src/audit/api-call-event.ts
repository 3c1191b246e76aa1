import type { Caller } from '../operation/context.js';
import { isoSeconds } from '../protocol/iso-time.js';
import { eventIdAt } from './event-id.js';
import { unauthenticatedIdentity, userIdentityOf } from './identity.js';
import { eventSourceOf, isReadOnly, changesState, type AuditedService } from './operation-kind.js';
import type { CloudTrailRecord } from './record.js';
import { redact } from './redaction.js';

/** The CloudTrail record format version iamd writes. */
export const EVENT_VERSION = '1.08';

/** Everything known about one API call when its event is written. */
export interface ApiCall {
  /** The eventID; made from the time when not given (event-id.ts). */
  readonly eventId?: string | undefined;
  readonly time: Date;
  /** The account the server serves (recipientAccountId when the caller is unknown). */
  readonly accountId: string;
  readonly service: AuditedService;
  /** The operation, or the raw `Action` parameter when it named none that exists. */
  readonly operation: string;
  /** The credential scope's region, when the request had one. */
  readonly region: string | undefined;
  readonly sourceIp: string;
  readonly userAgent: string | undefined;
  readonly requestId: string;
  readonly host: string | undefined;
  readonly tls?: { readonly version: string; readonly cipher: string } | undefined;
  /** Who made the call, once authenticated. */
  readonly caller: Caller | undefined;
  /** The access key id the request claimed, for calls whose authentication failed. */
  readonly claimedAccessKeyId: string | undefined;
  /** The decoded input, once decoded. */
  readonly input: unknown;
  /** The output, for a successful call. */
  readonly output?: unknown;
  readonly error?: { readonly code: string; readonly message: string } | undefined;
}

/**
 * The CloudTrail record of an API call (the "CloudTrail record contents" page), with its members in CloudTrail's
 * order. IAM is a global service, so CloudTrail records its events in us-east-1; STS events carry the region the
 * request was signed for.
 */
export function apiCallRecord(call: ApiCall): CloudTrailRecord {
  const readOnly = isReadOnly(call.service, call.operation);
  const succeeded = call.error === undefined;
  const request = call.input === undefined ? null : shaped(redact(call.operation, 'request', call.input));
  const response =
    succeeded && changesState(call.service, call.operation)
      ? shaped(redact(call.operation, 'response', call.output))
      : null;
  const identity =
    call.caller === undefined
      ? unauthenticatedIdentity(call.claimedAccessKeyId)
      : userIdentityOf(call.caller);
  const roleArn = request?.['roleArn'];
  const resources =
    call.service === 'sts' && call.operation.startsWith('AssumeRole') && typeof roleArn === 'string'
      ? [{ accountId: roleArn.split(':')[4] ?? '', type: 'AWS::IAM::Role', ARN: roleArn }]
      : undefined;
  // One literal of one shape, in CloudTrail's member order (which JSON.stringify follows). An absent optional member
  // is undefined here, which JSON.stringify leaves out, so the stored record omits it as CloudTrail does.
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: identity,
    eventTime: isoSeconds(call.time),
    eventSource: eventSourceOf(call.service),
    eventName: call.operation,
    awsRegion: call.service === 'iam' ? 'us-east-1' : (call.region ?? 'us-east-1'),
    sourceIPAddress: call.sourceIp,
    userAgent: call.userAgent,
    errorCode: call.error?.code,
    errorMessage: call.error?.message,
    requestParameters: request,
    responseElements: response,
    requestID: call.requestId,
    eventID: call.eventId ?? eventIdAt(call.time),
    readOnly,
    resources,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: call.caller?.accountId ?? call.accountId,
    eventCategory: 'Management',
    tlsDetails:
      call.tls === undefined
        ? undefined
        : {
            tlsVersion: call.tls.version,
            cipherSuite: call.tls.cipher,
            clientProvidedHostHeader: call.host ?? '',
          },
  };
}

/** A redacted input or output (already in CloudTrail's shape); null when it has no members. */
function shaped(out: unknown): Record<string, unknown> | null {
  if (typeof out !== 'object' || out === null || Array.isArray(out)) return null;
  return Object.keys(out).length === 0 ? null : (out as Record<string, unknown>);
}
