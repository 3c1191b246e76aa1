import type { RawShape, ServiceModel, StructureShape } from './model.js';

/**
 * Encodes an operation's output as a JSON-protocol response body, driven by the model: members in model order
 * under their wire names, absent members left out, timestamps as epoch seconds (with milliseconds as a fraction),
 * blobs as base64. Values the model does not describe are not written.
 */
export function encodeJsonOutput(
  model: ServiceModel,
  output: StructureShape | undefined,
  value: unknown,
): string {
  if (output === undefined) return '{}';
  return JSON.stringify(new JsonWriter(model).structure(output, value));
}

class JsonWriter {
  constructor(private readonly model: ServiceModel) {}

  structure(shape: StructureShape, value: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (typeof value !== 'object' || value === null) return out;
    const record = value as Record<string, unknown>;
    for (const member of shape.members) {
      const item = record[member.name];
      if (item === undefined || item === null) continue;
      out[member.wireName] = this.value(member.ref, item);
    }
    return out;
  }

  value(ref: RawShape, value: unknown): unknown {
    const shape = this.model.resolve(ref);
    switch (shape.kind) {
      case 'structure':
        return this.structure(shape, value);
      case 'list':
        return Array.isArray(value) ? value.map((item: unknown) => this.value(shape.member, item)) : [];
      case 'map': {
        const out: Record<string, unknown> = {};
        if (typeof value === 'object' && value !== null) {
          for (const [key, item] of Object.entries(value)) out[key] = this.value(shape.value, item);
        }
        return out;
      }
      case 'timestamp': {
        const date = value instanceof Date ? value : new Date(String(value));
        return date.getTime() / 1000;
      }
      case 'blob':
        return Buffer.from(value as Uint8Array).toString('base64');
      default:
        return value;
    }
  }
}
