import type { OperationContext } from '../../operation/context.js';
import { MemberConstraints } from '../common/member-constraints.js';
import type { SamlMetadata } from './saml-metadata.js';

/** An account has at most 100 SAML providers ("IAM and AWS STS quotas"). */
export const SAML_PROVIDERS_QUOTA = 100;

/** SAMLProviderNameType (IAM API reference, CreateSAMLProvider). */
const PROVIDER_NAME_PATTERN = String.raw`[\w._-]+`;

/** Checks CreateSAMLProvider's `Name`: 1–128 characters of `[\w._-]`. */
export function checkProviderName(constraints: MemberConstraints, name: string): MemberConstraints {
  return constraints.length('name', name, 1, 128).pattern('name', name, PROVIDER_NAME_PATTERN);
}

/** Checks a `SAMLProviderArn` member (arnType: 20–2048 characters). */
export function checkSamlProviderArn(
  arn: string,
  constraints: MemberConstraints = new MemberConstraints(),
): MemberConstraints {
  return constraints.length('sAMLProviderArn', arn, 20, 2048);
}

/** Checks a `SAMLMetadataDocument` member: 1000 to 10,000,000 characters (SAMLMetadataDocumentType). */
export function checkMetadataLength(constraints: MemberConstraints, document: string): MemberConstraints {
  return constraints.length('sAMLMetadataDocument', document, 1000, 10_000_000);
}

/** `arn:aws:iam::ACCOUNT:saml-provider/NAME`. */
export function samlProviderArn(
  ctx: Pick<OperationContext, 'partition' | 'accountId'>,
  name: string,
): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:saml-provider/${name}`;
}

/**
 * When a new provider stops being valid: the metadata's `validUntil`, or else a century after its creation,
 * the date AWS reports for metadata that sets none (not in a recording: see the report).
 */
export function validUntil(metadata: SamlMetadata, now: Date): Date {
  if (metadata.validUntil !== undefined) return metadata.validUntil;
  const later = new Date(now);
  later.setUTCFullYear(later.getUTCFullYear() + 100);
  return later;
}
