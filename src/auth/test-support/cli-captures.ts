import type { SigV4Request } from '../sigv4.js';

/**
 * Requests captured on the wire from the AWS CLI v1 (aws-cli/1.45.11, botocore/1.43.11), signed with
 * EXAMPLE_KEY / EXAMPLE_TEMPORARY_KEY against a local endpoint, and presigned URLs made by botocore (the
 * CLI's signer). Verbatim: `signedAt` is the X-Amz-Date they carry, except one thing: botocore presigns a Query
 * API call with the operation's HTTP method, POST (with an empty body), so those URLs are given here as POST;
 * fetched with GET they do not verify, on AWS either (boto/boto3#756).
 */
export interface CapturedRequest {
  readonly name: string;
  readonly signedAt: string;
  readonly request: SigV4Request;
}

export const CLI_REQUESTS: readonly CapturedRequest[] = [
  {
    name: 'aws iam list-users',
    signedAt: '20261127T194923Z',
    request: {
      method: 'POST',
      path: '/',
      query: '',
      headers: {
        host: '127.0.0.1:18765',
        'accept-encoding': 'identity',
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'user-agent':
          'aws-cli/1.45.11 md/Botocore#1.43.11 ua/2.1 os/linux#6.18.44-fc-v669 md/arch#x86_64 lang/python#3.11.7 md/pyimpl#CPython m/C,D,g,b,Z,N cfg/retry-mode#legacy botocore/1.43.11',
        'x-amz-date': '20261127T194923Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=b676e5b12289b3154c51690ac621a82bd9b9a476cce636220bd9f347765e0121',
        'amz-sdk-invocation-id': '3d692463-34ac-4539-80cf-1a782b3825d2',
        'amz-sdk-request': 'attempt=1',
        'content-length': '35',
      },
      body: 'Action=ListUsers&Version=2010-05-08',
    },
  },
  {
    name: 'aws iam create-user --user-name a+b=c,d.e@f-g --path "/x y/ü~*/"',
    signedAt: '20261127T194924Z',
    request: {
      method: 'POST',
      path: '/',
      query: '',
      headers: {
        host: '127.0.0.1:18765',
        'accept-encoding': 'identity',
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'user-agent':
          'aws-cli/1.45.11 md/Botocore#1.43.11 ua/2.1 os/linux#6.18.44-fc-v669 md/arch#x86_64 lang/python#3.11.7 md/pyimpl#CPython m/N,g,Z,D,b cfg/retry-mode#legacy botocore/1.43.11',
        'x-amz-date': '20261127T194924Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=594ad52cd1e4742db9528af0f14de6a9713d6fe8f71136dc8be31672a5e5c502',
        'amz-sdk-invocation-id': 'f3cbc75e-db90-4a40-a7fd-08af601a64ee',
        'amz-sdk-request': 'attempt=1',
        'content-length': '95',
      },
      body: 'Action=CreateUser&Version=2010-05-08&Path=%2Fx+y%2F%C3%BC~%2A%2F&UserName=a%2Bb%3Dc%2Cd.e%40f-g',
    },
  },
  {
    name: 'aws iam list-users --endpoint-url http://127.0.0.1:18765/base%20path/%C3%BC/',
    signedAt: '20261127T194925Z',
    request: {
      method: 'POST',
      path: '/base%20path/%C3%BC/',
      query: '',
      headers: {
        host: '127.0.0.1:18765',
        'accept-encoding': 'identity',
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'user-agent':
          'aws-cli/1.45.11 md/Botocore#1.43.11 ua/2.1 os/linux#6.18.44-fc-v669 md/arch#x86_64 lang/python#3.11.7 md/pyimpl#CPython m/N,b,g,Z,C,D cfg/retry-mode#legacy botocore/1.43.11',
        'x-amz-date': '20261127T194925Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=683f99a06564f019173881df8e0a906e29ca34a4e8f72b1f389c79a7f1f5629b',
        'amz-sdk-invocation-id': 'a1024ce1-315a-427b-98af-1d18b2b89bf9',
        'amz-sdk-request': 'attempt=1',
        'content-length': '35',
      },
      body: 'Action=ListUsers&Version=2010-05-08',
    },
  },
  {
    name: 'aws sts get-caller-identity --region eu-west-1 (temporary credentials)',
    signedAt: '20261127T194925Z',
    request: {
      method: 'POST',
      path: '/',
      query: '',
      headers: {
        host: '127.0.0.1:18765',
        'accept-encoding': 'identity',
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'user-agent':
          'aws-cli/1.45.11 md/Botocore#1.43.11 ua/2.1 os/linux#6.18.44-fc-v669 md/arch#x86_64 lang/python#3.11.7 md/pyimpl#CPython m/b,D,Z,N,g cfg/retry-mode#legacy botocore/1.43.11',
        'x-amz-date': '20261127T194925Z',
        'x-amz-security-token': 'FwoGZXIvYXdzEXAMPLE/token+with=chars',
        authorization:
          'AWS4-HMAC-SHA256 Credential=ASIAIOSFODNN7EXAMPLE/20261127/eu-west-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=db813458ca6336542d97f75e6afc114dbb81737091e1888e7ebd675c4bf50e80',
        'amz-sdk-invocation-id': '8797017e-dcf4-4b78-b296-44cf0a6f6f5f',
        'amz-sdk-request': 'attempt=1',
        'content-length': '43',
      },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    },
  },
  {
    name: 'botocore generate_presigned_url sts get_caller_identity (temporary credentials)',
    signedAt: '20261127T194929Z',
    request: {
      method: 'POST',
      path: '/',
      query:
        'Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20261127%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20261127T194929Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE%2Ftoken%2Bwith%3Dchars&X-Amz-Signature=bac0bda6c3c98996ec4ac85dc34df2361d9643db206ccf663814d7e34c7b1c33',
      headers: {
        'accept-encoding': 'identity',
        host: '127.0.0.1:18765',
        'user-agent': 'Python-urllib/3.11',
        connection: 'close',
      },
      body: '',
    },
  },
  {
    name: 'botocore generate_presigned_url iam list_users PathPrefix="/a b/ü+~*/"',
    signedAt: '20261127T194929Z',
    request: {
      method: 'POST',
      path: '/',
      query:
        'Action=ListUsers&Version=2010-05-08&PathPrefix=%2Fa%20b%2F%C3%BC%2B~%2A%2F&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261127%2Fus-east-1%2Fiam%2Faws4_request&X-Amz-Date=20261127T194929Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=6949aecbbddb2bbfbbd903ef970a5afd319e8d1c3fb927081d3bc8c97c22d5e0',
      headers: {
        'accept-encoding': 'identity',
        host: '127.0.0.1:18765',
        'user-agent': 'Python-urllib/3.11',
        connection: 'close',
      },
      body: '',
    },
  },
];
