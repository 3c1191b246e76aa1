import type { ContextInput } from '../../policy/index.js';
import { MemberConstraints } from './member-constraints.js';
import type { Tag } from './tags.js';

/** Tag keys: letters, spaces, digits and `_.:/=+-@` (IAM API reference, `Tag`). */
export const TAG_KEY_PATTERN = String.raw`[\p{L}\p{Z}\p{N}_.:/=+\-@]+`;
/** Tag values: as keys, and possibly empty. */
export const TAG_VALUE_PATTERN = String.raw`[\p{L}\p{Z}\p{N}_.:/=+\-@]*`;

const MAX_TAGS_PER_REQUEST = 50;

/**
 * Checks the `Tags` member of a request (CreateRole, TagRole, CreatePolicy, …): at most 50 tags, keys of 1–128
 * and values of 0–256 characters from AWS's tag alphabet. Throws AWS's `ValidationError`.
 */
export function checkTags(tags: readonly Tag[] | undefined): void {
  if (tags === undefined) return;
  const constraints = new MemberConstraints().count('tags', tags, MAX_TAGS_PER_REQUEST);
  tags.forEach((tag, i) => {
    const at = `tags.${i + 1}.member`;
    constraints
      .length(`${at}.key`, tag.Key, 1, 128)
      .pattern(`${at}.key`, tag.Key, TAG_KEY_PATTERN)
      .length(`${at}.value`, tag.Value, 0, 256)
      .pattern(`${at}.value`, tag.Value, TAG_VALUE_PATTERN);
  });
  constraints.throwIfAny();
}

/**
 * Checks the `TagKeys` member of an Untag request. AWS reports a bad key with every constraint of the member
 * at once (recorded in shared/aws-reference, test_iam_roles `untag-role-key-too-long`).
 */
export function checkTagKeys(keys: readonly string[]): void {
  const constraints = new MemberConstraints().count('tagKeys', keys, MAX_TAGS_PER_REQUEST);
  const keyPattern = new RegExp(`^(?:${TAG_KEY_PATTERN})$`, 'u');
  if (keys.some((key) => [...key].length > 128 || key.length === 0 || !keyPattern.test(key))) {
    constraints.fail(
      'tagKeys',
      `Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ${TAG_KEY_PATTERN}, Member must not be null]`,
    );
  }
  constraints.throwIfAny();
}

/** The request-tag condition keys AWS sets for a request that carries tags: `aws:RequestTag/…` and `aws:TagKeys`. */
export function requestTagContext(tags: readonly Tag[] | undefined): Record<string, ContextInput> {
  if (tags === undefined || tags.length === 0) return {};
  const context: Record<string, ContextInput> = { 'aws:TagKeys': tags.map((t) => t.Key) };
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  return context;
}

/**
 * The resource-tag condition keys of an existing resource: `aws:ResourceTag/…`, and for IAM identities also
 * `iam:ResourceTag/…` (Service Authorization Reference, IAM condition keys).
 */
export function resourceTagContext(tags: readonly Tag[], iamKeys = false): Record<string, ContextInput> {
  const context: Record<string, ContextInput> = {};
  for (const tag of tags) {
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value;
    if (iamKeys) context[`iam:ResourceTag/${tag.Key}`] = tag.Value;
  }
  return context;
}
