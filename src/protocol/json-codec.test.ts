import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import { decodeJsonInput } from './json-decode.js';
import { encodeJsonOutput } from './json-encode.js';
import { encodeJsonError } from './json-error.js';
import { jsonTarget } from './json-model.js';
import { ServiceModel } from './model.js';
import { SYNTHETIC_MODEL } from './test-support/synthetic-model.js';

const model = new ServiceModel(SYNTHETIC_MODEL);
const echo = model.operation('Echo')!;
const decode = (body: string) => decodeJsonInput(model, echo.input, body);
const failure = (body: string): { code: string; message: string } => {
  try {
    decode(body);
  } catch (error) {
    if (error instanceof AwsError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
};

describe('JSON decoding', () => {
  it('reads every type by the model, ignoring unknown members and nulls', () => {
    const input = decode(
      JSON.stringify({
        Name: 'n',
        Count: 3,
        Big: 2 ** 40,
        Ratio: 0.5,
        Enabled: true,
        When: 1764277200.25,
        Data: 'AAEC/w==',
        Nested: { Inner: 'i', Deeper: { Leaf: false } },
        Numbers: [1, null, 2],
        Attrs: { a: 'b' },
        Unknown: { anything: [1] },
        Renamed: null,
      }),
    );
    expect(input).toEqual({
      Name: 'n',
      Count: 3,
      Big: 2 ** 40,
      Ratio: 0.5,
      Enabled: true,
      When: new Date(1764277200250),
      Data: Uint8Array.from([0, 1, 2, 255]),
      Nested: { Inner: 'i', Deeper: { Leaf: false } },
      Numbers: [1, 2],
      Attrs: { a: 'b' },
    });
  });

  it('takes ISO 8601 timestamps too, and an empty body as {}', () => {
    expect(decode('{"Name":"n","When":"2026-11-27T21:00:00Z"}')['When']).toEqual(
      new Date('2026-11-27T21:00:00Z'),
    );
    expect(failure('')).toEqual({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers wrong JSON types with SerializationException', () => {
    for (const body of [
      '{',
      '[]',
      '"text"',
      '{"Name":1}',
      '{"Name":"n","Count":1.5}',
      '{"Name":"n","Count":2147483648}',
      '{"Name":"n","Enabled":"true"}',
      '{"Name":"n","When":"yesterday"}',
      '{"Name":"n","Numbers":{}}',
      '{"Name":"n","Attrs":[]}',
      '{"Name":"n","Nested":"x"}',
    ]) {
      expect({ body, code: failure(body).code }).toEqual({ body, code: 'SerializationException' });
    }
  });

  it('lists every missing required member in one ValidationException', () => {
    expect(failure('{"Nested":{},"Records":[{"Key":"k"}]}')).toEqual({
      code: 'ValidationException',
      message:
        "3 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'nested.inner' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'records.1.member.value' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe('JSON encoding', () => {
  it('writes members by the model, timestamps as epoch seconds, blobs as base64, absent members left out', () => {
    const body = encodeJsonOutput(model, echo.output, {
      Name: 'n',
      When: new Date('2026-11-27T21:00:00.123Z'),
      Data: Uint8Array.from([0, 1, 2, 255]),
      Records: [{ Key: 'k', Value: 'v' }],
      Renamed: 'r',
      Count: undefined,
      NotInModel: 'x',
    });
    expect(JSON.parse(body)).toEqual({
      Name: 'n',
      When: 1795813200.123,
      Data: 'AAEC/w==',
      Records: [{ Key: 'k', Value: 'v' }],
      Other: 'r',
    });
  });
});

describe('JSON errors and targets', () => {
  // "Common Errors" (AWS Management Console documentation): AccessDeniedException, HTTP 403.
  it('renames Query errors for the JSON protocol, keeping their status', () => {
    const denied = encodeJsonError(new AwsError('AccessDenied', 'no'), 'req-1', 'application/x-amz-json-1.1');
    expect(denied).toEqual({
      status: 403,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'req-1',
        'x-amzn-errortype': 'AccessDeniedException',
      },
      body: '{"__type":"AccessDeniedException","message":"no"}',
    });
    expect(encodeJsonError(new AwsError('InvalidTimeRangeException', 'm'), 'r', 'c').body).toBe(
      '{"__type":"InvalidTimeRangeException","message":"m"}',
    );
  });

  it('reads both spellings of a target', () => {
    for (const target of [
      'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
      'CloudTrail_20131101.LookupEvents',
    ]) {
      expect(jsonTarget(target)?.operation).toBe('LookupEvents');
      expect(jsonTarget(target)?.service.service).toBe('cloudtrail');
    }
    expect(jsonTarget('DynamoDB_20120810.GetItem')).toBeUndefined();
    expect(jsonTarget('LookupEvents')).toBeUndefined();
  });
});
