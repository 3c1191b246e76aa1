import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateUserCommand, IAMClient, ListUsersCommand, paginateListUsers } from '@aws-sdk/client-iam';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { ROOT } from '../support/server.js';

/**
 * Durability: `iamd serve --data DIR` is killed (SIGKILL) in the middle of a burst of concurrent CreateUser calls,
 * and of reads, whose events are appended in batches between the changes' own (audit-trail.ts). After a restart
 * every user that exists has its CreateUser event, every CreateUser success event names a user that exists, and
 * `iamd audit verify` accepts the trail. Then an edited and a deleted event make it fail, naming them, and `iamd audit
 * export` leaves out a row rewritten to hold no record, naming it. Needs dist/ (npm test builds it first).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'iamd-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

async function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/iamd.js', 'serve', '--data', dataDir, '--port', '0'], {
    env: {
      ...process.env,
      IAMD_ROOT_ACCESS_KEY_ID: ROOT.accessKeyId,
      IAMD_ROOT_SECRET_ACCESS_KEY: ROOT.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
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

/** Runs `iamd` in this process: `out` holds both streams in order, `err` the standard error alone. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => ((err += t), (out += t)) },
  };
  const code = await main(args, io);
  return { code, out, err };
}

/** The records of each file that `iamd audit export` wrote, by the counts it printed. */
async function exportRecords(): Promise<{ code: number; err: string; total: number }> {
  const out = mkdtempSync(join(tmpdir(), 'iamd-export-'));
  const exported = await cli('audit', 'export', '--out', out, '--interval', '5m', '--data', dataDir);
  let total = 0;
  for (const [, name, count] of exported.out.matchAll(/(\S+\.json\.gz) {2}(\d+) records/g)) {
    const file = JSON.parse(gunzipSync(readFileSync(name!)).toString('utf8')) as { Records: unknown[] };
    expect(file.Records).toHaveLength(Number(count));
    total += file.Records.length;
  }
  return { code: exported.code, err: exported.err, total };
}

function database(): BetterSqlite3.Database {
  return new BetterSqlite3(join(dataDir, 'iamd.sqlite'));
}

describe('audit durability across a crash', () => {
  it('a killed server leaves every change with its event and a trail that verifies', async () => {
    expect(existsSync('dist/cli/main.js'), 'build first: npm run build').toBe(true);
    const first = await serve();
    const iam = new IAMClient({
      endpoint: first.url,
      region: 'us-east-1',
      credentials: ROOT,
      maxAttempts: 1,
    });
    let answered = 0;
    const killed = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
    const burst = Array.from({ length: 300 }, (_, i) =>
      iam
        .send(new CreateUserCommand({ UserName: `crash-${i}` }))
        .then(() => {
          if (++answered === 60) first.child.kill('SIGKILL'); // mid-burst
        })
        .catch(() => undefined),
    );
    const reads = Array.from({ length: 300 }, () =>
      iam.send(new ListUsersCommand({ MaxItems: 1 })).catch(() => undefined),
    );
    await Promise.all([...burst, ...reads]);
    await killed;
    expect(answered).toBeGreaterThanOrEqual(60);
    expect(answered).toBeLessThan(300); // the kill did cut the burst

    const second = await serve();
    const after = new IAMClient({
      endpoint: second.url,
      region: 'us-east-1',
      credentials: ROOT,
      maxAttempts: 1,
    });
    const users = new Set<string>();
    for await (const page of paginateListUsers({ client: after }, {}))
      for (const u of page.Users ?? []) users.add(u.UserName!);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));

    const db = database();
    const created = (db.prepare('select record from audit_events').all() as { record: string }[]).filter(
      (r) => {
        const record = JSON.parse(r.record) as { eventName: string; errorCode?: string };
        return record.eventName === 'CreateUser' && record.errorCode === undefined;
      },
    );
    db.close();
    const evented = new Set(
      created.map(
        (r) =>
          (JSON.parse(r.record) as { requestParameters: { userName: string } }).requestParameters.userName,
      ),
    );
    expect(users.size).toBeGreaterThanOrEqual(60);
    expect([...users].filter((u) => !evented.has(u))).toEqual([]); // no change without its event
    expect([...evented].filter((u) => !users.has(u))).toEqual([]); // no event for a change that did not commit
    expect(evented.size).toBe(created.length);

    const verified = await cli('audit', 'verify', '--data', dataDir);
    expect(verified.out).toMatch(/^OK: \d+ events/m);
    expect(verified.code).toBe(0);
  }, 60_000);

  it('verify names an edited event and a deleted one', async () => {
    const db = database();
    const [edited, deleted] = db
      .prepare(
        "select seq, json_extract(record, '$.eventID') as event_id from audit_events order by seq limit 2 offset 10",
      )
      .all() as {
      seq: number;
      event_id: string;
    }[];
    db.prepare("update audit_events set record = replace(record, '127.0.0.1', '10.9.9.9') where seq = ?").run(
      edited!.seq,
    );
    let result = await cli('audit', 'verify', '--data', dataDir);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`MODIFIED  seq ${edited!.seq}  event ${edited!.event_id}`);
    db.prepare('delete from audit_events where seq = ?').run(deleted!.seq);
    db.close();
    result = await cli('audit', 'verify', '--data', dataDir);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`DELETED  seq ${deleted!.seq}:`);
  });

  it('tail, search and export read the same trail', async () => {
    const tail = await cli('audit', 'tail', '-n', '3', '--data', dataDir, '--format', 'json');
    expect(tail.code).toBe(0);
    const lines = tail.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ eventVersion: '1.08', eventType: 'AwsApiCall' });
    const search = await cli(
      'audit',
      'search',
      '--event-name',
      'ListUsers',
      '--read-only',
      'true',
      '--data',
      dataDir,
    );
    expect(search.code).toBe(0);
    expect(
      search.out
        .trim()
        .split('\n')
        .every((l) => l.includes('ListUsers')),
    ).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'iamd-export-'));
    const exported = await cli('audit', 'export', '--out', out, '--interval', '5m', '--data', dataDir);
    expect(exported.code).toBe(0);
    const match =
      /(123456789012_CloudTrail_us-east-1_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz) {2}(\d+) records/.exec(
        exported.out,
      );
    expect(match).not.toBeNull();
    const file = JSON.parse(gunzipSync(readFileSync(join(out, match![1]!))).toString('utf8')) as {
      Records: unknown[];
    };
    expect(file.Records).toHaveLength(Number(match![2]));
    expect(file.Records[0]).toMatchObject({ eventVersion: '1.08', recipientAccountId: '123456789012' });
  });

  it('export leaves out a row that holds no CloudTrail record, names its seq on stderr, and exits 0', async () => {
    const before = await exportRecords();
    expect(before).toMatchObject({ code: 0, err: '' });
    const db = database();
    const { seq } = db.prepare('select seq from audit_events order by seq limit 1 offset 20').get() as {
      seq: number;
    };
    db.prepare("update audit_events set record = 'null' where seq = ?").run(seq);
    db.close();
    const after = await exportRecords();
    expect(after.code).toBe(0);
    expect(after.total).toBe(before.total - 1);
    expect(after.err).toContain(`left out 1 event(s) whose record is not a CloudTrail record (seq ${seq})`);
  });
});
