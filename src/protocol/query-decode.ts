import { AwsError } from '../errors/aws-error.js';
import type { ConstraintChecker } from './constraint-check.js';
import { type FormNode, numberedChildren, parseForm } from './form.js';
import type { RawShape, ServiceModel, StructureShape } from './model.js';
import { parseScalar } from './scalar-parse.js';
import { CONSTRAINT_TEXT, validationError, type Violation } from './validation-error.js';

/**
 * Decodes AWS Query requests (`Action=CreateUser&Version=2010-05-08&UserName=alice&Tags.member.1.Key=k…`) into
 * the operation's input object, keyed by model member names, guided by the service model alone.
 * Unknown parameters are ignored, as AWS ignores them. Every constraint violation in the request is collected
 * and thrown as one ValidationError.
 */

/** A decoded request: the operation named by `Action`, and its input. */
export interface DecodedQuery {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** Marks a parameter whose text could not be read as its type; the violation is already recorded. */
const INVALID = Symbol('invalid');

interface Pass {
  readonly operation: string;
  readonly violations: Violation[];
}

/** One service's decoder. */
export class QueryDecoder {
  readonly #model: ServiceModel;
  readonly #checker: ConstraintChecker;

  constructor(model: ServiceModel, checker: ConstraintChecker) {
    this.#model = model;
    this.#checker = checker;
  }

  /** Decodes a form body (or parsed parameters). Throws AwsError: MissingAction, InvalidAction, ValidationError. */
  decode(body: string | URLSearchParams): DecodedQuery {
    const root = parseForm(body);
    const action = root.children.get('Action')?.value;
    if (!action) throw new AwsError('MissingAction', 'Missing Action');
    const version = root.children.get('Version')?.value;
    const op = version === this.#model.apiVersion ? this.#model.operation(action) : undefined;
    if (!op) {
      throw new AwsError(
        'InvalidAction',
        `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
      );
    }
    const pass: Pass = { operation: op.name, violations: [] };
    const input = op.input ? this.#structure(op.input, root, undefined, pass) : {};
    if (pass.violations.length > 0) throw validationError(pass.violations, this.#checker.echoValues);
    return { operation: op.name, input };
  }

  #structure(
    shape: StructureShape,
    node: FormNode,
    prefix: string | undefined,
    pass: Pass,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const member of shape.members) {
      const path = prefix === undefined ? lowerFirst(member.name) : `${prefix}.${lowerFirst(member.name)}`;
      const child = node.children.get(member.wireName);
      const value = child ? this.#value(member.ref, child, path, pass) : undefined;
      if (value === INVALID) continue;
      if (value === undefined) {
        if (shape.required.has(member.name)) {
          pass.violations.push({ path, value: undefined, constraint: CONSTRAINT_TEXT.notNull });
        }
        continue;
      }
      out[member.name] = value;
      this.#check(member.name, value, path, pass);
    }
    return out;
  }

  /** The value of one parameter node: a value, `undefined` when absent, or INVALID. */
  #value(ref: RawShape, node: FormNode, path: string, pass: Pass): unknown {
    const shape = this.#model.resolve(ref);
    switch (shape.kind) {
      case 'structure':
        return this.#structure(shape, node, path, pass);
      case 'list': {
        const holder = shape.flattened ? node : node.children.get(shape.memberName);
        const items = holder ? numberedChildren(holder) : [];
        // An empty list is sent as the bare name (`Tags=`); a name with no items at all is absent.
        if (items.length === 0) return node.value !== undefined ? [] : undefined;
        const out: unknown[] = [];
        for (const item of items) {
          const value = this.#value(shape.member, item, `${path}.${out.length + 1}.member`, pass);
          if (value !== undefined && value !== INVALID) out.push(value);
        }
        return out;
      }
      case 'map': {
        const holder = shape.flattened ? node : node.children.get('entry');
        const entries = holder ? numberedChildren(holder) : [];
        if (entries.length === 0) return node.value !== undefined ? {} : undefined;
        const pairs: [string, unknown][] = [];
        for (const entry of entries) {
          const keyNode = entry.children.get(shape.keyName);
          const valueNode = entry.children.get(shape.valueName);
          const entryPath = `${path}.entry.${pairs.length + 1}`;
          const key = keyNode ? this.#value(shape.key, keyNode, `${entryPath}.key`, pass) : undefined;
          const value = valueNode
            ? this.#value(shape.value, valueNode, `${entryPath}.value`, pass)
            : undefined;
          if (typeof key === 'string' && value !== undefined && value !== INVALID) pairs.push([key, value]);
        }
        // Object.fromEntries defines own properties, so a key such as `__proto__` stays an ordinary key.
        return Object.fromEntries(pairs);
      }
      default: {
        if (node.value === undefined) return undefined;
        const parsed = parseScalar(shape.kind, node.value);
        if (parsed.ok) return parsed.value;
        pass.violations.push({ path, value: node.value, constraint: parsed.constraint });
        return INVALID;
      }
    }
  }

  #check(member: string, value: unknown, path: string, pass: Pass): void {
    const c = this.#checker.constraintFor(pass.operation, member);
    if (!c) return;
    if (typeof value === 'string') pass.violations.push(...this.#checker.checkString(c, value, path));
    else if (typeof value === 'number') pass.violations.push(...this.#checker.checkNumber(c, value, path));
    else if (Array.isArray(value)) pass.violations.push(...this.#checker.checkList(c, value, path));
  }
}

/** AWS names members in messages by their Java field names: the model name with a lower-case first letter. */
function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
