import type { Constraint, ServiceConstraints } from './constraints.js';
import { constraintFor } from './constraints.js';
import { CONSTRAINT_TEXT, type Violation } from './validation-error.js';

/**
 * Checks decoded values against a service's constraint table. Patterns are compiled once, when the checker is
 * built, as whole-value matches (Java's `String.matches`).
 */
export class ConstraintChecker {
  readonly echoValues: boolean;
  readonly #table: ServiceConstraints;
  readonly #patterns = new Map<string, RegExp>();

  constructor(table: ServiceConstraints) {
    this.#table = table;
    this.echoValues = table.echoValues;
    const all = [...Object.values(table.members), ...Object.values(table.operations).flatMap(Object.values)];
    for (const constraint of all) {
      for (const c of [constraint, constraint.items]) {
        if (c?.pattern !== undefined && !this.#patterns.has(c.pattern)) {
          // The `u` flag gives \p{L} and friends; without `i`, \w and \d stay ASCII, as in Java.
          this.#patterns.set(c.pattern, new RegExp(`^(?:${c.pattern})$`, 'u'));
        }
      }
    }
  }

  /** The constraint on `member` of `operation`, if the table has one. */
  constraintFor(operation: string, member: string): Constraint | undefined {
    return constraintFor(this.#table, operation, member);
  }

  /** Violations of a string member. */
  checkString(c: Constraint, value: string, path: string): Violation[] {
    return this.#stringFailures(c, value).map((constraint) => ({ path, value, constraint }));
  }

  /** Violations of a numeric member: `min` and `max` bound its value. */
  checkNumber(c: Constraint, value: number, path: string): Violation[] {
    const out: Violation[] = [];
    if (c.max !== undefined && value > c.max)
      out.push({ path, value, constraint: CONSTRAINT_TEXT.maxValue(c.max) });
    if (c.min !== undefined && value < c.min)
      out.push({ path, value, constraint: CONSTRAINT_TEXT.minValue(c.min) });
    return out;
  }

  /**
   * Violations of a list member: its length, then its items. A failing string item is reported once, at the
   * list, with every constraint of the item spelled out, as AWS does.
   */
  checkList(c: Constraint, value: readonly unknown[], path: string): Violation[] {
    const out = this.#lengthFailures(c, value.length).map((constraint) => ({ path, value, constraint }));
    const items = c.items;
    if (
      items &&
      value.some((item) => typeof item === 'string' && this.#stringFailures(items, item).length > 0)
    ) {
      out.push({ path, value, constraint: CONSTRAINT_TEXT.items(describe(items)) });
    }
    return out;
  }

  #stringFailures(c: Constraint, value: string): string[] {
    const out = this.#lengthFailures(c, value.length);
    if (c.pattern !== undefined && !this.#patterns.get(c.pattern)!.test(value)) {
      out.push(CONSTRAINT_TEXT.pattern(c.pattern));
    }
    if (c.enum !== undefined && !c.enum.includes(value)) out.push(CONSTRAINT_TEXT.enum);
    return out;
  }

  #lengthFailures(c: Constraint, length: number): string[] {
    const out: string[] = [];
    // Java's String.length(), like JavaScript's, counts UTF-16 code units.
    if (c.max !== undefined && length > c.max) out.push(CONSTRAINT_TEXT.maxLength(c.max));
    if (c.min !== undefined && length < c.min) out.push(CONSTRAINT_TEXT.minLength(c.min));
    return out;
  }
}

/** Every constraint of a list item, in the order AWS lists them: max, min, pattern, enum, not null. */
function describe(c: Constraint): string[] {
  const parts: string[] = [];
  if (c.max !== undefined) parts.push(CONSTRAINT_TEXT.maxLength(c.max));
  if (c.min !== undefined) parts.push(CONSTRAINT_TEXT.minLength(c.min));
  if (c.pattern !== undefined) parts.push(CONSTRAINT_TEXT.pattern(c.pattern));
  if (c.enum !== undefined) parts.push(CONSTRAINT_TEXT.enum);
  if (c.notNull) parts.push(CONSTRAINT_TEXT.notNull);
  return parts;
}
