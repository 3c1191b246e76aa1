import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadScenario } from '../scenario/load.js';
import { runScenario } from '../scenario/run.js';
import type { CommandIo } from './io.js';

const USAGE = 'usage: iamd simulate --batch FILE [--explain]\n';

/** `iamd simulate --batch FILE`: one JSON line per case; with `expect` fields, a closing count line. */
export async function simulateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { batch: { type: 'string' }, explain: { type: 'boolean', default: false } },
      strict: true,
    }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.batch === undefined) {
    io.stderr.write(USAGE);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(values.batch, 'utf8'));
  } catch (error) {
    io.stderr.write(`${values.batch}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const { scenario, faults: loadFaults } = loadScenario(raw);
  if (loadFaults.length > 0) {
    for (const f of loadFaults)
      io.stderr.write(`${values.batch}: case ${f.caseId ?? '(file)'}: ${f.path}: ${f.message}\n`);
    return 1;
  }
  // The clock for cases that give no `now` (and no aws:CurrentTime): the engine itself never reads it.
  const { results, faults: allFaults } = runScenario(scenario, { explain: values.explain, now: Date.now() });
  if (allFaults.length > 0) {
    for (const f of allFaults)
      io.stderr.write(`${values.batch}: case ${f.caseId ?? '(file)'}: ${f.path}: ${f.message}\n`);
    return 1;
  }
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    io.stdout.write(`${JSON.stringify(result)}\n`);
    if (result.ok === true) passed++;
    if (result.ok === false) failed++;
  }
  if (passed + failed > 0) io.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
