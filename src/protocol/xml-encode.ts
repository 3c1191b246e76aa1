import type { RawShape, ServiceModel, StructureShape } from './model.js';
import { rfc3986Encode } from './url-encoded-documents.js';
import { isoSeconds } from './iso-time.js';
import { xmlText } from './xml-text.js';

/**
 * Encodes an operation's output object as AWS's Query protocol answers:
 * `<XResponse xmlns="…"><XResult>…</XResult><ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></XResponse>`,
 * members in model order, lists as `<member>` items, maps as `<entry><key/><value/></entry>`, timestamps in
 * ISO 8601 (seconds), booleans in lower case. Members absent (or null) in the output object are left out.
 * The output comes from iamd's own operations, so a value of the wrong type is a bug and throws a plain Error.
 */
export class XmlEncoder {
  readonly #model: ServiceModel;
  readonly #urlEncoded: ReadonlySet<string>;

  constructor(model: ServiceModel, urlEncodedMembers: ReadonlySet<string>) {
    this.#model = model;
    this.#urlEncoded = urlEncodedMembers;
  }

  /** The response document for `operation`'s `output`. */
  encodeResult(operation: string, output: unknown, requestId: string): string {
    const op = this.#model.operation(operation);
    if (!op) throw new Error(`unknown operation ${operation}`);
    const ns = xmlText(this.#model.xmlNamespace);
    let result = '';
    if (op.output) {
      const wrapper = op.resultWrapper ?? `${operation}Result`;
      result = element(wrapper, this.#structure(op.output, output ?? {}, operation));
    }
    return (
      `<${operation}Response xmlns="${ns}">${result}` +
      `<ResponseMetadata><RequestId>${xmlText(requestId)}</RequestId></ResponseMetadata>` +
      `</${operation}Response>`
    );
  }

  #structure(shape: StructureShape, value: unknown, path: string): string {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${path}: expected an object`);
    }
    const record = value as Record<string, unknown>;
    let out = '';
    for (const member of shape.members) {
      const v = Object.hasOwn(record, member.name) ? record[member.name] : undefined;
      if (v === undefined || v === null) continue;
      out += this.#element(
        member.wireName,
        member.ref,
        v,
        `${path}.${member.name}`,
        this.#urlEncoded.has(member.name),
      );
    }
    return out;
  }

  #element(name: string, ref: RawShape, value: unknown, path: string, urlEncode = false): string {
    const shape = this.#model.resolve(ref);
    switch (shape.kind) {
      case 'structure':
        return element(name, this.#structure(shape, value, path));
      case 'list': {
        if (!Array.isArray(value)) throw new Error(`${path}: expected an array`);
        const items = value.filter((item) => item !== undefined && item !== null);
        const itemName = shape.flattened ? (shape.member.locationName ?? name) : shape.memberName;
        const encoded = items.map((item, i) =>
          this.#element(itemName, shape.member, item, `${path}[${i}]`, urlEncode),
        );
        return shape.flattened ? encoded.join('') : element(name, encoded.join(''));
      }
      case 'map': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new Error(`${path}: expected an object`);
        }
        const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
        const encoded = entries.map(
          ([k, v]) =>
            this.#element(shape.keyName, shape.key, k, `${path}{key}`) +
            this.#element(shape.valueName, shape.value, v, `${path}[${k}]`),
        );
        return shape.flattened
          ? encoded.map((content) => element(name, content)).join('')
          : element(name, encoded.map((content) => element('entry', content)).join(''));
      }
      default:
        return element(name, xmlText(scalarText(shape.kind, value, path, urlEncode)));
    }
  }
}

function element(name: string, content: string): string {
  return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

function scalarText(kind: string, value: unknown, path: string, urlEncode: boolean): string {
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') break;
      return urlEncode ? rfc3986Encode(value) : value;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) break;
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') break;
      return value ? 'true' : 'false';
    case 'timestamp': {
      const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
      if (!date || Number.isNaN(date.getTime())) break;
      return isoSeconds(date);
    }
    case 'blob':
      if (!(value instanceof Uint8Array)) break;
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  throw new Error(`${path}: expected a ${kind}, got ${typeof value}`);
}
