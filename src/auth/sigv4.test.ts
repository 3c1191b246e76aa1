import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { HttpRequest } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import { parseCredentialScope, verifySigV4 } from './sigv4.js';
import type { SigV4Request, SigV4VerifyOptions } from './sigv4.js';
import { CLI_REQUESTS } from './test-support/cli-captures.js';
import {
  EXAMPLE_KEY,
  EXAMPLE_TEMPORARY_KEY,
  lookupOf,
  queryPost,
  sdkEncode,
  signWithSdk,
  SIGNED_AT,
  wireQuery,
} from './test-support/sigv4-signing.js';

const secrets = lookupOf(EXAMPLE_KEY, EXAMPLE_TEMPORARY_KEY);
const options: SigV4VerifyOptions = { secrets, now: SIGNED_AT };

/** The AwsError a verification fails with. */
async function failure(request: SigV4Request, opts: SigV4VerifyOptions = options): Promise<AwsError> {
  const error: unknown = await verifySigV4(request, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AwsError)) throw new Error(`expected an AwsError, got ${String(error)}`);
  return error;
}

function syncFailure(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error('expected an AwsError');
}

describe('AWS Signature Version 4 test suite (aws-sig-v4-test-suite, 2015-08-30T12:36:00Z)', () => {
  // Requests and signatures of AWS's published SigV4 test suite, as the AWS SDKs run it. Paths and queries are
  // given as the suite's request files write them on the request line.
  const suiteSecrets = lookupOf({
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  });
  const now = new Date('2015-08-30T12:36:00Z');
  const scope = 'AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';
  const base = { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' };
  const cases: Array<{
    name: string;
    method: string;
    path: string;
    query?: string;
    headers?: Record<string, string | string[]>;
    body?: string;
    signedHeaders: string;
    signature: string;
  }> = [
    {
      name: 'get-vanilla',
      method: 'GET',
      path: '/',
      signedHeaders: 'host;x-amz-date',
      signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    },
    {
      name: 'get-vanilla-query-order-key-case',
      method: 'GET',
      path: '/',
      query: 'Param2=value2&Param1=value1',
      signedHeaders: 'host;x-amz-date',
      signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    },
    {
      name: 'get-vanilla-query-unreserved',
      method: 'GET',
      path: '/',
      query:
        '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=' +
        '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
      signedHeaders: 'host;x-amz-date',
      signature: '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197',
    },
    {
      name: 'get-vanilla-utf8-query',
      method: 'GET',
      path: '/',
      query: '%E1%88%B4=bar',
      signedHeaders: 'host;x-amz-date',
      signature: '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04',
    },
    {
      name: 'get-unreserved',
      method: 'GET',
      path: '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
      signedHeaders: 'host;x-amz-date',
      signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
    },
    {
      name: 'get-utf8',
      method: 'GET',
      path: '/ሴ',
      signedHeaders: 'host;x-amz-date',
      signature: '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85',
    },
    {
      name: 'get-header-key-duplicate (one line per value)',
      method: 'GET',
      path: '/',
      headers: { 'my-header1': ['value2', 'value2', 'value1'] },
      signedHeaders: 'host;my-header1;x-amz-date',
      signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
    },
    {
      name: 'get-header-value-trim',
      method: 'GET',
      path: '/',
      headers: { 'my-header1': ' value1', 'my-header2': ' "a   b   c"' },
      signedHeaders: 'host;my-header1;my-header2;x-amz-date',
      signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
    },
    {
      name: 'post-vanilla-query-nonunreserved',
      method: 'POST',
      path: '/',
      query: '%40%23%24%25%5E=&%2B=%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D',
      signedHeaders: 'host;x-amz-date',
      signature: '66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e',
    },
    {
      name: 'post-x-www-form-urlencoded',
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Param1=value1',
      signedHeaders: 'content-type;host;x-amz-date',
      signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
    },
    {
      name: 'post-sts-header-before',
      method: 'POST',
      path: '/',
      headers: {
        'x-amz-security-token':
          'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==',
      },
      signedHeaders: 'host;x-amz-date;x-amz-security-token',
      signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
    },
    {
      // The token header was added after signing: AWS accepts it (the token itself is checked on its own).
      name: 'post-sts-header-after',
      method: 'POST',
      path: '/',
      headers: { 'x-amz-security-token': 'AQoDYXdzEPT//////////wEXAMPLE' },
      signedHeaders: 'host;x-amz-date',
      signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    },
  ];

  for (const c of cases) {
    it(`verifies ${c.name}`, async () => {
      const request: SigV4Request = {
        method: c.method,
        path: c.path,
        query: c.query ?? '',
        headers: {
          ...base,
          ...c.headers,
          authorization: `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=${c.signedHeaders}, Signature=${c.signature}`,
        },
        body: c.body ?? '',
      };
      const verified = await verifySigV4(request, { secrets: suiteSecrets, now });
      expect(verified.scope).toEqual({
        accessKeyId: 'AKIDEXAMPLE',
        date: '20150830',
        region: 'us-east-1',
        service: 'service',
      });
    });
  }
});

describe('requests signed by the AWS SDK v3 (SignatureV4)', () => {
  it('verifies an IAM Query POST and returns its credential scope', async () => {
    const request = await signWithSdk(queryPost({ Action: 'ListUsers', Version: '2010-05-08' }), {
      service: 'iam',
      region: 'us-east-1',
    });
    await expect(verifySigV4(request, options)).resolves.toEqual({
      scope: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', date: '20260101', region: 'us-east-1', service: 'iam' },
      sessionToken: undefined,
      signedAt: SIGNED_AT,
      form: 'header',
    });
  });

  it('returns the session token of temporary credentials', async () => {
    const request = await signWithSdk(queryPost({ Action: 'GetCallerIdentity', Version: '2011-06-15' }), {
      service: 'sts',
      region: 'eu-west-1',
      credentials: EXAMPLE_TEMPORARY_KEY,
    });
    const verified = await verifySigV4(request, options);
    expect(verified.sessionToken).toBe(EXAMPLE_TEMPORARY_KEY.sessionToken);
    expect(verified.scope).toMatchObject({
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      region: 'eu-west-1',
      service: 'sts',
    });
  });

  it('verifies a body with characters that need encoding', async () => {
    const request = await signWithSdk(
      queryPost({
        Action: 'CreateUser',
        Version: '2010-05-08',
        UserName: 'a+b=c,d.e@f-g',
        Path: '/x y/ü~*/',
      }),
      { service: 'iam', region: 'us-east-1' },
    );
    await expect(verifySigV4(request, options)).resolves.toBeDefined();
  });

  const awkward = {
    method: 'GET',
    // As sent: a space, a non-ASCII character, an encoded slash inside a segment, dot segments and a double slash.
    path: '/a%20b/%C3%BC/./x%2Fy//c/../d/',
    query: {
      Action: 'ListUsers',
      'key with space': 'value with space',
      plus: '1+1=2',
      unicode: 'ü€😀',
      reserved: "!'()*~:/?#[]@$&;,",
      repeated: ['b', 'a', 'c'],
      empty: '',
    },
  };

  it('verifies a GET whose path and query need encoding', async () => {
    const request = await signWithSdk(awkward, { service: 'iam', region: 'us-east-1' });
    await expect(verifySigV4(request, options)).resolves.toMatchObject({ form: 'header' });
  });

  it('verifies the same GET whatever escapes the client chose for its query', async () => {
    const request = await signWithSdk(awkward, { service: 'iam', region: 'us-east-1' });
    // `+` for spaces, lower-case hex, unreserved characters escaped, and the pairs in another order: the
    // canonical query is built from the decoded values, so all of these stand for the same request.
    const rewritten = request.query
      .split('&')
      .reverse()
      .map((pair) =>
        pair
          .replace(/%20/g, '+')
          .replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
          .replace(/A/g, '%41'),
      )
      .join('&');
    expect(rewritten).not.toBe(request.query);
    await expect(verifySigV4({ ...request, query: rewritten }, options)).resolves.toBeDefined();
  });

  it('verifies a presigned GET and reports the query form', async () => {
    const request = await signWithSdk(
      { method: 'GET', path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' } },
      { service: 'sts', region: 'us-east-1', credentials: EXAMPLE_TEMPORARY_KEY, presignExpiresIn: 900 },
    );
    expect(request.headers.authorization).toBeUndefined();
    await expect(verifySigV4(request, options)).resolves.toEqual({
      scope: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', date: '20260101', region: 'us-east-1', service: 'sts' },
      sessionToken: EXAMPLE_TEMPORARY_KEY.sessionToken,
      signedAt: SIGNED_AT,
      form: 'query',
    });
  });

  it('verifies a presigned GET whose path and query need encoding', async () => {
    const request = await signWithSdk(awkward, {
      service: 'iam',
      region: 'us-east-1',
      presignExpiresIn: 300,
    });
    await expect(verifySigV4(request, options)).resolves.toMatchObject({ form: 'query' });
  });

  it('verifies a presigned POST with a body', async () => {
    const request = await signWithSdk(queryPost({ Action: 'ListUsers', Version: '2010-05-08' }), {
      service: 'iam',
      region: 'us-east-1',
      presignExpiresIn: 60,
    });
    await expect(verifySigV4(request, options)).resolves.toMatchObject({ form: 'query' });
  });
});

describe('requests signed by the AWS CLI (botocore)', () => {
  for (const captured of CLI_REQUESTS) {
    it(`verifies ${captured.name}`, async () => {
      const now = new Date(
        captured.signedAt.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
      );
      await expect(verifySigV4(captured.request, { secrets, now })).resolves.toBeDefined();
    });
  }

  it('rejects a botocore presigned URL fetched with GET: it signed POST (as AWS does, boto/boto3#756)', async () => {
    const presigned = CLI_REQUESTS.find((c) => c.request.query.includes('X-Amz-Signature='))!;
    const now = new Date('2026-11-27T19:49:29Z');
    const error = await failure({ ...presigned.request, method: 'GET' }, { secrets, now });
    expect(error.code).toBe('SignatureDoesNotMatch');
  });
});

describe('parseCredentialScope', () => {
  it('reads the scope of the header form without a secret', async () => {
    const request = await signWithSdk(queryPost({ Action: 'GetCallerIdentity' }), {
      service: 'sts',
      region: 'ap-south-1',
    });
    expect(parseCredentialScope(request)).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      date: '20260101',
      region: 'ap-south-1',
      service: 'sts',
    });
  });

  it('reads the scope of a presigned URL', async () => {
    const request = await signWithSdk(
      { method: 'GET', path: '/', query: { Action: 'ListUsers' } },
      { service: 'iam', region: 'us-east-1', presignExpiresIn: 60 },
    );
    expect(parseCredentialScope(request).service).toBe('iam');
  });

  it('reads a scope whose signature is wrong: it verifies nothing', async () => {
    const request = await signWithSdk(queryPost({ Action: 'ListUsers' }), {
      service: 'iam',
      region: 'us-east-1',
    });
    const tampered = { ...request, body: 'Action=DeleteUser' };
    expect(parseCredentialScope(tampered).service).toBe('iam');
  });

  it('fails as verification would when the request is not signed', () => {
    const error = syncFailure(() =>
      parseCredentialScope({ method: 'POST', path: '/', query: '', headers: {}, body: '' }),
    );
    expect([error.code, error.message]).toEqual([
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
    ]);
  });
});

/** A header-form request whose authentication is exactly `authorization` and `headers`. */
function withAuthorization(
  authorization: string | undefined,
  headers: Record<string, string> = {},
): SigV4Request {
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: {
      host: 'iam.example.test',
      'x-amz-date': '20260101T000000Z',
      ...headers,
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: '',
  };
}

const GOOD_CREDENTIAL = 'AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/iam/aws4_request';
const ZEROS = '0'.repeat(64);

describe('AWS errors for malformed authentication', () => {
  it('is MissingAuthenticationToken without any authentication', async () => {
    const error = await failure(withAuthorization(undefined));
    expect([error.code, error.status, error.message]).toEqual([
      'MissingAuthenticationToken',
      403,
      'Request is missing Authentication Token',
    ]);
  });

  it('is MissingAuthenticationToken for an Authorization header that is not SigV4', async () => {
    const error = await failure(withAuthorization('Basic dXNlcjpwYXNz'));
    expect(error.code).toBe('MissingAuthenticationToken');
  });

  it('names every missing parameter of the header form, and echoes the header', async () => {
    const error = await failure({
      method: 'POST',
      path: '/',
      query: '',
      headers: { host: 'iam.example.test', authorization: 'AWS4-HMAC-SHA256 Foo=bar' },
      body: '',
    });
    expect([error.code, error.status, error.message]).toEqual([
      'IncompleteSignature',
      400,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either " +
        "a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Foo=bar",
    ]);
  });

  it('rejects a header parameter without an equals sign', async () => {
    const authorization = `AWS4-HMAC-SHA256 Credential= ${GOOD_CREDENTIAL}, SignedHeaders=host, Signature=${ZEROS}`;
    const error = await failure(withAuthorization(authorization));
    expect([error.code, error.message]).toEqual([
      'IncompleteSignature',
      `'${GOOD_CREDENTIAL}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`,
    ]);
  });

  it('names every missing parameter of the query form', async () => {
    const error = await failure({
      method: 'GET',
      path: '/',
      query: 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z&X-Amz-Credential=',
      headers: { host: 'h' },
      body: '',
    });
    expect([error.code, error.message]).toEqual([
      'IncompleteSignature',
      "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include " +
        "'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the " +
        'query-string parameters.',
    ]);
  });

  it('rejects both forms at once', async () => {
    const request = await signWithSdk(queryPost({ Action: 'ListUsers' }), {
      service: 'iam',
      region: 'us-east-1',
    });
    const error = await failure({ ...request, query: 'X-Amz-Algorithm=AWS4-HMAC-SHA256' });
    expect([error.code, error.message]).toEqual([
      'SignatureDoesNotMatch',
      "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    ]);
  });

  it('rejects a date that is not ISO 8601 basic format', async () => {
    const authorization = `AWS4-HMAC-SHA256 Credential=${GOOD_CREDENTIAL}, SignedHeaders=host;x-amz-date, Signature=${ZEROS}`;
    for (const date of ['2026-01-01T00:00:00Z', '20260231T000000Z', 'Thu, 01 Jan 2026 00:00:00 GMT']) {
      const error = await failure(withAuthorization(authorization, { 'x-amz-date': date }));
      expect([error.code, error.message]).toEqual([
        'IncompleteSignature',
        `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      ]);
    }
  });

  it('accepts the Date header when X-Amz-Date is absent', async () => {
    const authorization = `AWS4-HMAC-SHA256 Credential=${GOOD_CREDENTIAL}, SignedHeaders=date;host, Signature=${ZEROS}`;
    const request = withAuthorization(authorization);
    const { 'x-amz-date': _ignored, ...headers } = request.headers;
    const error = await failure({ ...request, headers: { ...headers, date: '20260101T000000Z' } });
    // It got as far as comparing signatures.
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
  });

  it("requires 'host' to be signed", async () => {
    const authorization = `AWS4-HMAC-SHA256 Credential=${GOOD_CREDENTIAL}, SignedHeaders=x-amz-date, Signature=${ZEROS}`;
    const error = await failure(withAuthorization(authorization));
    expect([error.code, error.status, error.message]).toEqual([
      'SignatureDoesNotMatch',
      403,
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    ]);
  });

  it('rejects another algorithm', async () => {
    const authorization = `AWS4-HMAC-SHA512 Credential=${GOOD_CREDENTIAL}, SignedHeaders=host, Signature=${ZEROS}`;
    const error = await failure(withAuthorization(authorization));
    expect([error.code, error.message]).toEqual([
      'IncompleteSignature',
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ",
    ]);
  });

  it('requires a credential of exactly five elements (trailing slashes ignored)', async () => {
    const credential = 'AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/iam';
    const error = await failure(
      withAuthorization(`AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host, Signature=${ZEROS}`),
    );
    expect([error.code, error.message]).toEqual([
      'IncompleteSignature',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    ]);
    const trailing = await failure(
      withAuthorization(
        `AWS4-HMAC-SHA256 Credential=${GOOD_CREDENTIAL}//, SignedHeaders=host, Signature=${ZEROS}`,
      ),
    );
    expect(trailing.message).toMatch(/^The request signature we calculated/);
  });

  it('lists every fault of the credential scope, as AWS does', async () => {
    const credential = 'AKIAIOSFODNN7EXAMPLE/20251231/mars-1/sts/aws5_request';
    const error = await failure(
      withAuthorization(`AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host, Signature=${ZEROS}`),
      { ...options, service: 'iam', isValidRegion: (region) => region === 'us-east-1' },
    );
    expect([error.code, error.message]).toEqual([
      'SignatureDoesNotMatch',
      "Credential should be scoped to a valid region, not 'mars-1'. " +
        "Credential should be scoped to correct service: 'iam'. " +
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. " +
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20251231' != " +
        "'20260101', from '20260101T000000Z'.",
    ]);
  });

  it('is InvalidClientTokenId for an unknown access key', async () => {
    const credential = 'AKIANOTAKEYWEKNOW000/20260101/us-east-1/iam/aws4_request';
    const error = await failure(
      withAuthorization(`AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host, Signature=${ZEROS}`),
    );
    expect([error.code, error.status, error.message]).toEqual([
      'InvalidClientTokenId',
      403,
      'The security token included in the request is invalid.',
    ]);
  });

  it('rejects an X-Amz-Expires that is not a number of seconds up to a week', async () => {
    const request = await signWithSdk(
      { method: 'GET', path: '/', query: { Action: 'ListUsers' } },
      { service: 'iam', region: 'us-east-1', presignExpiresIn: 60 },
    );
    const cases: Array<[string, string]> = [
      ['abc', 'X-Amz-Expires should be a number'],
      ['-1', 'X-Amz-Expires must be non-negative'],
      ['604801', 'X-Amz-Expires must be less than a week (in seconds) that is 604800'],
    ];
    for (const [value, message] of cases) {
      const error = await failure({
        ...request,
        query: request.query.replace('X-Amz-Expires=60', `X-Amz-Expires=${value}`),
      });
      expect([error.code, error.message]).toEqual(['IncompleteSignature', message]);
    }
  });

  it('is MalformedQueryString for a broken percent escape', async () => {
    const request = await signWithSdk(
      { method: 'GET', path: '/', query: { Action: 'ListUsers' } },
      { service: 'iam', region: 'us-east-1' },
    );
    const illegal = await failure({ ...request, query: 'Action=List%zzUsers' });
    expect([illegal.code, illegal.message]).toEqual([
      'MalformedQueryString',
      'Illegal hex character in escape % pattern: %zz',
    ]);
    const trailing = await failure({ ...request, query: 'Action=ListUsers%2' });
    expect([trailing.code, trailing.message]).toEqual([
      'MalformedQueryString',
      'Incomplete trailing escape % sequence',
    ]);
  });
});

describe('encoding helpers used by the tests', () => {
  it('encode as the SDK does', () => {
    expect(sdkEncode("a b!'()*~ü")).toBe('a%20b%21%27%28%29%2A~%C3%BC');
  });
});

describe('requests made by the AWS SDK v3 clients themselves', () => {
  /** Captures what a client would send, instead of sending it. */
  function capturingHandler() {
    const sent: HttpRequest[] = [];
    return {
      sent,
      handler: {
        handle: async (request: HttpRequest) => {
          sent.push(request);
          throw new Error('captured');
        },
      },
    };
  }

  function asSigV4Request(sent: HttpRequest): SigV4Request {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(sent.headers)) headers[name.toLowerCase()] = value;
    return {
      method: sent.method,
      path: sent.path,
      query: wireQuery(sent.query ?? {}),
      headers,
      body: typeof sent.body === 'string' ? sent.body : '',
    };
  }

  function signedAt(request: SigV4Request): Date {
    const date = String(request.headers['x-amz-date']);
    return new Date(date.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  }

  it('verifies an IAMClient call', async () => {
    const { sent, handler } = capturingHandler();
    const client = new IAMClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4599',
      credentials: EXAMPLE_KEY,
      requestHandler: handler,
      maxAttempts: 1,
    });
    await expect(
      client.send(new CreateUserCommand({ UserName: 'a+b=c,d.e@f-g', Path: '/x/' })),
    ).rejects.toThrow();
    const request = asSigV4Request(sent[0]!);
    await expect(verifySigV4(request, { secrets, now: signedAt(request) })).resolves.toMatchObject({
      scope: { service: 'iam', region: 'us-east-1' },
    });
  });

  it('verifies an STSClient call with temporary credentials', async () => {
    const { sent, handler } = capturingHandler();
    const client = new STSClient({
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:4599',
      credentials: EXAMPLE_TEMPORARY_KEY,
      requestHandler: handler,
      maxAttempts: 1,
    });
    await expect(client.send(new GetCallerIdentityCommand({}))).rejects.toThrow();
    const request = asSigV4Request(sent[0]!);
    await expect(verifySigV4(request, { secrets, now: signedAt(request) })).resolves.toMatchObject({
      scope: { service: 'sts', region: 'eu-central-1' },
      sessionToken: EXAMPLE_TEMPORARY_KEY.sessionToken,
    });
  });
});
