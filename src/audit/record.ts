/**
 * A CloudTrail event record, as CloudTrail writes it (the "CloudTrail record contents" page of the CloudTrail user
 * guide). iamd's audit trail stores exactly this shape, LookupEvents returns it as `CloudTrailEvent`, and
 * `iamd audit export` writes it in `{"Records":[…]}` files. Fields CloudTrail omits when empty are optional here, and
 * an absent one (missing or undefined) is left out of the stored text; they are never null, except where CloudTrail
 * writes null (requestParameters and responseElements).
 */
export interface CloudTrailRecord {
  /** `1.08` for management events as of this writing (AWS bumps it as fields are added). */
  readonly eventVersion: string;
  readonly userIdentity: UserIdentity;
  /** ISO 8601 UTC, to the second: `2026-11-27T21:00:00Z`. */
  readonly eventTime: string;
  readonly eventSource: 'iam.amazonaws.com' | 'sts.amazonaws.com' | 'signin.amazonaws.com' | string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** The request's parameters, redacted; null when the call has none (or failed before they were read). */
  readonly requestParameters: Readonly<Record<string, unknown>> | null;
  /** The response, redacted; null for read-only calls and for failures, as CloudTrail writes it. */
  readonly responseElements: Readonly<Record<string, unknown>> | null;
  /** For console sign-ins: `{"LoginTo": …, "MobileVersion": "No", "MFAUsed": "Yes" | "No"}`. */
  readonly additionalEventData?: Readonly<Record<string, unknown>>;
  readonly requestID?: string;
  readonly eventID: string;
  readonly readOnly: boolean;
  readonly resources?: readonly {
    readonly ARN?: string;
    readonly accountId?: string;
    readonly type?: string;
  }[];
  readonly eventType: 'AwsApiCall' | 'AwsConsoleSignIn' | 'AwsServiceEvent';
  readonly managementEvent: boolean;
  readonly recipientAccountId: string;
  readonly eventCategory: 'Management';
  readonly tlsDetails?: {
    readonly tlsVersion: string;
    readonly cipherSuite: string;
    readonly clientProvidedHostHeader: string;
  };
}

/** Who made the request (CloudTrail's userIdentity element). */
export interface UserIdentity {
  readonly type:
    'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'AWSAccount' | 'AWSService' | 'Unknown';
  readonly principalId?: string;
  readonly arn?: string;
  readonly accountId?: string;
  readonly accessKeyId?: string;
  readonly userName?: string;
  readonly sessionContext?: {
    readonly sessionIssuer?: {
      readonly type: 'Role' | 'IAMUser' | 'Root';
      readonly principalId: string;
      readonly arn: string;
      readonly accountId: string;
      readonly userName: string;
    };
    readonly attributes: {
      /** ISO 8601, to the second. */
      readonly creationDate: string;
      /** `"true"` or `"false"`: CloudTrail writes it as a string. */
      readonly mfaAuthenticated: 'true' | 'false';
    };
    readonly sourceIdentity?: string;
  };
}

/**
 * A stored record text, parsed; undefined when it is not JSON (a row edited outside iamd: verify reports it, lookups
 * and keys pass over it).
 */
export function parseStoredRecord(text: string): CloudTrailRecord | undefined {
  try {
    return JSON.parse(text) as CloudTrailRecord;
  } catch {
    return undefined;
  }
}
