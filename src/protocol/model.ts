import iamJson from './models/iam.json' with { type: 'json' };
import stsJson from './models/sts.json' with { type: 'json' };

/**
 * Typed access to an AWS service model in aws-sdk v2's "min" JSON format (src/protocol/models/*.json). The codec
 * reads shapes only through this module, so one decoder and one encoder serve every operation.
 */

/** The Query services iamd speaks. */
export type Service = 'iam' | 'sts';

/** A shape reference as the JSON holds it: either `{ shape: "Sx" }` plus overrides, or an inline shape. */
export interface RawShape {
  readonly shape?: string;
  readonly type?: string;
  readonly members?: Readonly<Record<string, RawShape>>;
  readonly member?: RawShape;
  readonly key?: RawShape;
  readonly value?: RawShape;
  readonly required?: readonly string[];
  readonly flattened?: boolean;
  readonly locationName?: string;
  readonly resultWrapper?: string;
}

/** A whole model file: metadata, operations and named shapes. */
export interface RawModel {
  readonly metadata: {
    readonly apiVersion: string;
    readonly xmlNamespace?: string;
    readonly endpointPrefix?: string;
    readonly protocol?: string;
  };
  readonly operations: Readonly<Record<string, { readonly input?: RawShape; readonly output?: RawShape }>>;
  readonly shapes: Readonly<Record<string, RawShape>>;
}

/** The scalar types of the model; the min format leaves `type` out for strings. */
export type ScalarType =
  'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';

/** A member of a structure: its model name, the name it has on the wire, and its (unresolved) shape. */
export interface Member {
  readonly name: string;
  /** The parameter / element name: `locationName` when the model sets one, else the member name. */
  readonly wireName: string;
  readonly ref: RawShape;
}

/** A resolved shape. Nested shapes stay references; `ServiceModel.resolve` follows them on demand. */
export type Shape =
  | {
      readonly kind: 'structure';
      readonly members: readonly Member[];
      readonly required: ReadonlySet<string>;
    }
  | {
      readonly kind: 'list';
      readonly member: RawShape;
      readonly memberName: string;
      readonly flattened: boolean;
    }
  | {
      readonly kind: 'map';
      readonly key: RawShape;
      readonly value: RawShape;
      readonly keyName: string;
      readonly valueName: string;
      readonly flattened: boolean;
    }
  | { readonly kind: ScalarType };

/** A structure shape. */
export type StructureShape = Extract<Shape, { kind: 'structure' }>;

/** One operation: its input and output structures (absent when the operation takes or returns nothing). */
export interface OperationModel {
  readonly name: string;
  readonly input?: StructureShape;
  readonly output?: StructureShape;
  /** The `<XResult>` element that wraps the output, e.g. `CreateUserResult`. */
  readonly resultWrapper?: string;
}

const SCALARS: ReadonlySet<string> = new Set([
  'string',
  'integer',
  'long',
  'float',
  'double',
  'boolean',
  'timestamp',
  'blob',
]);

/** One service's model, with shape references resolved on demand. Its answers never change. */
export class ServiceModel {
  readonly apiVersion: string;
  readonly xmlNamespace: string;
  readonly #raw: RawModel;
  // Memo of resolved references: the encoder resolves the same member refs once per list item otherwise.
  readonly #resolved = new WeakMap<RawShape, Shape>();

  constructor(raw: RawModel) {
    this.#raw = raw;
    this.apiVersion = raw.metadata.apiVersion;
    this.xmlNamespace = raw.metadata.xmlNamespace ?? '';
  }

  /** The operation called `name` (case-sensitive, as AWS routes `Action`), or undefined. */
  operation(name: string): OperationModel | undefined {
    if (!Object.hasOwn(this.#raw.operations, name)) return undefined;
    const op = this.#raw.operations[name]!;
    const input = op.input ? this.#structure(op.input) : undefined;
    const output = op.output ? this.#structure(op.output) : undefined;
    return {
      name,
      ...(input ? { input } : {}),
      ...(output ? { output } : {}),
      ...(op.output?.resultWrapper ? { resultWrapper: op.output.resultWrapper } : {}),
    };
  }

  /** Every operation name, in model order. */
  operationNames(): string[] {
    return Object.keys(this.#raw.operations);
  }

  /** Follows a shape reference: the named shape, overlaid with the reference's own traits. */
  resolve(ref: RawShape): Shape {
    let shape = this.#resolved.get(ref);
    if (!shape) {
      shape = this.#resolveUncached(ref);
      this.#resolved.set(ref, shape);
    }
    return shape;
  }

  #resolveUncached(ref: RawShape): Shape {
    const raw: RawShape = ref.shape ? { ...this.#named(ref.shape), ...withoutShape(ref) } : ref;
    const type = raw.type ?? 'string';
    switch (type) {
      case 'structure': {
        const members = Object.entries(raw.members ?? {}).map(([name, member]) => ({
          name,
          wireName: member.locationName ?? name,
          ref: member,
        }));
        return { kind: 'structure', members, required: new Set(raw.required ?? []) };
      }
      case 'list': {
        const member = raw.member ?? {};
        return {
          kind: 'list',
          member,
          memberName: member.locationName ?? 'member',
          flattened: raw.flattened === true,
        };
      }
      case 'map': {
        const key = raw.key ?? {};
        const value = raw.value ?? {};
        return {
          kind: 'map',
          key,
          value,
          keyName: key.locationName ?? 'key',
          valueName: value.locationName ?? 'value',
          flattened: raw.flattened === true,
        };
      }
      default:
        if (!SCALARS.has(type)) throw new Error(`unknown shape type ${type}`);
        return { kind: type as ScalarType };
    }
  }

  #named(name: string): RawShape {
    const shape = Object.hasOwn(this.#raw.shapes, name) ? this.#raw.shapes[name] : undefined;
    if (!shape) throw new Error(`the model has no shape ${name}`);
    return shape;
  }

  #structure(ref: RawShape): StructureShape {
    const shape = this.resolve(ref);
    if (shape.kind !== 'structure') throw new Error('operation input and output must be structures');
    return shape;
  }
}

function withoutShape(ref: RawShape): RawShape {
  const { shape: _ignored, ...rest } = ref;
  return rest;
}

/** The IAM and STS models, as generated by scripts/generate-models.mjs. */
export const SERVICE_MODELS: Readonly<Record<Service, ServiceModel>> = {
  iam: new ServiceModel(iamJson as RawModel),
  sts: new ServiceModel(stsJson as RawModel),
};
