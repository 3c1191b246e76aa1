import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import { ConstraintChecker } from './constraint-check.js';
import { ServiceModel } from './model.js';
import { QueryDecoder } from './query-decode.js';
import { SYNTHETIC_MODEL } from './test-support/synthetic-model.js';

const decoder = new QueryDecoder(
  new ServiceModel(SYNTHETIC_MODEL),
  new ConstraintChecker({ echoValues: true, members: {}, operations: {} }),
);

/** Decodes `Echo` with the given parameters (plus the required Name unless given). */
function echo(params: Record<string, string>): Record<string, unknown> {
  const form = new URLSearchParams({ Action: 'Echo', Version: '2020-01-01', Name: 'n', ...params });
  return decoder.decode(form.toString()).input;
}

function errorOf(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected an AwsError');
}

describe('routing by Action and Version', () => {
  it('names the operation from Action', () => {
    expect(decoder.decode('Action=NoOutput&Version=2020-01-01&Name=x')).toEqual({
      operation: 'NoOutput',
      input: { Name: 'x' },
    });
  });

  it('gives an operation without an input shape an empty input', () => {
    expect(decoder.decode('Action=NoInput&Version=2020-01-01&Name=x').input).toEqual({});
  });

  it('answers MissingAction when Action is absent or empty', () => {
    for (const body of ['Version=2020-01-01', 'Action=&Version=2020-01-01', '']) {
      const err = errorOf(() => decoder.decode(body));
      expect(err.code).toBe('MissingAction');
      expect(err.message).toBe('Missing Action');
      expect(err.status).toBe(400);
    }
  });

  it('answers InvalidAction for an unknown operation, naming it and the version', () => {
    const err = errorOf(() => decoder.decode('Action=Nope&Version=2020-01-01'));
    expect(err.code).toBe('InvalidAction');
    expect(err.message).toBe('Could not find operation Nope for version 2020-01-01');
  });

  it('answers InvalidAction for a known operation at another version, or with no version', () => {
    expect(errorOf(() => decoder.decode('Action=Echo&Version=2011-06-15')).message).toBe(
      'Could not find operation Echo for version 2011-06-15',
    );
    expect(errorOf(() => decoder.decode('Action=Echo')).message).toBe(
      'Could not find operation Echo for version NO_VERSION_SPECIFIED',
    );
  });

  it('does not take inherited object properties for operations', () => {
    expect(errorOf(() => decoder.decode('Action=toString&Version=2020-01-01')).code).toBe('InvalidAction');
    expect(errorOf(() => decoder.decode('Action=__proto__&Version=2020-01-01')).code).toBe('InvalidAction');
  });
});

describe('scalars', () => {
  it('reads strings verbatim, with form decoding of + and %XX', () => {
    expect(echo({ Name: 'a b+c&d=e%f/é' }).Name).toBe('a b+c&d=e%f/é');
    expect(decoder.decode('Action=Echo&Version=2020-01-01&Name=a+b%2Bc%26%F0%9F%98%80').input.Name).toBe(
      'a b+c&😀',
    );
  });

  it('reads integers, longs and doubles as numbers', () => {
    expect(echo({ Count: '42', Big: '-9007199254740991', Ratio: '2.5e3' })).toMatchObject({
      Count: 42,
      Big: -9007199254740991,
      Ratio: 2500,
    });
  });

  it('reads booleans written true or false', () => {
    expect(echo({ Enabled: 'true' }).Enabled).toBe(true);
    expect(echo({ Enabled: 'false' }).Enabled).toBe(false);
    expect(echo({ Enabled: 'TRUE' }).Enabled).toBe(true);
  });

  it('reads timestamps in ISO 8601 and in epoch seconds', () => {
    expect(echo({ When: '2026-01-02T03:04:05Z' }).When).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(echo({ When: '2026-01-02T03:04:05.250+01:00' }).When).toEqual(
      new Date('2026-01-02T02:04:05.250Z'),
    );
    expect(echo({ When: '2026-01-02T03:04:05+0100' }).When).toEqual(new Date('2026-01-02T02:04:05Z'));
    expect(echo({ When: '1767323045' }).When).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(echo({ When: '1767323045.5' }).When).toEqual(new Date('2026-01-02T03:04:05.500Z'));
  });

  it('reads blobs from base64', () => {
    expect(echo({ Data: 'AAEC/w==' }).Data).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(echo({ Data: '' }).Data).toEqual(new Uint8Array([]));
  });

  it('rejects text that is not of the member type, naming every member', () => {
    const err = errorOf(() =>
      echo({ Count: '12abc', Enabled: 'yes', When: 'yesterday', Data: 'not base64!', Big: '1.5' }),
    );
    expect(err.code).toBe('ValidationError');
    expect(err.message).toMatch(/^5 validation errors detected: /);
    expect(err.message).toContain(
      "Value '12abc' at 'count' failed to satisfy constraint: Member must be an integer",
    );
    expect(err.message).toContain(
      "Value 'yes' at 'enabled' failed to satisfy constraint: Member must be a boolean",
    );
    expect(err.message).toContain(
      "Value 'yesterday' at 'when' failed to satisfy constraint: Member must be a timestamp",
    );
    expect(err.message).toContain(
      "Value 'not base64!' at 'data' failed to satisfy constraint: Member must be base64",
    );
    expect(err.message).toContain(
      "Value '1.5' at 'big' failed to satisfy constraint: Member must be an integer",
    );
  });

  it('rejects integers outside Java int range', () => {
    expect(errorOf(() => echo({ Count: '2147483648' })).message).toContain("at 'count'");
    expect(echo({ Count: '-2147483648' }).Count).toBe(-2147483648);
  });
});

describe('structures', () => {
  it('reads nested structures from dotted names', () => {
    expect(echo({ 'Nested.Inner': 'i', 'Nested.Deeper.Leaf': 'true' }).Nested).toEqual({
      Inner: 'i',
      Deeper: { Leaf: true },
    });
  });

  it('reports a missing required member of a nested structure at its dotted path', () => {
    const err = errorOf(() => echo({ 'Nested.Deeper.Leaf': 'true' }));
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'nested.inner' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports a missing required top-level member as null', () => {
    const err = errorOf(() => decoder.decode('Action=Echo&Version=2020-01-01'));
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('uses a member locationName as its parameter name', () => {
    expect(echo({ Other: 'x' }).Renamed).toBe('x');
    expect(echo({ Renamed: 'x' }).Renamed).toBeUndefined();
  });

  it('ignores unknown parameters, as AWS does', () => {
    expect(echo({ Unknown: 'x', 'Nested.Inner': 'i', 'Nested.Bogus': 'y', 'Items.bogus.1': 'z' })).toEqual({
      Name: 'n',
      Nested: { Inner: 'i' },
    });
  });

  it('takes the first of a repeated parameter', () => {
    expect(decoder.decode('Action=Echo&Version=2020-01-01&Name=first&Name=second').input.Name).toBe('first');
  });
});

describe('lists', () => {
  it('reads X.member.N in numeric order', () => {
    expect(echo({ 'Items.member.2': 'b', 'Items.member.10': 'c', 'Items.member.1': 'a' }).Items).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('reads lists of numbers and of structures', () => {
    const input = echo({
      'Numbers.member.1': '1',
      'Numbers.member.2': '2',
      'Records.member.1.Key': 'k1',
      'Records.member.1.Value': 'v1',
      'Records.member.2.Key': 'k2',
      'Records.member.2.Value': '',
    });
    expect(input.Numbers).toEqual([1, 2]);
    expect(input.Records).toEqual([
      { Key: 'k1', Value: 'v1' },
      { Key: 'k2', Value: '' },
    ]);
  });

  it('reads an empty list from the bare name the SDKs send', () => {
    expect(echo({ Items: '' }).Items).toEqual([]);
  });

  it('reads flattened lists as X.N', () => {
    expect(echo({ 'Flat.1': 'a', 'Flat.2': 'b' }).Flat).toEqual(['a', 'b']);
    expect(echo({ 'Flat.member.1': 'a' }).Flat).toBeUndefined();
  });

  it('uses the list member locationName in place of member', () => {
    expect(echo({ 'NamedItems.item.1': 'a' }).NamedItems).toEqual(['a']);
    expect(echo({ 'NamedItems.member.1': 'a' }).NamedItems).toBeUndefined();
  });

  it('ignores item numbers that are not positive integers', () => {
    expect(echo({ 'Items.member.0': 'z', 'Items.member.x': 'y', 'Items.member.1': 'a' }).Items).toEqual([
      'a',
    ]);
  });

  it('reports a missing member of a list item at tags.N.member.key, as AWS spells it', () => {
    const err = errorOf(() => echo({ 'Records.member.1.Key': 'k' }));
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'records.1.member.value' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('maps', () => {
  it('reads X.entry.N.key / X.entry.N.value', () => {
    expect(
      echo({
        'Attrs.entry.1.key': 'a',
        'Attrs.entry.1.value': 'x',
        'Attrs.entry.2.key': 'b',
        'Attrs.entry.2.value': 'y',
      }).Attrs,
    ).toEqual({ a: 'x', b: 'y' });
  });

  it('types map values', () => {
    expect(echo({ 'Counts.entry.1.key': 'a', 'Counts.entry.1.value': '7' }).Counts).toEqual({ a: 7 });
  });

  it('reads flattened maps with their key and value locationNames', () => {
    expect(echo({ 'FlatAttrs.1.Name': 'a', 'FlatAttrs.1.Val': 'x' }).FlatAttrs).toEqual({ a: 'x' });
  });

  it('keeps a __proto__ key as an ordinary key', () => {
    const attrs = echo({ 'Attrs.entry.1.key': '__proto__', 'Attrs.entry.1.value': 'x' }).Attrs as object;
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(Object.keys(attrs)).toEqual(['__proto__']);
  });

  it('skips entries without a key or a value', () => {
    expect(echo({ 'Attrs.entry.1.key': 'a', 'Attrs.entry.2.value': 'y' }).Attrs).toEqual({});
  });
});
