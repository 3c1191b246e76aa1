import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { parseStoredRecord, type CloudTrailRecord } from './record.js';

const gzipAsync = promisify(gzip);
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** One exported file. */
export interface ExportedFile {
  readonly name: string;
  readonly records: number;
}

/** What an export wrote, and the seqs of the events it left out: rows whose record iamd did not write. */
export interface LogExport {
  readonly files: ExportedFile[];
  readonly unreadable: number[];
}

/**
 * Writes the trail as CloudTrail log files: `{"Records":[…]}`, gzipped, one file per account, region and
 * interval, named as CloudTrail names them (`ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz`, the time
 * being the end of the interval, when CloudTrail would have delivered it). The 16-character unique part is derived
 * from the file's first and last event, so exporting again rewrites the same files rather than adding copies.
 * A row whose record is not a CloudTrail record as iamd writes it (parseStoredRecord) is left out and its seq
 * returned: `iamd audit verify` says what happened to it.
 */
export async function exportLogFiles(
  db: Kysely<Database>,
  outDir: string,
  intervalMs: number,
): Promise<LogExport> {
  await mkdir(outDir, { recursive: true });
  const groups = new Map<
    string,
    { account: string; region: string; end: Date; records: CloudTrailRecord[]; seqs: number[] }
  >();
  const unreadable: number[] = [];
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .select(['seq', 'record', 'event_time'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(1000)
      .execute();
    for (const row of rows) {
      const record = parseStoredRecord(row.record);
      if (record === undefined) {
        unreadable.push(row.seq);
        continue;
      }
      const end = new Date((Math.floor(Date.parse(row.event_time) / intervalMs) + 1) * intervalMs);
      const key = `${record.recipientAccountId}|${record.awsRegion}|${end.getTime()}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { account: record.recipientAccountId, region: record.awsRegion, end, records: [], seqs: [] };
        groups.set(key, group);
      }
      group.records.push(record);
      group.seqs.push(row.seq);
    }
    if (rows.length < 1000) break;
    after = rows[rows.length - 1]!.seq;
  }
  const files: ExportedFile[] = [];
  for (const group of groups.values()) {
    const stamp = group.end.toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
    const name = `${group.account}_CloudTrail_${group.region}_${stamp}_${uniqueString(group.seqs)}.json.gz`;
    await writeFile(join(outDir, name), await gzipAsync(JSON.stringify({ Records: group.records })));
    files.push({ name, records: group.records.length });
  }
  return { files, unreadable };
}

function uniqueString(seqs: readonly number[]): string {
  const digest = createHash('sha256')
    .update(`${seqs[0]}-${seqs.at(-1)}`)
    .digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHANUMERIC[digest[i]! % ALPHANUMERIC.length];
  return out;
}

/** Reads `5m`, `1h`, `30s` or a number of minutes. */
export function parseInterval(text: string): number | undefined {
  const match = /^(\d+)([smh]?)$/.exec(text.trim());
  if (match === null) return undefined;
  const n = Number(match[1]);
  const unit = match[2] === 's' ? 1000 : match[2] === 'h' ? 3600_000 : 60_000;
  return n > 0 ? n * unit : undefined;
}
