import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { ACCOUNT, clients, errorOf, startTestServer } from '../support/server.js';

/** One server per test file, with SDK clients signed by the root key. Fields are set once `beforeAll` ran. */
export interface FileServer {
  server: RunningServer;
  iam: IAMClient;
  sts: STSClient;
}

/**
 * Starts one `iamd serve --dev` for the calling test file and stops it afterwards. Tests in the file share it,
 * so each test names its entities with `unique()` rather than resetting the account.
 */
export function serverForFile(overrides: Parameters<typeof startTestServer>[0] = {}): FileServer {
  const env = {} as FileServer;
  beforeAll(async () => {
    env.server = await startTestServer(overrides);
    Object.assign(env, clients(env.server));
  });
  afterAll(() => env.server.close());
  return env;
}

let counter = 0;

/** A name no other test in the file uses: the prefix, a counter and a random suffix (IAM name characters only). */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}`;
}

/** A policy document with the given statements. */
export function policyDocument(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A permissions policy that allows one action on every resource. */
export function allow(action: string | string[], resource: string | string[] = '*'): string {
  return policyDocument({ Effect: 'Allow', Action: action, Resource: resource });
}

/** A trust policy that lets an AWS service assume the role. */
export function trustService(service = 'ec2.amazonaws.com'): string {
  return policyDocument({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
}

/** The error AWS returns, as the SDK surfaces it: the exception name, the HTTP status and (optionally) the message. */
export interface ExpectedError {
  name: string;
  status: number;
  message?: string | RegExp;
}

/** Runs `fn`, which must fail with the expected SDK exception name, HTTP status and message. */
export async function expectError(fn: () => Promise<unknown>, expected: ExpectedError): Promise<void> {
  const error = await errorOf(fn);
  expect({ name: error.name, status: error.status }).toEqual({
    name: expected.name,
    status: expected.status,
  });
  if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
  else if (expected.message !== undefined) expect(error.message).toMatch(expected.message);
}

/** AWS's unique-id shape: a four-letter prefix and 17 base32 characters. */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}[A-Z2-7]{17}$`);
}

/**
 * A new IAM user with an access key, and SDK clients signed with it; with `policy`, an inline policy too. Without
 * one the user may do nothing but what needs no permission, which gives the operations that have no other common
 * error their AccessDenied case.
 */
export async function userClients(
  env: FileServer,
  policy?: string,
): Promise<{ userName: string; userArn: string; iam: IAMClient; sts: STSClient }> {
  const userName = unique('caller');
  await env.iam.send(new CreateUserCommand({ UserName: userName }));
  if (policy !== undefined)
    await env.iam.send(
      new PutUserPolicyCommand({ UserName: userName, PolicyName: 'p', PolicyDocument: policy }),
    );
  const { AccessKey } = await env.iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const signed = clients(env.server, {
    accessKeyId: AccessKey!.AccessKeyId!,
    secretAccessKey: AccessKey!.SecretAccessKey!,
  });
  return { userName, userArn: `arn:aws:iam::${ACCOUNT}:user/${userName}`, ...signed };
}

/** AWS's AccessDenied for an identity-based implicit deny. */
export function accessDenied(callerArn: string, action: string, resource: string): ExpectedError {
  return {
    name: 'AccessDenied',
    status: 403,
    message: `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  };
}
