import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';

/**
 * The server benchmark: signed IAM and STS requests over loopback, sent by this process to an `iamd serve --dev`
 * running in a child process (so the load generator does not share the server's core). Requests are signed
 * ahead of time and reused, so the figures measure the server: verification, authorization, the operation, XML.
 * With IAMD_BENCH_STORE=file each server keeps its state in a fresh data directory instead, a SQLite file as
 * `npm start` does, so that the figures include the file's writes (the audit trail's above all).
 */

const ROOT = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const CONCURRENCY = Number(process.env['IAMD_BENCH_CONCURRENCY'] ?? 8);
const SECONDS = Number(process.env['IAMD_BENCH_SECONDS'] ?? 6);
/**
 * Each side's seconds per request kind are split into this many rounds, alternating between the two sides. Half a
 * second each: this machine's speed drifts within seconds, and with 3 rounds of 2 s the two sides of the unsigned
 * health check (the same code) still differed by up to a fifth; with 12 they agree within a few percent.
 */
const ROUNDS = Number(process.env['IAMD_BENCH_ROUNDS'] ?? 12);
/** `memory` (`--dev`, the default) or `file` (`--data` on a fresh temporary directory). */
const STORE = process.env['IAMD_BENCH_STORE'] ?? 'memory';

interface Signed {
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface ServerMeasurement {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** Requests per second in each round, in order: a round of one side is compared with the same round of the other. */
  readonly roundRates: readonly number[];
}

/** A server to measure: a build of iamd (its checkout directory) with the audit trail on or off. */
export interface ServerSide {
  readonly dir: string;
  readonly audit: 'on' | 'off';
}

async function startChild(side: ServerSide): Promise<{ child: ChildProcess; url: string }> {
  if (STORE !== 'memory' && STORE !== 'file')
    throw new Error(`IAMD_BENCH_STORE is memory or file, not ${STORE}`);
  const dataDir = STORE === 'file' ? mkdtempSync(join(tmpdir(), 'iamd-bench-')) : undefined;
  const store = dataDir === undefined ? ['--dev'] : ['--data', dataDir];
  const child = spawn(process.execPath, [join(side.dir, 'bin/iamd.js'), 'serve', ...store, '--port', '0'], {
    env: {
      ...process.env,
      IAMD_AUDIT: side.audit,
      IAMD_ROOT_ACCESS_KEY_ID: ROOT.accessKeyId,
      IAMD_ROOT_SECRET_ACCESS_KEY: ROOT.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (dataDir !== undefined) child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`iamd serve exited with ${code}`)));
  });
  return { child, url };
}

async function sign(
  url: URL,
  service: 'iam' | 'sts',
  credentials: typeof ROOT & { sessionToken?: string },
  body: string,
): Promise<Signed> {
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  return { headers: signed.headers as Record<string, string>, body };
}

function send(url: URL, agent: Agent, item: Signed | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: item ? '/' : '/_iamd/health',
        method: item ? 'POST' : 'GET',
        headers: item?.headers,
        agent,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(item?.body);
  });
}

/** What one side's rounds of one request kind have gathered. */
interface Tally {
  readonly latencies: number[];
  readonly roundRates: number[];
  seconds: number;
  errors: number;
}

/** Sends the pool's requests to `url` for `seconds`, with CONCURRENCY in flight, adding to the tally. */
async function drive(
  url: URL,
  pool: readonly (Signed | undefined)[],
  seconds: number,
  tally: Tally,
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  const before = tally.latencies.length;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const item = pool[next++ % pool.length];
        const t = performance.now();
        const status = await send(url, agent, item);
        tally.latencies.push(performance.now() - t);
        if (status !== 200) tally.errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  tally.seconds += elapsed;
  tally.roundRates.push((tally.latencies.length - before) / elapsed);
  agent.destroy();
}

function measurement(name: string, tally: Tally): ServerMeasurement {
  const latencies = tally.latencies.sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: latencies.length / tally.seconds,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    errors: tally.errors,
    roundRates: tally.roundRates,
  };
}

/** A started, set-up server and the signed requests of each kind to send it. */
interface PreparedServer {
  readonly url: URL;
  readonly kinds: readonly (readonly [string, readonly (Signed | undefined)[]])[];
  readonly child: ChildProcess;
}

/** The results of both servers, per request kind. */
export interface ServerComparison {
  readonly on: ServerMeasurement[];
  readonly off: ServerMeasurement[];
}

/**
 * Starts two servers, `on` and `off` (by default this build with the audit trail on, and with it off:
 * IAMD_AUDIT=off), sets each up the same way, then measures each request kind on both, in rounds that alternate
 * between the sides, so that load from elsewhere on the machine, and its drift, affects both sides of each ratio
 * alike.
 */
export async function benchServer(
  sides: { readonly on: ServerSide; readonly off: ServerSide } = {
    on: { dir: '.', audit: 'on' },
    off: { dir: '.', audit: 'off' },
  },
): Promise<ServerComparison> {
  const off = await prepareServer(sides.off);
  try {
    const on = await prepareServer(sides.on);
    try {
      const result: ServerComparison = { on: [], off: [] };
      for (let i = 0; i < on.kinds.length; i++) {
        const [name, items] = on.kinds[i]!;
        const offTally: Tally = { latencies: [], roundRates: [], seconds: 0, errors: 0 };
        const onTally: Tally = { latencies: [], roundRates: [], seconds: 0, errors: 0 };
        for (let round = 0; round < ROUNDS; round++) {
          await drive(off.url, off.kinds[i]![1], SECONDS / ROUNDS, offTally);
          await drive(on.url, items, SECONDS / ROUNDS, onTally);
        }
        result.off.push(measurement(name, offTally));
        result.on.push(measurement(name, onTally));
      }
      return result;
    } finally {
      on.child.kill('SIGTERM');
    }
  } finally {
    off.child.kill('SIGTERM');
  }
}

/** Starts a server, sets up a user and a role, and signs the requests of each kind. */
async function prepareServer(side: ServerSide): Promise<PreparedServer> {
  const { child, url: endpoint } = await startChild(side);
  try {
    const url = new URL(endpoint);
    const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials: ROOT });
    await iam.send(new CreateUserCommand({ UserName: 'bench' }));
    const readPolicy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'sts:AssumeRole'], Resource: '*' }],
    };
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'bench',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify(readPolicy),
      }),
    );
    for (let i = 0; i < 50; i++) await iam.send(new CreateUserCommand({ UserName: `user-${i}` }));
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:user/bench' },
          Action: 'sts:AssumeRole',
        },
      ],
    };
    await iam.send(
      new CreateRoleCommand({ RoleName: 'bench-role', AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'bench' }));
    const user = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
    const pool = async (service: 'iam' | 'sts', body: string, count = 200) =>
      Promise.all(Array.from({ length: count }, () => sign(url, service, user, body)));
    const kinds: [string, (Signed | undefined)[]][] = [
      ['GET /_iamd/health (unsigned baseline)', [undefined]],
      ['iam:GetUser (signed read)', await pool('iam', 'Action=GetUser&UserName=user-7&Version=2010-05-08')],
      ['iam:ListUsers (signed read, 51 users)', await pool('iam', 'Action=ListUsers&Version=2010-05-08')],
      ['sts:GetCallerIdentity', await pool('sts', 'Action=GetCallerIdentity&Version=2011-06-15')],
      [
        'sts:AssumeRole (writes a session)',
        await pool(
          'sts',
          'Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fbench-role&RoleSessionName=bench&Version=2011-06-15',
        ),
      ],
    ];
    return { url, kinds, child };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
}
