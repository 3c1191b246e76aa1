import type { RawModel } from '../model.js';

/**
 * A small service model with every construct the codec supports, including ones IAM and STS inputs never use
 * (maps, flattened lists and maps, `locationName`, timestamps, blobs, long and double), so each has a test.
 * `Echo` takes and returns the same structure.
 */
export const SYNTHETIC_MODEL: RawModel = {
  metadata: { apiVersion: '2020-01-01', xmlNamespace: 'https://example.com/doc/2020-01-01/' },
  operations: {
    Echo: {
      input: { shape: 'Everything' },
      output: { shape: 'Everything', resultWrapper: 'EchoResult' },
    },
    NoOutput: { input: { type: 'structure', members: { Name: {} } } },
    NoInput: { output: { resultWrapper: 'NoInputResult', type: 'structure', members: { Name: {} } } },
  },
  shapes: {
    Everything: {
      type: 'structure',
      required: ['Name'],
      members: {
        Name: {},
        Count: { type: 'integer' },
        Big: { type: 'long' },
        Ratio: { type: 'double' },
        Enabled: { type: 'boolean' },
        When: { type: 'timestamp' },
        Data: { type: 'blob' },
        Nested: { shape: 'Nested' },
        Items: { type: 'list', member: {} },
        Numbers: { type: 'list', member: { type: 'integer' } },
        Flat: { type: 'list', flattened: true, member: {} },
        Records: { type: 'list', member: { shape: 'Record' } },
        NamedItems: { type: 'list', member: { locationName: 'item' } },
        Attrs: { type: 'map', key: {}, value: {} },
        Counts: { type: 'map', key: {}, value: { type: 'integer' } },
        FlatAttrs: {
          type: 'map',
          flattened: true,
          key: { locationName: 'Name' },
          value: { locationName: 'Val' },
        },
        Renamed: { locationName: 'Other' },
      },
    },
    Nested: {
      type: 'structure',
      required: ['Inner'],
      members: { Inner: {}, Deeper: { type: 'structure', members: { Leaf: { type: 'boolean' } } } },
    },
    Record: {
      type: 'structure',
      required: ['Key', 'Value'],
      members: { Key: {}, Value: {} },
    },
  },
};
