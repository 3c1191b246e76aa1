import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { validatePolicy, type PolicyKind } from '../policy/index.js';
import type { CommandIo } from './io.js';

const USAGE =
  'usage: iamd policy validate [--format text|json] [--kind any|identity|resource|trust|scp|rcp] FILE...\n';
const KINDS = new Set<PolicyKind>(['any', 'identity', 'resource', 'trust', 'scp', 'rcp']);

/** `iamd policy validate FILE…`: prints every fault; exits 1 when any file has one. */
export async function policyValidateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { format: { type: 'string', default: 'text' }, kind: { type: 'string', default: 'any' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const kind = values.kind as PolicyKind;
  if (
    positionals.length === 0 ||
    !KINDS.has(kind) ||
    (values.format !== 'text' && values.format !== 'json')
  ) {
    io.stderr.write(USAGE);
    return 2;
  }
  let failed = false;
  const report: { file: string; findings: { path: string; code: string; message: string }[] }[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      failed = true;
      continue;
    }
    const faults = validatePolicy(text, kind);
    if (faults.length > 0) failed = true;
    report.push({ file, findings: faults.map((f) => ({ path: f.path, code: f.code, message: f.message })) });
  }
  if (values.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const { file, findings } of report) {
      if (findings.length === 0) io.stdout.write(`${file}: valid\n`);
      for (const f of findings) io.stdout.write(`${file}: error ${f.code} at ${f.path}: ${f.message}\n`);
    }
  }
  return failed ? 1 : 0;
}
