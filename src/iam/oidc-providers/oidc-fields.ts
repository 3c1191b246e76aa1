import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import { MemberConstraints } from '../common/member-constraints.js';

/** A provider has at most 5 thumbprints (IAM API reference, CreateOpenIDConnectProvider). */
export const MAX_THUMBPRINTS = 5;
/** A provider has at most 100 client ids ("IAM and AWS STS quotas"). */
export const MAX_CLIENT_IDS = 100;
/** An account has at most 100 OIDC providers ("IAM and AWS STS quotas"). */
export const OIDC_PROVIDERS_QUOTA = 100;

const SCHEME = 'https://';

// AWS reports a bad list item at the list, naming every constraint of an item (recorded: test_iam_oidc
// multiple-validation-errors).
const CLIENT_ID_ITEM =
  'Member must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 1]';
const THUMBPRINT_ITEM =
  'Member must satisfy constraint: [Member must have length less than or equal to 40, Member must have length greater than or equal to 40]';

/** Checks a list of client ids (audiences): each 1–255 characters. */
export function checkClientIds(
  constraints: MemberConstraints,
  member: string,
  ids: readonly string[] | undefined,
): MemberConstraints {
  if (ids?.some((id) => id.length < 1 || id.length > 255)) constraints.fail(member, CLIENT_ID_ITEM);
  return constraints;
}

/** Checks a list of thumbprints: each exactly 40 characters (a SHA-1 in hex). */
export function checkThumbprints(
  constraints: MemberConstraints,
  list: readonly string[] | undefined,
): MemberConstraints {
  if (list?.some((t) => t.length !== 40)) constraints.fail('thumbprintList', THUMBPRINT_ITEM);
  return constraints;
}

/** Checks the `OpenIDConnectProviderArn` member (arnType: 20–2048 characters). */
export function checkProviderArn(
  arn: string,
  constraints: MemberConstraints = new MemberConstraints(),
): MemberConstraints {
  return constraints.length('openIDConnectProviderArn', arn, 20, 2048);
}

/** AWS refuses more than 5 thumbprints with InvalidInput and this wording (recorded: too-many-thumbprints). */
export function checkThumbprintCount(list: readonly string[] | undefined): void {
  if (list !== undefined && list.length > MAX_THUMBPRINTS) {
    throw new AwsError('InvalidInput', `Thumbprint list must contain fewer than ${MAX_THUMBPRINTS} entries.`);
  }
}

/** The LimitExceeded AWS gives past 100 client ids (recorded: quota-error). */
export function clientIdQuotaExceeded(): AwsError {
  return new AwsError(
    'LimitExceeded',
    `Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${MAX_CLIENT_IDS}`,
  );
}

/**
 * Checks a provider URL: `https://` and a host, optionally a path; no credentials, query or fragment (an OIDC
 * issuer identifier has none). AWS's answer otherwise is recorded (invalid-url).
 */
export function checkProviderUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = url.startsWith(SCHEME) ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (
    parsed === undefined ||
    parsed.hostname === '' ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    url.includes('?') ||
    url.includes('#')
  ) {
    throw new AwsError('ValidationError', 'Invalid Open ID Connect Provider URL');
  }
}

/**
 * What names a provider: its URL without the scheme (`server.example.com/path`). GetOpenIDConnectProvider
 * returns it as the `Url`, and the ARN ends with it.
 */
export function providerLocation(url: string): string {
  return url.startsWith(SCHEME) ? url.slice(SCHEME.length) : url;
}

/** `arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH`. */
export function oidcProviderArn(ctx: Pick<OperationContext, 'partition' | 'accountId'>, url: string): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:oidc-provider/${providerLocation(url)}`;
}

/** Client ids without repeats, in the order first given (adding an existing id changes nothing). */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
