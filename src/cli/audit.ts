import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { digestSignerFor } from '../audit/digest-signer.js';
import {
  eventLine,
  findEvents,
  followEvents,
  newestSeq,
  type EventFilter,
  type StoredEvent,
} from '../audit/event-query.js';
import { exportLogFiles, parseInterval } from '../audit/export-files.js';
import { verifyTrail } from '../audit/verify.js';
import { MASTER_KEY_ENV, MASTER_KEY_FILE, loadMasterKey } from '../auth/master-key.js';
import { openStoreAt, sqliteFileOf, type StoreLocation } from '../store/open.js';
import type { Store } from '../store/store.js';
import type { CommandIo } from './io.js';

const USAGE = `usage: iamd audit <command> [--data DIR | --database-url URL]

commands:
  verify                      recompute the hash chain and the signed digests
  tail [-n N] [--follow] [--format text|json]
  search [--event-name X] [--user U] [--access-key-id K] [--start T] [--end T]
         [--read-only true|false] [-n N] [--format text|json]
  export --out DIR [--interval 5m]   write CloudTrail log files (.json.gz)
`;

const STORE_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
} as const;

/** `iamd audit …`: reads the trail of a data directory or database (a server may be running on it). */
export async function auditCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  const env = process.env;
  try {
    switch (sub) {
      case 'verify':
        return await verifyCommand(rest, io, env);
      case 'tail':
        return await listCommand(rest, io, env, 'tail');
      case 'search':
        return await listCommand(rest, io, env, 'search');
      case 'export':
        return await exportCommand(rest, io, env);
      default:
        io.stderr.write(USAGE);
        return 2;
    }
  } catch (error) {
    io.stderr.write(`iamd audit: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function where(values: { data?: string; 'database-url'?: string }, env: NodeJS.ProcessEnv): StoreLocation {
  return {
    dataDir: values.data ?? env['IAMD_DATA'] ?? './iamd-data',
    databaseUrl: values['database-url'] ?? env['IAMD_DATABASE_URL'],
  };
}

async function openTrailStore(at: StoreLocation): Promise<Store> {
  const file = sqliteFileOf(at);
  if (file !== undefined) {
    await access(file).catch(() => {
      throw new Error(`no iamd database at ${file} (give --data DIR or --database-url URL)`);
    });
  }
  return openStoreAt(at);
}

async function withStore<T>(at: StoreLocation, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openTrailStore(at);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function verifyCommand(
  args: readonly string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: STORE_OPTIONS, strict: true });
  const at = where(values, env);
  if ((env[MASTER_KEY_ENV] ?? '').trim() === '') {
    // Never generate a key here: a new key would make every digest look forged.
    await access(join(at.dataDir, MASTER_KEY_FILE)).catch(() => {
      throw new Error(
        `no master key: set ${MASTER_KEY_ENV} or give the --data directory that holds ${MASTER_KEY_FILE}`,
      );
    });
  }
  const { key } = await loadMasterKey({ env, dataDir: at.dataDir });
  const report = await withStore(at, (store) => verifyTrail(store.db, digestSignerFor(key)));
  for (const p of report.problems) {
    const seqs = p.toSeq !== undefined && p.toSeq !== p.seq ? `${p.seq}..${p.toSeq}` : String(p.seq);
    io.stdout.write(
      `${p.kind.toUpperCase()}  seq ${seqs}${p.eventId ? `  event ${p.eventId}` : ''}: ${p.detail}\n`,
    );
  }
  const range = report.firstSeq === undefined ? 'no events' : `seq ${report.firstSeq}..${report.lastSeq}`;
  io.stdout.write(
    `${report.problems.length === 0 ? 'OK' : 'FAILED'}: ${report.events} events (${range}), ${report.digests} signed digests, ` +
      `${report.problems.length} problems\n`,
  );
  return report.problems.length === 0 ? 0 : 1;
}

async function listCommand(
  args: readonly string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv,
  mode: 'tail' | 'search',
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...STORE_OPTIONS,
      n: { type: 'string', short: 'n' },
      follow: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      'event-name': { type: 'string' },
      user: { type: 'string' },
      'access-key-id': { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      'read-only': { type: 'string' },
    },
    strict: true,
  });
  const limit = Number(values.n ?? (mode === 'tail' ? '20' : '1000'));
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`\`${values.n}\` is not a count`);
  if (values.format !== 'text' && values.format !== 'json') throw new Error('--format is text or json');
  const time = (text: string | undefined) => {
    if (text === undefined) return undefined;
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) throw new Error(`\`${text}\` is not an ISO 8601 time`);
    return date;
  };
  const readOnly = values['read-only'];
  if (readOnly !== undefined && readOnly !== 'true' && readOnly !== 'false')
    throw new Error('--read-only is true or false');
  const filter: EventFilter = {
    eventName: values['event-name'],
    username: values.user,
    accessKeyId: values['access-key-id'],
    start: time(values.start),
    end: time(values.end),
    readOnly: readOnly === undefined ? undefined : readOnly === 'true',
  };
  const print = (events: readonly StoredEvent[]) => {
    for (const e of events)
      io.stdout.write(`${values.format === 'json' ? JSON.stringify(e.record) : eventLine(e)}\n`);
  };
  return withStore(where(values, env), async (store) => {
    const follow = mode === 'tail' && values.follow;
    // Following starts after the head as it is now, which the first page ends at.
    const head = follow ? await newestSeq(store.db) : undefined;
    print(await findEvents(store.db, { ...filter, upToSeq: head }, limit, mode === 'tail'));
    if (head === undefined) return 0;
    const stop = new AbortController();
    const abort = () => stop.abort();
    process.once('SIGINT', abort);
    process.once('SIGTERM', abort);
    try {
      await followEvents(store.db, filter, head, print, stop.signal);
    } finally {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    }
    return 0;
  });
}

async function exportCommand(
  args: readonly string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { ...STORE_OPTIONS, out: { type: 'string' }, interval: { type: 'string', default: '5m' } },
    strict: true,
  });
  if (values.out === undefined) throw new Error('--out DIR is required');
  const interval = parseInterval(values.interval);
  if (interval === undefined) throw new Error(`\`${values.interval}\` is not an interval (like 5m, 1h, 30s)`);
  const out = values.out;
  const { files, unreadable } = await withStore(where(values, env), (store) =>
    exportLogFiles(store.db, out, interval),
  );
  for (const f of files) io.stdout.write(`${join(out, f.name)}  ${f.records} records\n`);
  if (unreadable.length > 0) {
    const seqs = unreadable.slice(0, 10).join(', ') + (unreadable.length > 10 ? ', …' : '');
    io.stderr.write(
      `iamd audit export: left out ${unreadable.length} event(s) whose record is not a CloudTrail record ` +
        `(seq ${seqs}); \`iamd audit verify\` reports them\n`,
    );
  }
  return 0;
}
