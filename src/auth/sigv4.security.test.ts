import { timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import { verifySigV4 } from './sigv4.js';
import type { SigV4Request, SigV4VerifyOptions } from './sigv4.js';
import {
  EXAMPLE_KEY,
  EXAMPLE_TEMPORARY_KEY,
  lookupOf,
  OTHER_KEY,
  queryPost,
  signWithSdk,
  SIGNED_AT,
} from './test-support/sigv4-signing.js';

// Wraps timingSafeEqual in a spy (keeping its behaviour) so the tests can see how signatures are compared.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});
const spy = vi.mocked(timingSafeEqual);

const options: SigV4VerifyOptions = {
  secrets: lookupOf(EXAMPLE_KEY, EXAMPLE_TEMPORARY_KEY, OTHER_KEY),
  now: SIGNED_AT,
};
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access ' +
  'Key and signing method. Consult the service documentation for details.';

async function failure(request: SigV4Request, opts: SigV4VerifyOptions = options): Promise<AwsError> {
  const error: unknown = await verifySigV4(request, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AwsError)) throw new Error(`expected an AwsError, got ${String(error)}`);
  return error;
}

async function expectMismatch(request: SigV4Request, opts: SigV4VerifyOptions = options): Promise<void> {
  const error = await failure(request, opts);
  expect([error.code, error.status, error.message]).toEqual(['SignatureDoesNotMatch', 403, MISMATCH]);
}

function signedPost(): Promise<SigV4Request> {
  return signWithSdk(queryPost({ Action: 'CreateUser', Version: '2010-05-08', UserName: 'alice' }), {
    service: 'iam',
    region: 'us-east-1',
  });
}

function signedPresigned(): Promise<SigV4Request> {
  return signWithSdk(
    { method: 'GET', path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' } },
    { service: 'sts', region: 'us-east-1', credentials: EXAMPLE_TEMPORARY_KEY, presignExpiresIn: 300 },
  );
}

function authorization(request: SigV4Request): string {
  const value = request.headers.authorization;
  if (typeof value !== 'string') throw new Error('not signed in the header');
  return value;
}

function withHeader(request: SigV4Request, name: string, value: string): SigV4Request {
  return { ...request, headers: { ...request.headers, [name]: value } };
}

function swapQueryParam(request: SigV4Request, name: string, value: string): SigV4Request {
  const query = request.query.replace(new RegExp(`(^|&)${name}=[^&]*`), `$1${name}=${value}`);
  if (query === request.query) throw new Error(`no ${name} to swap`);
  return { ...request, query };
}

describe('a signed request that was altered is rejected', () => {
  it('verifies untouched (the baseline the other cases alter)', async () => {
    await expect(verifySigV4(await signedPost(), options)).resolves.toBeDefined();
  });

  it('body', async () => {
    const request = await signedPost();
    await expectMismatch({ ...request, body: String(request.body).replace('alice', 'mallory') });
  });

  it('body given as bytes, one byte changed', async () => {
    const request = await signedPost();
    const bytes = Buffer.from(String(request.body));
    await expect(verifySigV4({ ...request, body: bytes }, options)).resolves.toBeDefined();
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    await expectMismatch({ ...request, body: bytes });
  });

  it('a signed header', async () => {
    await expectMismatch(withHeader(await signedPost(), 'content-type', 'application/json'));
  });

  it('the host', async () => {
    await expectMismatch(withHeader(await signedPost(), 'host', 'elsewhere.example.test'));
  });

  it('the date, within the allowed skew', async () => {
    await expectMismatch(withHeader(await signedPost(), 'x-amz-date', '20260101T000001Z'));
  });

  it('the method, path and query', async () => {
    const request = await signedPost();
    await expectMismatch({ ...request, method: 'PUT' });
    await expectMismatch({ ...request, path: '/other' });
    await expectMismatch({ ...request, query: 'Action=DeleteUser' });
  });

  it('the region of the credential scope', async () => {
    const request = await signedPost();
    await expectMismatch(
      withHeader(request, 'authorization', authorization(request).replace('/us-east-1/', '/us-west-2/')),
    );
  });

  it('the service of the credential scope', async () => {
    const request = await signedPost();
    await expectMismatch(
      withHeader(request, 'authorization', authorization(request).replace('/iam/', '/sts/')),
    );
  });

  it('the access key, swapped for another valid key', async () => {
    const request = await signedPost();
    const swapped = authorization(request).replace(EXAMPLE_KEY.accessKeyId, OTHER_KEY.accessKeyId);
    await expectMismatch(withHeader(request, 'authorization', swapped));
  });

  it('the access key, swapped for an unknown one: InvalidClientTokenId', async () => {
    const request = await signedPost();
    const swapped = authorization(request).replace(EXAMPLE_KEY.accessKeyId, 'AKIAUNKNOWNKEY000000');
    const error = await failure(withHeader(request, 'authorization', swapped));
    expect([error.code, error.message]).toEqual([
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
    ]);
  });

  it('signed with another secret', async () => {
    const request = await signedPost();
    await expectMismatch(request, {
      ...options,
      secrets: lookupOf({ ...EXAMPLE_KEY, secretAccessKey: OTHER_KEY.secretAccessKey }),
    });
  });

  it('the signed-headers list, shortened to drop a signed header', async () => {
    const request = await signedPost();
    const shortened = authorization(request).replace('content-type;', '');
    expect(shortened).not.toBe(authorization(request));
    await expectMismatch(withHeader(request, 'authorization', shortened));
  });

  it('the signature: one digit, upper case, truncated, empty-looking', async () => {
    const request = await signedPost();
    const header = authorization(request);
    const signature = /Signature=([0-9a-f]{64})$/.exec(header)![1]!;
    const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    for (const forged of [flipped, signature.toUpperCase(), signature.slice(0, 63), '0'.repeat(64), 'x']) {
      await expectMismatch(withHeader(request, 'authorization', header.replace(signature, forged)));
    }
  });

  it('a claim of UNSIGNED-PAYLOAD is not honoured: outside S3 the body is always signed', async () => {
    const request = await signWithSdk(
      {
        ...queryPost({ Action: 'CreateUser', UserName: 'alice' }),
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        },
      },
      { service: 'iam', region: 'us-east-1' },
    );
    // Honouring the claim would make the body free to change; the verifier hashes the body it received, so
    // the signature (made over the claim) does not match, whatever the body.
    await expectMismatch(request);
    await expectMismatch({ ...request, body: 'Action=CreateUser&UserName=mallory' });
  });
});

describe('an altered presigned URL is rejected', () => {
  it('verifies untouched', async () => {
    await expect(verifySigV4(await signedPresigned(), options)).resolves.toBeDefined();
  });

  it('an operation parameter', async () => {
    await expectMismatch(swapQueryParam(await signedPresigned(), 'Action', 'AssumeRole'));
  });

  it('its lifetime', async () => {
    await expectMismatch(swapQueryParam(await signedPresigned(), 'X-Amz-Expires', '900'));
  });

  it('its session token, replaced or removed', async () => {
    const request = await signedPresigned();
    await expectMismatch(swapQueryParam(request, 'X-Amz-Security-Token', 'forged'));
    await expectMismatch({ ...request, query: request.query.replace(/&?X-Amz-Security-Token=[^&]*/, '') });
  });

  it('its signed headers', async () => {
    await expectMismatch(swapQueryParam(await signedPresigned(), 'X-Amz-SignedHeaders', 'host%3Bx-amz-date'));
  });

  it('a parameter added after signing', async () => {
    const request = await signedPresigned();
    await expectMismatch({ ...request, query: `${request.query}&DurationSeconds=43200` });
  });
});

describe('clock skew: AWS allows 15 minutes either way', () => {
  const at = (seconds: number) => ({ ...options, now: new Date(SIGNED_AT.getTime() + seconds * 1000) });

  it('accepts a request signed exactly 15 minutes before or after now', async () => {
    const request = await signedPost();
    await expect(verifySigV4(request, at(15 * 60))).resolves.toBeDefined();
    await expect(verifySigV4(request, at(-15 * 60))).resolves.toBeDefined();
  });

  it('rejects a request signed more than 15 minutes ago, with AWS message', async () => {
    const error = await failure(await signedPost(), at(15 * 60 + 1));
    expect([error.code, error.status, error.message]).toEqual([
      'SignatureDoesNotMatch',
      403,
      'Signature expired: 20260101T000000Z is now earlier than 20260101T000001Z (20260101T001501Z - 15 min.)',
    ]);
  });

  it('rejects a request signed more than 15 minutes in the future, with AWS message', async () => {
    const error = await failure(await signedPost(), at(-(15 * 60 + 1)));
    expect([error.code, error.status, error.message]).toEqual([
      'SignatureDoesNotMatch',
      403,
      'Signature not yet current: 20260101T000000Z is still later than 20251231T235959Z (20251231T234459Z + 15 min.)',
    ]);
  });

  it('rejects a presigned URL once its X-Amz-Expires has passed', async () => {
    const request = await signedPresigned(); // X-Amz-Expires=300
    await expect(verifySigV4(request, at(300))).resolves.toBeDefined();
    const error = await failure(request, at(301));
    expect([error.code, error.message]).toEqual([
      'SignatureDoesNotMatch',
      'Signature expired: 20260101T000000Z is now earlier than 20260101T000001Z (20260101T000501Z - 5 min.)',
    ]);
  });

  it('caps a presigned URL at 15 minutes, as AWS does outside S3, whatever X-Amz-Expires says', async () => {
    const request = await signWithSdk(
      { method: 'GET', path: '/', query: { Action: 'GetCallerIdentity' } },
      { service: 'sts', region: 'us-east-1', presignExpiresIn: 3600 },
    );
    await expect(verifySigV4(request, at(15 * 60))).resolves.toBeDefined();
    const error = await failure(request, at(15 * 60 + 1));
    expect(error.message).toMatch(/^Signature expired: .* - 15 min\.\)$/);
  });

  it('rejects a presigned URL signed in the future', async () => {
    const error = await failure(await signedPresigned(), at(-(15 * 60 + 1)));
    expect(error.message).toMatch(/^Signature not yet current: /);
  });

  it('checks the clock before the key, so a stale request learns nothing about keys', async () => {
    const request = await signedPost();
    const unknown = withHeader(
      request,
      'authorization',
      authorization(request).replace(EXAMPLE_KEY.accessKeyId, 'AKIAUNKNOWNKEY000000'),
    );
    const error = await failure(unknown, at(3600));
    expect(error.message).toMatch(/^Signature expired: /);
  });
});

describe('signatures are compared in constant time', () => {
  afterEach(() => {
    spy.mockClear();
  });

  it('compares with crypto.timingSafeEqual, on buffers of one length', async () => {
    spy.mockClear();
    await verifySigV4(await signedPost(), options);
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0]!;
    expect(Buffer.isBuffer(a) && Buffer.isBuffer(b)).toBe(true);
    expect((a as Buffer).length).toBe(64);
    expect((b as Buffer).length).toBe(64);
  });

  it('still compares buffers of one length when the signature sent is shorter', async () => {
    const request = await signedPost();
    const header = authorization(request).replace(/Signature=[0-9a-f]+$/, 'Signature=abc');
    spy.mockClear();
    await expectMismatch(withHeader(request, 'authorization', header));
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0]!;
    expect((a as Buffer).length).toBe((b as Buffer).length);
  });

  it('takes its answer from timingSafeEqual, not from another comparison', async () => {
    const request = await signedPost();
    spy.mockReturnValueOnce(false);
    await expectMismatch(request);
    const forged = withHeader(
      request,
      'authorization',
      authorization(request).replace(/[0-9a-f]{64}$/, '0'.repeat(64)),
    );
    spy.mockReturnValueOnce(true);
    await expect(verifySigV4(forged, options)).resolves.toBeDefined();
  });
});
