import type { CloudTrailRecord } from './record.js';

/** A resource an event names, as LookupEvents' ResourceType and ResourceName attributes query it. */
export interface EventResource {
  readonly type: string;
  readonly name: string;
}

/** requestParameters members (CloudTrail's casing) that name a resource, and the resource's type. */
const REQUEST_MEMBERS: readonly (readonly [string, string])[] = [
  ['userName', 'AWS::IAM::User'],
  ['groupName', 'AWS::IAM::Group'],
  ['roleName', 'AWS::IAM::Role'],
  ['roleArn', 'AWS::IAM::Role'],
  ['policyArn', 'AWS::IAM::Policy'],
  ['instanceProfileName', 'AWS::IAM::InstanceProfile'],
  ['accessKeyId', 'AWS::IAM::AccessKey'],
  ['serverCertificateName', 'AWS::IAM::ServerCertificate'],
  ['sAMLProviderArn', 'AWS::IAM::SAMLProvider'],
  ['openIDConnectProviderArn', 'AWS::IAM::OIDCProvider'],
  ['serialNumber', 'AWS::IAM::MFADevice'],
];

/** responseElements members that name a resource the call created. */
const RESPONSE_MEMBERS: readonly (readonly [string, string, string])[] = [
  ['accessKey', 'accessKeyId', 'AWS::IAM::AccessKey'],
  ['credentials', 'accessKeyId', 'AWS::IAM::AccessKey'],
  ['policy', 'arn', 'AWS::IAM::Policy'],
];

/**
 * The resources an event names, derived from its record alone (so `iamd audit verify` can recompute them): the
 * IAM entities its parameters name, and the keys and policies its response created.
 */
export function resourcesOf(record: CloudTrailRecord): EventResource[] {
  if (record.requestParameters === null && record.responseElements === null) return [];
  const out: EventResource[] = [];
  const seen = new Set<string>();
  const add = (type: string, name: unknown) => {
    if (typeof name !== 'string' || name === '' || seen.has(`${type}\n${name}`)) return;
    seen.add(`${type}\n${name}`);
    out.push({ type, name });
  };
  const request = record.requestParameters ?? {};
  for (const [member, type] of REQUEST_MEMBERS) add(type, request[member]);
  const response = record.responseElements ?? {};
  for (const [outer, member, type] of RESPONSE_MEMBERS) {
    const value = response[outer];
    if (typeof value === 'object' && value !== null) add(type, (value as Record<string, unknown>)[member]);
  }
  return out;
}
