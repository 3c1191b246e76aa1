import type { Service } from './model.js';

/**
 * The input constraints of IAM and STS, which the min-format models leave out. AWS checks them before an
 * operation runs and answers with one ValidationError that lists every violation.
 *
 * Source: the "Request Parameters" sections of the AWS API references (Length Constraints, Pattern, Valid Range,
 * Valid Values), one page per operation and data type:
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_<Operation>.html (e.g. API_CreateUser.html,
 *   API_ListUsers.html, API_CreateRole.html, API_UpdateAccountPasswordPolicy.html) and API_Tag.html;
 *   https://docs.aws.amazon.com/STS/latest/APIReference/API_<Operation>.html (e.g. API_AssumeRole.html,
 *   API_GetFederationToken.html, API_GetSessionToken.html) and API_Tag.html, API_PolicyDescriptorType.html.
 * Cross-checked against the same model as botocore ships it (data/{iam,sts}/.../service-2.json, 1.43).
 *
 * Keys are member names as they appear in the models (`arn` in STS's PolicyDescriptorType is lower-case there).
 * A member whose constraint differs by operation (IAM's UserName is 1..64 where a user is created or named for
 * a new resource, 1..128 where an existing user is looked up) has an entry under `operations`.
 */

/** The constraints on one member. `min` / `max` bound a string's or list's length, or a number's value. */
export interface Constraint {
  readonly min?: number;
  readonly max?: number;
  /** A Java regular expression that must match the whole value; AWS quotes it verbatim in the message. */
  readonly pattern?: string;
  readonly enum?: readonly string[];
  /** The constraints of every item of a list; AWS reports a failing item at the list, listing them all. */
  readonly items?: Constraint;
  /** Listed as "Member must not be null" among an item's constraints, where AWS's message shows it. */
  readonly notNull?: boolean;
}

/** One service's constraints, and how its ValidationError messages read. */
export interface ServiceConstraints {
  /**
   * Whether a message quotes the offending value. STS does (`Value 'Session1:2' at 'roleSessionName'`); IAM
   * leaves it out (`Value at 'path'`), as the responses recorded from AWS show.
   */
  readonly echoValues: boolean;
  readonly members: Readonly<Record<string, Constraint>>;
  /** Per-operation entries that replace `members` for that operation. */
  readonly operations: Readonly<Record<string, Readonly<Record<string, Constraint>>>>;
}

const NAME = '[\\w+=,.@-]+';
const POLICY_TEXT = '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+';
const TAG_KEY: Constraint = { min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' };
const TAG_VALUE: Constraint = { min: 0, max: 256, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' };
// "Member must not be null" is part of AWS's message for a bad tag key in UntagX's TagKeys.
const TAG_KEYS: Constraint = { max: 50, items: { ...TAG_KEY, notNull: true } };
const IAM_ARN: Constraint = { min: 20, max: 2048 };
const STS_ARN: Constraint = {
  min: 20,
  max: 2048,
  pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
};
// userNameType: the name of a user being created, or named as the owner of a new credential or attachment.
const NEW_USER_NAME: Constraint = { min: 1, max: 64, pattern: NAME };
// policyPathType: managed policies' paths.
const POLICY_PATH_PREFIX: Constraint = { min: 1, max: 512, pattern: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/' };

/**
 * IAM. `Path` and `NewPath` carry no pattern here: AWS checks their characters in the operation, with its own
 * message ("The specified value for path is invalid. It must begin and end with / and contain only alphanumeric
 * characters and/or / characters."), and only their length in validation (recorded responses of
 * CreateVirtualMFADevice).
 */
const IAM: ServiceConstraints = {
  echoValues: false,
  members: {
    AWSServiceName: { min: 1, max: 128, pattern: NAME },
    AccessKeyId: { min: 16, max: 128, pattern: '[\\w]+' },
    AccountAlias: { min: 3, max: 63, pattern: '^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$' },
    ActionNames: { items: { min: 3, max: 128 } },
    Arn: IAM_ARN,
    AssignmentStatus: { enum: ['Assigned', 'Unassigned', 'Any'] },
    AssumeRolePolicyDocument: { min: 1, max: 131072, pattern: POLICY_TEXT },
    AuthenticationCode1: { min: 6, max: 6, pattern: '[\\d]+' },
    AuthenticationCode2: { min: 6, max: 6, pattern: '[\\d]+' },
    CallerArn: { min: 1, max: 2048 },
    CertificateBody: { min: 1, max: 16384, pattern: POLICY_TEXT },
    CertificateChain: { min: 1, max: 2097152, pattern: POLICY_TEXT },
    CertificateId: { min: 24, max: 128, pattern: '[\\w]+' },
    ClientID: { min: 1, max: 255 },
    ClientIDList: { items: { min: 1, max: 255 } },
    ContextKeyName: { min: 5, max: 256 },
    ContextKeyType: {
      enum: [
        'string',
        'stringList',
        'numeric',
        'numericList',
        'boolean',
        'booleanList',
        'ip',
        'ipList',
        'binary',
        'binaryList',
        'date',
        'dateList',
      ],
    },
    CustomSuffix: { min: 1, max: 64, pattern: NAME },
    DeletionTaskId: { min: 1, max: 1000 },
    // roleDescriptionType; CreatePolicy's policyDescriptionType has no pattern (see operations).
    Description: { max: 1000, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*' },
    Encoding: { enum: ['SSH', 'PEM'] },
    EntityFilter: { enum: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] },
    EntityPath: { min: 19, max: 427, pattern: '^o-[0-9a-z]{10,32}\\/r-[0-9a-z]{4,32}[0-9a-z-\\/]*' },
    Filter: { items: { enum: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] } },
    GlobalEndpointTokenVersion: { enum: ['v1Token', 'v2Token'] },
    Granularity: { enum: ['SERVICE_LEVEL', 'ACTION_LEVEL'] },
    GroupName: { min: 1, max: 128, pattern: NAME },
    InstanceProfileName: { min: 1, max: 128, pattern: NAME },
    JobId: { min: 36, max: 36 },
    Key: TAG_KEY,
    Marker: { min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' },
    MaxItems: { min: 1, max: 1000 },
    MaxPasswordAge: { min: 1, max: 1095 },
    MaxSessionDuration: { min: 3600, max: 43200 },
    MinimumPasswordLength: { min: 6, max: 128 },
    // SAMLProviderNameType (CreateSAMLProvider).
    Name: { min: 1, max: 128, pattern: '[\\w._-]+' },
    NewGroupName: { min: 1, max: 128, pattern: NAME },
    NewPassword: { min: 1, max: 128, pattern: POLICY_TEXT },
    NewPath: { min: 1, max: 512 },
    NewServerCertificateName: { min: 1, max: 128, pattern: NAME },
    NewUserName: NEW_USER_NAME,
    OldPassword: { min: 1, max: 128, pattern: POLICY_TEXT },
    OpenIDConnectProviderArn: IAM_ARN,
    OrganizationsPolicyId: { pattern: '^p-[0-9a-zA-Z_]{8,128}$' },
    Password: { min: 1, max: 128, pattern: POLICY_TEXT },
    PasswordReusePrevention: { min: 1, max: 24 },
    Path: { min: 1, max: 512 },
    // pathPrefixType; the policy listings and ListEntitiesForPolicy differ (see operations).
    PathPrefix: { min: 1, max: 512, pattern: '\\u002F[\\u0021-\\u007F]*' },
    PermissionsBoundary: IAM_ARN,
    PermissionsBoundaryPolicyInputList: { items: { min: 1, max: 131072, pattern: POLICY_TEXT } },
    PolicyArn: IAM_ARN,
    PolicyDocument: { min: 1, max: 131072, pattern: POLICY_TEXT },
    PolicyInputList: { items: { min: 1, max: 131072, pattern: POLICY_TEXT } },
    PolicyName: { min: 1, max: 128, pattern: NAME },
    PolicySourceArn: IAM_ARN,
    PolicyUsageFilter: { enum: ['PermissionsPolicy', 'PermissionsBoundary'] },
    PrivateKey: { min: 1, max: 16384, pattern: POLICY_TEXT },
    ResourceArns: { items: { min: 1, max: 2048 } },
    ResourceHandlingOption: { min: 1, max: 64 },
    ResourceOwner: { min: 1, max: 2048 },
    ResourcePolicy: { min: 1, max: 131072, pattern: POLICY_TEXT },
    RoleName: { min: 1, max: 64, pattern: NAME },
    SAMLMetadataDocument: { min: 1000, max: 10000000 },
    SAMLProviderArn: IAM_ARN,
    SSHPublicKeyBody: { min: 1, max: 16384, pattern: POLICY_TEXT },
    SSHPublicKeyId: { min: 20, max: 128, pattern: '[\\w]+' },
    Scope: { enum: ['All', 'AWS', 'Local'] },
    SerialNumber: { min: 9, max: 256, pattern: '[\\w+=/:,.@-]+' },
    ServerCertificateName: { min: 1, max: 128, pattern: NAME },
    ServiceNamespace: { min: 1, max: 64, pattern: '[\\w-]*' },
    ServiceNamespaces: { min: 1, max: 200, items: { min: 1, max: 64, pattern: '[\\w-]*' } },
    ServiceSpecificCredentialId: { min: 20, max: 128, pattern: '[\\w]+' },
    SortKey: {
      enum: [
        'SERVICE_NAMESPACE_ASCENDING',
        'SERVICE_NAMESPACE_DESCENDING',
        'LAST_AUTHENTICATED_TIME_ASCENDING',
        'LAST_AUTHENTICATED_TIME_DESCENDING',
      ],
    },
    Status: { enum: ['Active', 'Inactive', 'Expired'] },
    TagKeys: TAG_KEYS,
    Tags: { max: 50 },
    ThumbprintList: { items: { min: 40, max: 40 } },
    Url: { min: 1, max: 255 },
    // existingUserNameType; where a user is created or a new resource names its user, 1..64 (see operations).
    UserName: { min: 1, max: 128, pattern: NAME },
    Value: TAG_VALUE,
    VersionId: { pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?' },
    VirtualMFADeviceName: { min: 1, pattern: NAME },
  },
  operations: byOperation([
    [
      [
        'AttachUserPolicy',
        'CreateLoginProfile',
        'CreateServiceSpecificCredential',
        'CreateUser',
        'DeleteLoginProfile',
        'DeleteSSHPublicKey',
        'DeleteServiceSpecificCredential',
        'DeleteUserPermissionsBoundary',
        'DetachUserPolicy',
        'GetLoginProfile',
        'GetMFADevice',
        'GetSSHPublicKey',
        'ListAttachedUserPolicies',
        'ListSSHPublicKeys',
        'ListServiceSpecificCredentials',
        'PutUserPermissionsBoundary',
        'ResetServiceSpecificCredential',
        'UpdateLoginProfile',
        'UpdateSSHPublicKey',
        'UpdateServiceSpecificCredential',
        'UploadSSHPublicKey',
      ],
      { UserName: NEW_USER_NAME },
    ],
    [
      ['ListAttachedGroupPolicies', 'ListAttachedRolePolicies', 'ListAttachedUserPolicies', 'ListPolicies'],
      { PathPrefix: POLICY_PATH_PREFIX },
    ],
    [
      ['ListEntitiesForPolicy'],
      { PathPrefix: { min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' } },
    ],
    [['CreatePolicy'], { Description: { max: 1000 } }],
  ]),
};

/** STS. */
const STS: ServiceConstraints = {
  echoValues: true,
  members: {
    AccessKeyId: { min: 16, max: 128, pattern: '[\\w]*' },
    ContextAssertion: { min: 4, max: 2048 },
    // roleDurationSecondsType (AssumeRole*); GetFederationToken and GetSessionToken allow 36 hours.
    DurationSeconds: { min: 900, max: 43200 },
    EncodedMessage: { min: 1, max: 10240 },
    ExternalId: { min: 2, max: 1224, pattern: '[\\w+=,.@:\\/-]*' },
    Key: TAG_KEY,
    // GetFederationToken's federated user name.
    Name: { min: 2, max: 32, pattern: '[\\w+=,.@-]*' },
    // sessionPolicyDocumentType; AssumeRole's unrestrictedSessionPolicyDocumentType has no maximum.
    Policy: { min: 1, max: 2048, pattern: POLICY_TEXT },
    PrincipalArn: STS_ARN,
    ProvidedContexts: { min: 1, max: 5 },
    ProviderArn: STS_ARN,
    ProviderId: { min: 4, max: 2048 },
    RoleArn: STS_ARN,
    RoleSessionName: { min: 2, max: 64, pattern: '[\\w+=,.@-]*' },
    SAMLAssertion: { min: 4, max: 100000 },
    SerialNumber: { min: 9, max: 256, pattern: '[\\w+=/:,.@-]*' },
    SourceIdentity: { min: 2, max: 64, pattern: '[\\w+=,.@-]*' },
    Tags: { max: 50 },
    TokenCode: { min: 6, max: 6, pattern: '[\\d]*' },
    TransitiveTagKeys: TAG_KEYS,
    Value: TAG_VALUE,
    WebIdentityToken: { min: 4, max: 20000 },
    arn: STS_ARN,
  },
  operations: byOperation([
    [['AssumeRole'], { Policy: { min: 1, pattern: POLICY_TEXT } }],
    [['GetFederationToken', 'GetSessionToken'], { DurationSeconds: { min: 900, max: 129600 } }],
  ]),
};

/** Builds the `operations` table from groups of operations that share overrides, merging where groups overlap. */
function byOperation(
  groups: readonly (readonly [readonly string[], Readonly<Record<string, Constraint>>])[],
): Record<string, Readonly<Record<string, Constraint>>> {
  const table: Record<string, Record<string, Constraint>> = {};
  for (const [operations, constraints] of groups) {
    for (const op of operations) table[op] = { ...table[op], ...constraints };
  }
  return table;
}

/** The constraint tables of each service. */
export const SERVICE_CONSTRAINTS: Readonly<Record<Service, ServiceConstraints>> = { iam: IAM, sts: STS };

/** The constraint on `member` in `operation`, if any. */
export function constraintFor(
  table: ServiceConstraints,
  operation: string,
  member: string,
): Constraint | undefined {
  const overrides = Object.hasOwn(table.operations, operation) ? table.operations[operation] : undefined;
  if (overrides && Object.hasOwn(overrides, member)) return overrides[member];
  return Object.hasOwn(table.members, member) ? table.members[member] : undefined;
}
