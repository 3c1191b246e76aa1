import { AwsError } from '../errors/aws-error.js';
import type { RawShape, ServiceModel, StructureShape } from './model.js';

/**
 * Decodes a JSON-protocol request body into an operation's input, driven by the model: members keep their model
 * names, timestamps (epoch seconds, or ISO 8601 text) become Dates, blobs (base64) become bytes. Members the model
 * does not know are ignored, and null stands for absent, as AWS's JSON services read requests. A body that is not
 * JSON, or a value of the wrong JSON type, is AWS's SerializationException; a missing required member is one
 * ValidationException naming it. Never anything else: the fuzz test holds it to that.
 */
export function decodeJsonInput(
  model: ServiceModel,
  input: StructureShape | undefined,
  body: string,
): Record<string, unknown> {
  let parsed: unknown;
  if (body.trim() === '') parsed = {};
  else {
    try {
      parsed = JSON.parse(body);
    } catch {
      throw serialization('The request body is not valid JSON.');
    }
  }
  if (input === undefined) {
    if (!isObject(parsed)) throw serialization('Expected a JSON object as the request body.');
    return {};
  }
  const violations: string[] = [];
  const value = new JsonReader(model, violations).structure(input, parsed, '');
  if (violations.length > 0) {
    const count = `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected: `;
    throw new AwsError('ValidationException', count + violations.join('; '));
  }
  return value;
}

function serialization(message: string): AwsError {
  return new AwsError('SerializationException', message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The path of a member as AWS's validation messages write it: `lookupAttributes.1.member.attributeKey`. */
function pathOf(parent: string, name: string): string {
  const camel = name.charAt(0).toLowerCase() + name.slice(1);
  return parent === '' ? camel : `${parent}.${camel}`;
}

class JsonReader {
  constructor(
    private readonly model: ServiceModel,
    private readonly violations: string[],
  ) {}

  structure(shape: StructureShape, value: unknown, path: string): Record<string, unknown> {
    if (!isObject(value)) throw serialization(`Expected an object at '${path || 'body'}'.`);
    const out: Record<string, unknown> = {};
    for (const member of shape.members) {
      const raw = Object.hasOwn(value, member.wireName) ? value[member.wireName] : undefined;
      const memberPath = pathOf(path, member.name);
      if (raw === undefined || raw === null) {
        if (shape.required.has(member.name)) {
          this.violations.push(
            `Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`,
          );
        }
        continue;
      }
      out[member.name] = this.value(member.ref, raw, memberPath);
    }
    return out;
  }

  value(ref: RawShape, value: unknown, path: string): unknown {
    const shape = this.model.resolve(ref);
    switch (shape.kind) {
      case 'structure':
        return this.structure(shape, value, path);
      case 'list': {
        if (!Array.isArray(value)) throw serialization(`Expected a list at '${path}'.`);
        return value
          .filter((item) => item !== null)
          .map((item: unknown, i) => this.value(shape.member, item, `${path}.${i + 1}.member`));
      }
      case 'map': {
        if (!isObject(value)) throw serialization(`Expected a map at '${path}'.`);
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(value)) {
          if (item !== null) out[key] = this.value(shape.value, item, `${path}.${key}`);
        }
        return out;
      }
      case 'string':
        if (typeof value !== 'string') throw serialization(`Expected a string at '${path}'.`);
        return value;
      case 'boolean':
        if (typeof value !== 'boolean') throw serialization(`Expected a boolean at '${path}'.`);
        return value;
      case 'integer':
      case 'long':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
          throw serialization(`Expected an integer at '${path}'.`);
        }
        if (shape.kind === 'integer' && (value > 2 ** 31 - 1 || value < -(2 ** 31))) {
          throw serialization(`The integer at '${path}' is out of range.`);
        }
        return value;
      case 'float':
      case 'double':
        if (typeof value !== 'number') throw serialization(`Expected a number at '${path}'.`);
        return value;
      case 'timestamp':
        return timestamp(value, path);
      case 'blob':
        if (typeof value !== 'string') throw serialization(`Expected base64 text at '${path}'.`);
        return Uint8Array.from(Buffer.from(value, 'base64'));
    }
  }
}

/** JSON-protocol timestamps are epoch seconds (fractions allowed); ISO 8601 text is accepted as well. */
function timestamp(value: unknown, path: string): Date {
  const ms =
    typeof value === 'number'
      ? value * 1000
      : typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)
        ? Date.parse(value)
        : Number.NaN;
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) {
    throw serialization(`Expected a timestamp at '${path}'.`);
  }
  return date;
}
