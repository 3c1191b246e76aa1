import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A secret found in a record. */
export interface Leak {
  /** The secret, shortened so that the report does not spread it further. */
  readonly secret: string;
  readonly file: string;
  readonly line: number;
}

/** What a scan read and found. */
export interface ScanResult {
  readonly records: number;
  readonly secrets: number;
  readonly leaks: readonly Leak[];
}

/** Secrets shorter than this (6-digit MFA codes) are matched only as a whole JSON string, not inside others. */
const SHORT = 12;
/**
 * Values with fewer distinct characters than this (`xxxx…`, `aaaa`) identify nothing: tests use them as filler in
 * other fields too, so they are not scanned for.
 */
const MIN_DISTINCT = 5;

/**
 * Scans every record file (`records-*.jsonl`) in a dump directory for every secret in its secret files
 * (`secrets-*.jsonl`, one JSON string a line), as test/e2e/support/audit-dump.ts writes them.
 */
export function scanDump(dir: string): ScanResult {
  const files = readdirSync(dir);
  const secrets = new Set<string>();
  for (const file of files.filter((f) => f.startsWith('secrets-'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line !== '') secrets.add(JSON.parse(line) as string);
    }
  }
  // As they would appear inside a JSON record.
  const needles = [...secrets]
    .filter((s) => new Set(s).size >= MIN_DISTINCT)
    .map((s) => {
      const escaped = JSON.stringify(s).slice(1, -1);
      return s.length < SHORT ? { secret: s, text: `"${escaped}"` } : { secret: s, text: escaped };
    });
  const leaks: Leak[] = [];
  let records = 0;
  for (const file of files.filter((f) => f.startsWith('records-'))) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line === '') return;
      records++;
      for (const needle of needles) {
        if (line.includes(needle.text))
          leaks.push({ secret: `${needle.secret.slice(0, 4)}…`, file, line: i + 1 });
      }
    });
  }
  return { records, secrets: secrets.size, leaks };
}
