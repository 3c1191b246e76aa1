import {
  compilePolicyOrThrow,
  createPolicySet,
  createRequest,
  evaluate,
  PreparedPrincipal,
  type AuthorizationRequest,
  type CompiledPolicy,
  type PolicySet,
} from '../policy/index.js';
import { clockOverheadMicros, measure, throughput, type Measurement } from './measure.js';
import { passwordTable } from './password.js';
import { Random } from './random.js';
import { lookupTable } from './lookup.js';
import { benchServer, type ServerMeasurement } from './server.js';
import { printTotpTable } from './totp.js';
import { ACCOUNT, mixedPolicy, OTHER_ACCOUNT, randomRequest, userArn, USERS, type Doc } from './workloads.js';

/**
 * `npm run bench`: the policy engine's throughput and latency on three workloads, each beside a baseline that
 * parses and compiles the policies for every request (what an interpreting evaluator does).
 */

interface Job {
  readonly set: PolicySet;
  readonly request: AuthorizationRequest;
  readonly docs: { identity: Doc[]; boundary?: Doc; resource?: Doc };
}

function decide(job: Job): unknown {
  return evaluate(job.set, job.request).decision;
}

function decideFromScratch(job: Job): unknown {
  const set = createPolicySet({
    identity: job.docs.identity.map((d, i) => compilePolicyOrThrow(d, `p${i}`)),
    boundary: job.docs.boundary && compilePolicyOrThrow(job.docs.boundary, 'boundary'),
    resource: job.docs.resource && compilePolicyOrThrow(job.docs.resource, 'resource'),
  });
  return evaluate(set, job.request).decision;
}

/** (a) One principal, 10 policies of 10 statements, 10,000 requests. */
function workloadA(): Job[] {
  const rnd = new Random(1);
  const docs = Array.from({ length: 10 }, () => mixedPolicy(rnd, 10));
  const set = createPolicySet({ identity: docs.map((d, i) => compilePolicyOrThrow(d, `policy-${i}`)) });
  const alice = new PreparedPrincipal({ arn: userArn('alice'), tags: { team: 'blue' } });
  return Array.from({ length: 10_000 }, () => ({
    set,
    docs: { identity: docs },
    request: createRequest(randomRequest(rnd, alice)),
  }));
}

/** (b) 1,000 principals sharing 200 managed policies (5 to 10 each). */
function workloadB(): Job[] {
  const rnd = new Random(2);
  const docs = Array.from({ length: 200 }, () => mixedPolicy(rnd, 1 + rnd.int(8)));
  const compiled: CompiledPolicy[] = docs.map((d, i) => compilePolicyOrThrow(d, `managed-${i}`));
  const principals = Array.from({ length: 1000 }, (_, i) => {
    const picks = Array.from({ length: 5 + rnd.int(6) }, () => rnd.int(200));
    return {
      principal: new PreparedPrincipal({
        arn: userArn(`user-${i}`),
        tags: { team: rnd.pick(['blue', 'red', 'green']) },
      }),
      set: createPolicySet({ identity: picks.map((p) => compiled[p]!) }),
      docs: picks.map((p) => docs[p]!),
    };
  });
  return Array.from({ length: 20_000 }, () => {
    const p = rnd.pick(principals);
    return {
      set: p.set,
      docs: { identity: p.docs },
      request: createRequest(randomRequest(rnd, p.principal)),
    };
  });
}

/** (c) Identity policy, permissions boundary and resource policy together, same- and cross-account. */
function workloadC(): Job[] {
  const rnd = new Random(3);
  const identity = [mixedPolicy(rnd, 10)];
  const boundary: Doc = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:*', 'dynamodb:*', 'sqs:*', 'kms:*', 'logs:*', 'ec2:Describe*'],
        Resource: '*',
      },
      { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
    ],
  };
  const resource: Doc = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, `arn:aws:iam::${OTHER_ACCOUNT}:user/alice`] },
        Action: ['s3:Get*', 's3:List*', 'sqs:*', 'kms:Decrypt'],
        Resource: '*',
      },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: '*',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
        Action: 'dynamodb:Query',
        Resource: '*',
      },
    ],
  };
  const set = createPolicySet({
    identity: identity.map((d) => compilePolicyOrThrow(d, 'identity')),
    boundary: compilePolicyOrThrow(boundary, 'boundary'),
    resource: compilePolicyOrThrow(resource, 'resource'),
  });
  const prepare = (account: string) =>
    USERS.map((u) => new PreparedPrincipal({ arn: userArn(u, account), tags: { team: 'red' } }));
  const insiders = prepare(ACCOUNT);
  const outsiders = prepare(OTHER_ACCOUNT);
  return Array.from({ length: 10_000 }, (_, i) => {
    const cross = i % 2 === 1;
    const principal = rnd.pick(cross ? outsiders : insiders);
    return {
      set,
      docs: { identity, boundary, resource },
      request: createRequest(randomRequest(rnd, principal, ACCOUNT)),
    };
  });
}

function compileTimeMicros(): number {
  const rnd = new Random(4);
  const sets = Array.from({ length: 200 }, () => Array.from({ length: 10 }, () => mixedPolicy(rnd, 10)));
  const compileSet = (docs: Doc[]) =>
    createPolicySet({ identity: docs.map((d, i) => compilePolicyOrThrow(d, `p${i}`)) });
  throughput(sets, compileSet, 2);
  return 1e6 / throughput(sets, compileSet, 5);
}

/** Timed samples per engine workload; the table gives their median and their range. */
const ENGINE_SAMPLES = 7;

function perSecond(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function row(m: Measurement, baseline: Measurement): string {
  const ratio = m.decisionsPerSecond / baseline.decisionsPerSecond;
  return [
    m.name.padEnd(34),
    perSecond(m.decisionsPerSecond).padStart(12),
    `${perSecond(m.slowestPerSecond)}–${perSecond(m.fastestPerSecond)}`.padStart(21),
    m.p50Micros.toFixed(2).padStart(8),
    m.p99Micros.toFixed(2).padStart(8),
    Math.round(baseline.decisionsPerSecond).toLocaleString('en-US').padStart(12),
    `${ratio.toFixed(0)}x`.padStart(7),
  ].join('  ');
}

async function main(): Promise<void> {
  if (process.argv.includes('--server-only')) {
    await serverTable();
    return;
  }
  if (process.argv.includes('--lookup-only')) {
    await lookupTable();
    return;
  }
  if (process.argv.includes('--totp-only')) {
    printTotpTable();
    return;
  }
  if (process.argv.includes('--password-only')) {
    await passwordTable();
    return;
  }
  const results: { workload: string; engine: Measurement; baseline: Measurement }[] = [];
  const workloads: [string, () => Job[]][] = [
    ['(a) 1 principal, 10x10 statements', workloadA],
    ['(b) 1,000 principals, 200 policies', workloadB],
    ['(c) identity+boundary+resource', workloadC],
  ];
  for (const [name, build] of workloads) {
    const jobs = build();
    const engine = measure(name, jobs, decide, 10, ENGINE_SAMPLES);
    const baseline = measure(`${name} (baseline)`, jobs.slice(0, 2000), decideFromScratch, 2);
    results.push({ workload: name, engine, baseline });
  }
  const compileMicros = compileTimeMicros();
  const header = [
    'workload'.padEnd(34),
    'decisions/s'.padStart(12),
    `range of ${ENGINE_SAMPLES} samples`.padStart(21),
    'p50 µs'.padStart(8),
    'p99 µs'.padStart(8),
    'baseline/s'.padStart(12),
    'ratio'.padStart(7),
  ];
  console.log(
    `node ${process.version}, single thread; decisions/s is the median of ${ENGINE_SAMPLES} timed samples; ` +
      'baseline = parse and compile every policy for every request',
  );
  console.log(header.join('  '));
  for (const r of results) console.log(row(r.engine, r.baseline));
  console.log(`compile a 10-policy set (100 statements): ${compileMicros.toFixed(1)} µs`);
  console.log(`clock overhead included in each latency sample: ${clockOverheadMicros().toFixed(3)} µs`);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ results, compileMicros }));
  }
  if (process.argv.includes('--engine-only')) return;
  console.log('');
  printTotpTable();
  console.log('');
  await passwordTable();
  console.log('');
  await serverTable();
  console.log('');
  await lookupTable();
}

async function serverTable(): Promise<void> {
  const serve =
    process.env['IAMD_BENCH_STORE'] === 'file' ? 'iamd serve --data <fresh directory>' : 'iamd serve --dev';
  console.log(`server: signed requests over loopback from this process to \`${serve}\` in a child process`);
  // The audit trail costs every request an event; measured side by side with it off (IAMD_AUDIT=off).
  const { on: server, off } = await benchServer();
  printServerTable(server, off, ['audit off', 'on/off']);
  const baselineDir = argumentOf('--baseline');
  if (baselineDir === undefined) return;
  // Another build (say, the commit before a change), side by side with this one, both with the audit trail off.
  console.log('');
  console.log(`server: this build vs the build in ${baselineDir}, both with IAMD_AUDIT=off`);
  const versus = await benchServer({
    on: { dir: '.', audit: 'off' },
    off: { dir: baselineDir, audit: 'off' },
  });
  printServerTable(versus.on, versus.off, ['baseline', 'ratio']);
}

/** The value after a flag (`--baseline DIR`), if given. */
function argumentOf(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i < 0 ? undefined : process.argv[i + 1];
}

/**
 * The ratio of each round of one side to the same round of the other (they ran one after the other), as its median
 * and interquartile range: how far apart the rounds were, which the pooled ratio does not show.
 */
function roundSpread(side: readonly number[], other: readonly number[]): string {
  const ratios = side.map((rate, i) => (rate / other[i]!) * 100).sort((a, b) => a - b);
  if (ratios.length === 0) return '-';
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!.toFixed(0);
  return `${at(0.5)}%, ${at(0.25)}-${at(0.75)}%`;
}

function printServerTable(
  server: readonly ServerMeasurement[],
  off: readonly ServerMeasurement[],
  [offLabel, ratioLabel]: readonly [string, string],
): void {
  const baseline = server[0]!;
  console.log(
    [
      'request'.padEnd(40),
      'req/s'.padStart(9),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'errors'.padStart(7),
      'vs health'.padStart(10),
      offLabel.padStart(10),
      ratioLabel.padStart(7),
      'rounds: median, IQR'.padStart(21),
    ].join('  '),
  );
  server.forEach((m, i) => {
    const without = off[i]!;
    console.log(
      [
        m.name.padEnd(40),
        Math.round(m.requestsPerSecond).toLocaleString('en-US').padStart(9),
        m.p50Ms.toFixed(2).padStart(8),
        m.p99Ms.toFixed(2).padStart(8),
        String(m.errors).padStart(7),
        `${((m.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(0)}%`.padStart(10),
        Math.round(without.requestsPerSecond).toLocaleString('en-US').padStart(10),
        `${((m.requestsPerSecond / without.requestsPerSecond) * 100).toFixed(0)}%`.padStart(7),
        roundSpread(m.roundRates, without.roundRates).padStart(21),
      ].join('  '),
    );
  });
}

await main();
