import { describe, expect, it } from 'vitest';
import {
  canonicalHeaderValue,
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  scopeString,
  sha256Hex,
  signatureOf,
  signingKey,
  stringToSign,
} from './sigv4-canonical.js';
import { canonicalQueryComponent, decodeQueryComponent, splitQuery, uriEncode } from './sigv4-encoding.js';

// The worked example of AWS's "Create a signed AWS API request" guide: IAM ListUsers, 2015-08-30T12:36:00Z.
const IAM_EXAMPLE = {
  method: 'GET',
  path: '/',
  query: 'Action=ListUsers&Version=2010-05-08',
  headers: {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    host: 'iam.amazonaws.com',
    'x-amz-date': '20150830T123600Z',
  },
  body: '',
  signedHeaders: ['content-type', 'host', 'x-amz-date'],
  presigned: false,
};

describe('the signing steps, on the AWS documentation example', () => {
  it('builds the canonical request', () => {
    expect(canonicalRequest(IAM_EXAMPLE)).toBe(
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8',
        'host:iam.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'content-type;host;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(sha256Hex(canonicalRequest(IAM_EXAMPLE))).toBe(
      'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    );
  });

  it('derives the signing key', () => {
    const key = signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam');
    expect(key.toString('hex')).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
  });

  it('signs the string to sign', () => {
    const toSign = stringToSign(
      '20150830T123600Z',
      scopeString('20150830', 'us-east-1', 'iam'),
      canonicalRequest(IAM_EXAMPLE),
    );
    expect(toSign).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n' +
        'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    );
    const key = signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam');
    expect(signatureOf(key, toSign)).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
  });
});

describe('canonicalUri', () => {
  it('is / for an empty path', () => {
    expect(canonicalUri('')).toBe('/');
    expect(canonicalUri('/')).toBe('/');
  });

  it('drops empty and . segments and resolves .., keeping a trailing slash', () => {
    expect(canonicalUri('/a//b/./c/../d/')).toBe('/a/b/d/');
    expect(canonicalUri('/a/b/../../..')).toBe('/');
  });

  it('encodes the path as sent once more, as AWS does outside S3', () => {
    expect(canonicalUri('/a%20b/%C3%BC')).toBe('/a%2520b/%25C3%25BC');
    expect(canonicalUri('/x%2Fy')).toBe('/x%252Fy');
    expect(canonicalUri('/ሴ')).toBe('/%E1%88%B4');
  });
});

describe('canonicalQueryString', () => {
  it('sorts by key, then by value, by code point', () => {
    expect(canonicalQueryString('b=2&a=2&a=1&B=0&a-b=x', false)).toBe('B=0&a=1&a=2&a-b=x&b=2');
  });

  it('gives a key without = an empty value, and skips empty pairs', () => {
    expect(canonicalQueryString('flag&&x=1', false)).toBe('flag=&x=1');
  });

  it('re-encodes what the escapes stand for: + is a space, hex is upper case, unreserved is plain', () => {
    expect(canonicalQueryString('k=a+b%2b%2a%41~*', false)).toBe('k=a%20b%2B%2AA~%2A');
  });

  it('leaves X-Amz-Signature out only for the presigned form', () => {
    expect(canonicalQueryString('X-Amz-Signature=abc&a=1', true)).toBe('a=1');
    expect(canonicalQueryString('X-Amz-Signature=abc&a=1', false)).toBe('X-Amz-Signature=abc&a=1');
  });
});

describe('canonical headers', () => {
  it('trims and collapses whitespace, and joins repeated lines with commas', () => {
    expect(canonicalHeaderValue('  a   b\t c  ')).toBe('a b c');
    expect(canonicalHeaderValue(['x', ' y '])).toBe('x,y');
    expect(canonicalHeaderValue(undefined)).toBe('');
  });

  it('lists the signed headers in the order given', () => {
    expect(canonicalHeaders({ host: 'h', 'x-amz-date': 'd', other: 'o' }, ['host', 'x-amz-date'])).toBe(
      'host:h\nx-amz-date:d\n',
    );
  });
});

describe('encoding', () => {
  it('uriEncode keeps only unreserved characters', () => {
    expect(uriEncode("AZaz09-._~ !'()*/+=&ü")).toBe('AZaz09-._~%20%21%27%28%29%2A%2F%2B%3D%26%C3%BC');
  });

  it('canonicalQueryComponent keeps bytes that are not UTF-8 exact', () => {
    expect(canonicalQueryComponent('%ff%FE')).toBe('%FF%FE');
  });

  it('decodeQueryComponent reads escapes and + as space', () => {
    expect(decodeQueryComponent('a+b%2B%C3%BC')).toBe('a b+ü');
  });

  it('splitQuery keeps raw keys and values in order', () => {
    expect(splitQuery('b=1&a&c=x=y')).toEqual([
      { key: 'b', value: '1' },
      { key: 'a', value: '' },
      { key: 'c', value: 'x=y' },
    ]);
  });
});
