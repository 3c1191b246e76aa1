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
 * A stored record text, parsed; undefined when it is not a record as iamd writes it: not JSON, or JSON without the
 * members that lookups, keys, verify and exports read, each of its type (see isStoredRecord). Such a row was written
 * outside iamd: verify reports it, the others pass over it rather than fail on it.
 */
export function parseStoredRecord(text: string): CloudTrailRecord | undefined {
  const value = parseStoredJson(text);
  return isStoredRecord(value) ? value : undefined;
}

/**
 * The event id that a stored record text names, if it is JSON with one, whatever else it holds: verify names a
 * modified event by it.
 */
export function storedEventId(text: string): string | undefined {
  const value = parseStoredJson(text);
  return isObject(value) && typeof value['eventID'] === 'string' ? value['eventID'] : undefined;
}

function parseStoredJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// The members every record iamd writes has (api-call-event.ts, sign-in-event.ts), and those it may leave out.
const STRINGS = [
  'eventVersion',
  'eventTime',
  'eventSource',
  'eventName',
  'awsRegion',
  'sourceIPAddress',
  'eventID',
  'eventType',
  'recipientAccountId',
] as const;
const BOOLEANS = ['readOnly', 'managementEvent'] as const;
const OPTIONAL_STRINGS = ['userAgent', 'errorCode', 'errorMessage', 'requestID'] as const;
const MEMBER_OBJECTS = ['requestParameters', 'responseElements'] as const;
const IDENTITY_OPTIONAL_STRINGS = ['principalId', 'arn', 'accountId', 'accessKeyId', 'userName'] as const;

/**
 * Whether a parsed value has the shape of a CloudTrailRecord as far as iamd's readers go: the members they read are
 * there, with their types. It does not check values (an ARN's form, a time's format): verify compares those with
 * the row, and a record that passes here cannot make a reader throw.
 */
export function isStoredRecord(value: unknown): value is CloudTrailRecord {
  if (!isObject(value)) return false;
  const identity = value['userIdentity'];
  return (
    STRINGS.every((m) => typeof value[m] === 'string') &&
    BOOLEANS.every((m) => typeof value[m] === 'boolean') &&
    OPTIONAL_STRINGS.every((m) => value[m] === undefined || typeof value[m] === 'string') &&
    MEMBER_OBJECTS.every((m) => value[m] === null || isObject(value[m])) &&
    isObject(identity) &&
    typeof identity['type'] === 'string' &&
    IDENTITY_OPTIONAL_STRINGS.every((m) => identity[m] === undefined || typeof identity[m] === 'string') &&
    isSessionContext(identity['sessionContext'])
  );
}

function isSessionContext(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isObject(value)) return false;
  const issuer = value['sessionIssuer'];
  return issuer === undefined || (isObject(issuer) && typeof issuer['arn'] === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
