import { describe, expect, it } from 'vitest';
import { encodeResult } from './index.js';
import { ServiceModel } from './model.js';
import { SYNTHETIC_MODEL } from './test-support/synthetic-model.js';
import { XmlEncoder } from './xml-encode.js';

const encoder = new XmlEncoder(new ServiceModel(SYNTHETIC_MODEL), new Set(['Inner']));
const NS = 'https://example.com/doc/2020-01-01/';

/** The content of <EchoResult> for an output. */
function result(output: Record<string, unknown>): string {
  const xml = encoder.encodeResult('Echo', { Name: 'n', ...output }, 'rid');
  const match =
    /^<EchoResponse xmlns="[^"]*"><EchoResult><Name>n<\/Name>(.*)<\/EchoResult><ResponseMetadata>/s.exec(xml);
  if (!match) throw new Error(`unexpected document: ${xml}`);
  return match[1]!;
}

describe('the envelope', () => {
  it('wraps the result in XResponse and XResult, with the request id', () => {
    expect(encoder.encodeResult('Echo', { Name: 'n' }, 'req-1')).toBe(
      `<EchoResponse xmlns="${NS}"><EchoResult><Name>n</Name></EchoResult>` +
        '<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></EchoResponse>',
    );
  });

  it('has no XResult for an operation without output', () => {
    expect(encoder.encodeResult('NoOutput', undefined, 'req-2')).toBe(
      `<NoOutputResponse xmlns="${NS}"><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></NoOutputResponse>`,
    );
  });

  it('writes an empty XResult when every output member is absent', () => {
    expect(encoder.encodeResult('NoInput', {}, 'r')).toContain('<NoInputResult/>');
  });

  it('uses the IAM and STS namespaces', () => {
    expect(encodeResult('iam', 'DeleteUser', {}, 'r')).toMatch(
      /^<DeleteUserResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">/,
    );
    expect(encodeResult('sts', 'GetCallerIdentity', { Account: '1' }, 'r')).toMatch(
      /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetCallerIdentityResult><Account>1<\/Account>/,
    );
  });

  it('rejects an unknown operation', () => {
    expect(() => encoder.encodeResult('Nope', {}, 'r')).toThrow('unknown operation Nope');
  });
});

describe('scalars', () => {
  it('writes numbers, lower-case booleans and members in model order', () => {
    expect(result({ Enabled: false, Ratio: 0.5, Count: 3, Big: -7 })).toBe(
      '<Count>3</Count><Big>-7</Big><Ratio>0.5</Ratio><Enabled>false</Enabled>',
    );
  });

  it('writes timestamps in ISO 8601 UTC to the second', () => {
    expect(result({ When: new Date('2026-01-02T03:04:05.678Z') })).toBe('<When>2026-01-02T03:04:05Z</When>');
    expect(result({ When: '2026-01-02T04:04:05+01:00' })).toBe('<When>2026-01-02T03:04:05Z</When>');
  });

  it('writes blobs in base64', () => {
    expect(result({ Data: new Uint8Array([0, 1, 2, 255]) })).toBe('<Data>AAEC/w==</Data>');
    expect(result({ Data: Buffer.from('hi') })).toBe('<Data>aGk=</Data>');
  });

  it('escapes every text', () => {
    expect(result({ Renamed: `<a href="x">&'\r\n\t` })).toBe(
      '<Other>&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#xD;\n\t</Other>',
    );
    expect(encoder.encodeResult('NoOutput', {}, '<id>')).toContain('<RequestId>&lt;id&gt;</RequestId>');
  });

  it('replaces characters XML cannot carry', () => {
    expect(result({ Renamed: 'a\u0000b\uD800c😀' })).toBe('<Other>a\uFFFDb\uFFFDc😀</Other>');
  });

  it('leaves out absent and null members', () => {
    expect(result({ Count: undefined, Enabled: null })).toBe('');
  });

  it('writes an empty string as an empty element', () => {
    expect(result({ Renamed: '' })).toBe('<Other/>');
  });

  it('refuses values of the wrong type, naming the member', () => {
    expect(() => result({ Count: '3' })).toThrow('Echo.Count: expected a integer, got string');
    expect(() => result({ When: 'not a date' })).toThrow('Echo.When');
    expect(() => result({ Items: 'a' })).toThrow('Echo.Items: expected an array');
    expect(() => result({ Nested: [] })).toThrow('Echo.Nested: expected an object');
  });
});

describe('structures, lists and maps', () => {
  it('nests structures, with member locationNames', () => {
    expect(result({ Nested: { Deeper: { Leaf: true }, Inner: 'i' }, Renamed: 'r' })).toBe(
      '<Nested><Inner>i</Inner><Deeper><Leaf>true</Leaf></Deeper></Nested><Other>r</Other>',
    );
  });

  it('writes lists as <member> items, or the member locationName', () => {
    expect(result({ Items: ['a', 'b'], NamedItems: ['c'] })).toBe(
      '<Items><member>a</member><member>b</member></Items><NamedItems><item>c</item></NamedItems>',
    );
  });

  it('writes lists of structures', () => {
    expect(result({ Records: [{ Key: 'k', Value: 'v' }] })).toBe(
      '<Records><member><Key>k</Key><Value>v</Value></member></Records>',
    );
  });

  it('writes an empty list as an empty element', () => {
    expect(result({ Items: [] })).toBe('<Items/>');
  });

  it('writes flattened lists as repeated elements', () => {
    expect(result({ Flat: ['a', 'b'] })).toBe('<Flat>a</Flat><Flat>b</Flat>');
  });

  it('writes maps as <entry><key/><value/></entry>', () => {
    expect(result({ Attrs: { a: 'x', b: 'y' }, Counts: { n: 1 } })).toBe(
      '<Attrs><entry><key>a</key><value>x</value></entry><entry><key>b</key><value>y</value></entry></Attrs>' +
        '<Counts><entry><key>n</key><value>1</value></entry></Counts>',
    );
  });

  it('writes flattened maps with their key and value locationNames', () => {
    expect(result({ FlatAttrs: { a: 'x' } })).toBe('<FlatAttrs><Name>a</Name><Val>x</Val></FlatAttrs>');
  });
});

describe('URL-encoded policy documents', () => {
  const doc =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/a b+c%"}]}';

  it('percent-encodes the members the encoder is told to, per RFC 3986', () => {
    expect(result({ Nested: { Inner: '{"a": "b c!\'()*~é"}' } })).toBe(
      '<Nested><Inner>%7B%22a%22%3A%20%22b%20c%21%27%28%29%2A~%C3%A9%22%7D</Inner></Nested>',
    );
  });

  it("encodes IAM's PolicyDocument, AssumeRolePolicyDocument and Document wherever they occur", () => {
    // encodeURIComponent leaves `*` as it is; RFC 3986 reserves it.
    const encoded = encodeURIComponent(doc).replaceAll('*', '%2A');
    expect(
      encodeResult('iam', 'GetUserPolicy', { UserName: 'u', PolicyName: 'p', PolicyDocument: doc }, 'r'),
    ).toContain(`<PolicyDocument>${encoded}</PolicyDocument>`);
    const xml = encodeResult(
      'iam',
      'GetAccountAuthorizationDetails',
      {
        RoleDetailList: [
          {
            RoleName: 'r',
            AssumeRolePolicyDocument: doc,
            RolePolicyList: [{ PolicyName: 'p', PolicyDocument: doc }],
          },
        ],
        Policies: [
          {
            PolicyName: 'm',
            PolicyVersionList: [{ Document: doc, VersionId: 'v1', IsDefaultVersion: true }],
          },
        ],
      },
      'r',
    );
    expect(xml.split(encoded)).toHaveLength(4);
    expect(xml).not.toContain('"Version"');
  });

  it('leaves other IAM strings as they are', () => {
    expect(
      encodeResult('iam', 'GetUserPolicy', { UserName: 'a+b', PolicyName: 'p', PolicyDocument: '{}' }, 'r'),
    ).toContain('<UserName>a+b</UserName>');
  });
});
