import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupQueryOf } from '../cloudtrail/lookup-input.js';
import { AwsError } from '../errors/aws-error.js';
import type { LookupEventsInput } from './models/cloudtrail-types.js';
import { decodeJsonInput } from './json-decode.js';
import { JSON_SERVICES } from './json-model.js';

const { model } = JSON_SERVICES.cloudtrail;
const lookupEvents = model.operation('LookupEvents')!;

/** JSON values that stress the decoder: every JSON type, model member names, and numbers at the edges. */
const scalar = fc.oneof(
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.constantFrom('EventName', 'Username', 'ReadOnly', 'true', '', '2026-11-27T21:00:00Z', '9999-99-99T'),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 50, 51, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.5, 1.7e9, 8.64e12),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.constantFrom(
  'LookupAttributes',
  'AttributeKey',
  'AttributeValue',
  'StartTime',
  'EndTime',
  'EventCategory',
  'MaxResults',
  'NextToken',
  '__proto__',
  'constructor',
  'x',
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  ),
})).node;
const bodies = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(key, value, { maxKeys: 6 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: value.map((v) => JSON.stringify(v) ?? '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
);

describe('decodeJsonInput on random bodies', () => {
  it('returns an input, or throws a 400 AwsError, never anything else; so does LookupEvents’ check', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        try {
          const input = decodeJsonInput(model, lookupEvents.input, body);
          lookupQueryOf(input as LookupEventsInput);
        } catch (err) {
          if (!(err instanceof AwsError)) throw err;
          expect(err.status).toBe(400);
          expect(err.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
