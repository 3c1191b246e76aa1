import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import { decodeQuery } from './index.js';
import { type RawShape, SERVICE_MODELS, type Service } from './model.js';

/** Every name a parameter segment may have in a service: member wire names, list and map words, numbers. */
function vocabulary(service: Service): string[] {
  const model = SERVICE_MODELS[service];
  const names = new Set([
    'Action',
    'Version',
    'member',
    'entry',
    'key',
    'value',
    '0',
    '1',
    '2',
    '3',
    '10',
    '01',
    '-1',
  ]);
  const visit = (ref: RawShape, depth: number): void => {
    if (depth > 6) return;
    const shape = model.resolve(ref);
    if (shape.kind === 'structure') {
      for (const m of shape.members) {
        names.add(m.wireName);
        visit(m.ref, depth + 1);
      }
    } else if (shape.kind === 'list') visit(shape.member, depth + 1);
    else if (shape.kind === 'map') visit(shape.value, depth + 1);
  };
  for (const op of model.operationNames()) {
    const input = model.operation(op)?.input;
    for (const m of input?.members ?? []) {
      names.add(m.wireName);
      visit(m.ref, 1);
    }
  }
  return [...names];
}

function bodies(service: Service): fc.Arbitrary<string> {
  const model = SERVICE_MODELS[service];
  const segment = fc.oneof(fc.constantFrom(...vocabulary(service)), fc.string({ maxLength: 6 }));
  const name = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'));
  const value = fc.oneof(
    fc.string({ maxLength: 80, unit: 'binary' }),
    fc.constantFrom(
      '',
      'true',
      'false',
      'TRUE',
      '0',
      '-1',
      '1000',
      '1001',
      '43200',
      '2147483648',
      '1e3',
      'NaN',
    ),
    fc.integer().map(String),
    fc.constantFrom('2026-01-02T03:04:05Z', 'AAEC/w==', '%', '/', '/a/', 'arn:aws:iam::123456789012:user/a'),
  );
  const action = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...model.operationNames()) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const version = fc.oneof(
    { weight: 9, arbitrary: fc.constant(model.apiVersion) },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
  const structured = fc
    .tuple(action, version, fc.array(fc.tuple(name, value), { maxLength: 25 }))
    .map(([a, v, params]) => new URLSearchParams([['Action', a], ['Version', v], ...params]).toString());
  // Raw text, for the form parser: stray %, &, =, + and arbitrary code points.
  const raw = fc.string({ maxLength: 200, unit: 'binary' });
  return fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: raw });
}

describe.each(['iam', 'sts'] as Service[])('decodeQuery(%s) on random form bodies', (service) => {
  it('returns a model operation and input, or throws an AwsError, never anything else', () => {
    const model = SERVICE_MODELS[service];
    fc.assert(
      fc.property(bodies(service), (body) => {
        let decoded;
        try {
          decoded = decodeQuery(service, body);
        } catch (err) {
          if (!(err instanceof AwsError)) throw err;
          expect(['MissingAction', 'InvalidAction', 'ValidationError']).toContain(err.code);
          if (err.code === 'ValidationError') {
            const count = Number(/^(\d+) validation errors? detected: /.exec(err.message)?.[1]);
            expect(err.message.split('failed to satisfy constraint: ').length - 1).toBe(count);
          }
          return;
        }
        const op = model.operation(decoded.operation);
        expect(op).toBeDefined();
        const members = new Set(op!.input?.members.map((m) => m.name) ?? []);
        for (const key of Object.keys(decoded.input)) expect(members.has(key)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
