import type { Service } from './model.js';

/**
 * IAM returns policy documents URL-encoded: "The policy document returned in this structure is URL-encoded
 * compliant with RFC 3986" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html, and
 * likewise API_Role.html, API_PolicyVersion.html, API_GetAccountAuthorizationDetails.html). AWS's SDKs hand the
 * encoded text to the caller (botocore alone decodes it). Operations return documents as plain JSON text; the
 * encoder percent-encodes these output members, wherever they occur, in one place.
 */
export const URL_ENCODED_OUTPUT_MEMBERS: Readonly<Record<Service, ReadonlySet<string>>> = {
  iam: new Set(['AssumeRolePolicyDocument', 'PolicyDocument', 'Document']),
  sts: new Set(),
};

/**
 * Percent-encodes (UTF-8) every character outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`). A lone
 * surrogate, which has no UTF-8 form, becomes U+FFFD.
 */
export function rfc3986Encode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
