import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDump } from './scan.js';

function dump(records: readonly object[], secrets: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamd-scan-'));
  writeFileSync(join(dir, 'records-1.jsonl'), records.map((r) => JSON.stringify(r) + '\n').join(''));
  writeFileSync(join(dir, 'secrets-1.jsonl'), secrets.map((s) => JSON.stringify(s) + '\n').join(''));
  return dir;
}

describe('the suite-wide redaction scanner', () => {
  it('finds a secret planted in a record, at any depth and with JSON escaping', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const dir = dump(
      [{ a: 1 }, { responseElements: { deep: [`x${secret}y`] } }],
      [secret, 'Pa"ss\\word-long-enough'],
    );
    expect(scanDump(dir).leaks).toEqual([{ secret: 'wJal…', file: 'records-1.jsonl', line: 2 }]);
    const escaped = dump([{ p: 'Pa"ss\\word-long-enough' }], ['Pa"ss\\word-long-enough']);
    expect(scanDump(escaped).leaks).toHaveLength(1);
  });

  it('matches short codes only as whole values', () => {
    const dir = dump([{ eventID: 'aa123456bb' }, { code: '123456' }], ['123456']);
    expect(scanDump(dir).leaks.map((l) => l.line)).toEqual([2]);
  });

  it('does not scan for filler values that identify nothing', () => {
    const dir = dump([{ doc: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }], ['x'.repeat(40)]);
    expect(scanDump(dir).leaks).toEqual([]);
  });

  it('reports a clean dump as clean, with what it read', () => {
    const dir = dump([{ a: 'nothing' }, { b: 'here' }], ['secret-value-of-length']);
    expect(scanDump(dir)).toEqual({ records: 2, secrets: 1, leaks: [] });
  });
});
