import { AwsError } from '../errors/aws-error.js';
import { javaHashMapOrder } from './java-hash-order.js';

/**
 * AWS's ValidationError: "N validation error(s) detected: " and one clause per violation, joined by "; ", e.g.
 * `1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null`.
 */

/** One failed constraint, at a member path in AWS's spelling (`tags.1.member.key`). */
export interface Violation {
  readonly path: string;
  /** The offending value; `undefined` for a missing member, which the message calls `null`. */
  readonly value: unknown;
  /** The constraint's sentence, e.g. "Member must have length less than or equal to 64". */
  readonly constraint: string;
}

/** The sentences AWS uses for each kind of constraint. */
export const CONSTRAINT_TEXT = {
  notNull: 'Member must not be null',
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  maxValue: (n: number) => `Member must have value less than or equal to ${n}`,
  minValue: (n: number) => `Member must have value greater than or equal to ${n}`,
  pattern: (p: string) => `Member must satisfy regular expression pattern: ${p}`,
  enum: 'Member must satisfy enum value set',
  items: (parts: readonly string[]) => `Member must satisfy constraint: [${parts.join(', ')}]`,
} as const;

/**
 * The ValidationError for a set of violations, listed in the order AWS lists them. `echoValues` says whether
 * non-null values are quoted (STS) or left out (IAM).
 */
export function validationError(violations: readonly Violation[], echoValues: boolean): AwsError {
  const ordered = javaHashMapOrder(violations, (v) => v.path);
  const clauses = ordered.map(
    (v) =>
      `Value ${valueText(v.value, echoValues)}at '${v.path}' failed to satisfy constraint: ${v.constraint}`,
  );
  const count = clauses.length;
  return new AwsError(
    'ValidationError',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${clauses.join('; ')}`,
  );
}

function valueText(value: unknown, echoValues: boolean): string {
  if (value === undefined || value === null) return 'null ';
  if (!echoValues) return '';
  const text = render(value);
  return text === undefined ? '' : `'${text}' `;
}

/** Java's toString of the value, where it is plain; structures are left out rather than guessed at. */
function render(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map(render);
    return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  return undefined;
}
