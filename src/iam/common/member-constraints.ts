import { AwsError } from '../../errors/aws-error.js';

/**
 * Input constraints from the IAM API reference (lengths, ranges, patterns), checked as AWS checks them and
 * reported in AWS's `ValidationError` form. The service models iamd ships are the minified ones, which carry no
 * constraints, so operations check their members here.
 *
 * IAM's messages name the member (lower camel case, as in the API's wire shape) but not the value:
 * `1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must …`
 * (recorded from AWS in shared/aws-reference, e.g. test_iam_roles tag errors).
 */
export class MemberConstraints {
  private readonly faults: string[] = [];

  /** A string's length must lie within `[min, max]`. */
  length(member: string, value: string | undefined, min: number, max: number): this {
    if (value === undefined) return this;
    const length = [...value].length;
    if (length < min) this.fail(member, `Member must have length greater than or equal to ${min}`);
    else if (length > max) this.fail(member, `Member must have length less than or equal to ${max}`);
    return this;
  }

  /**
   * A string must match a pattern in full. `source` is the pattern as AWS prints it (Java syntax, which for
   * these patterns is also valid JavaScript with the `u` flag).
   */
  pattern(member: string, value: string | undefined, source: string): this {
    if (value === undefined || value === '') return this;
    if (!compiled(source).test(value)) {
      this.fail(member, `Member must satisfy regular expression pattern: ${source}`);
    }
    return this;
  }

  /** A number must lie within `[min, max]`. */
  range(member: string, value: number | undefined, min: number, max: number): this {
    if (value === undefined) return this;
    if (value < min) this.fail(member, `Member must have value greater than or equal to ${min}`);
    else if (value > max) this.fail(member, `Member must have value less than or equal to ${max}`);
    return this;
  }

  /** A list may hold at most `max` members. */
  count(member: string, value: readonly unknown[] | undefined, max: number): this {
    if (value !== undefined && value.length > max) {
      this.fail(member, `Member must have length less than or equal to ${max}`);
    }
    return this;
  }

  /** A value must be one of an enumeration. */
  oneOf(member: string, value: string | undefined, allowed: readonly string[]): this {
    if (value !== undefined && !allowed.includes(value))
      this.fail(member, 'Member must satisfy enum value set');
    return this;
  }

  /** Records a fault with a constraint text of the caller's own. */
  fail(member: string, constraint: string): this {
    this.faults.push(`Value at '${member}' failed to satisfy constraint: ${constraint}`);
    return this;
  }

  /** Throws one `ValidationError` naming every fault found, as AWS does. */
  throwIfAny(): void {
    if (this.faults.length === 0) return;
    const n = this.faults.length;
    throw new AwsError(
      'ValidationError',
      `${n} validation error${n === 1 ? '' : 's'} detected: ${this.faults.join('; ')}`,
    );
  }
}

const PATTERNS = new Map<string, RegExp>();

function compiled(source: string): RegExp {
  let regex = PATTERNS.get(source);
  if (regex === undefined) PATTERNS.set(source, (regex = new RegExp(`^(?:${source})$`, 'u')));
  return regex;
}

/** IAM entity names (users, roles, policies, instance profiles). */
export const NAME_PATTERN = String.raw`[\w+=,.@-]+`;

/** Entity paths: `/` or `/…/` of printable ASCII. */
export const PATH_PATTERN = String.raw`(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`;

/** Path prefixes of list operations. */
export const PATH_PREFIX_PATTERN = String.raw`\u002F[\u0021-\u007F]*`;

/** Policy version ids: `v1`, `v2`, … */
export const VERSION_ID_PATTERN = String.raw`v[1-9][0-9]*(\.[A-Za-z0-9-]*)?`;

/** Descriptions of roles and policies. */
export const DESCRIPTION_PATTERN = String.raw`[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*`;

/** Checks an entity name (1–`max` characters of `[\w+=,.@-]`) under the member name AWS reports. */
export function checkName(member: string, value: string, max: number): MemberConstraints {
  return new MemberConstraints().length(member, value, 1, max).pattern(member, value, NAME_PATTERN);
}

/** Checks an optional path (1–512 characters, `/` or `/…/`). */
export function checkPath(constraints: MemberConstraints, value: string | undefined): MemberConstraints {
  return constraints.length('path', value, 1, 512).pattern('path', value, PATH_PATTERN);
}

/** Checks an optional path prefix of a list operation. */
export function checkPathPrefix(value: string | undefined): void {
  new MemberConstraints()
    .length('pathPrefix', value, 1, 512)
    .pattern('pathPrefix', value, PATH_PREFIX_PATTERN)
    .throwIfAny();
}

/** Checks a policy version id (`v1`, `v2`, …). */
export function checkVersionId(value: string): void {
  new MemberConstraints().pattern('versionId', value, VERSION_ID_PATTERN).throwIfAny();
}
