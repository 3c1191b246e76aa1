import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/scenario/run.js';

// The scenario corpus: every case follows an AWS documentation page (its `doc`) and pins the decision.
const dir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
// A fixed clock, so that no case depends on the day the suite runs.
const NOW = Date.parse('2026-06-15T12:00:00Z');

describe.each(files)('%s', (file) => {
  const { scenario, faults: loadFaults } = loadScenario(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  const { results, faults } = runScenario(scenario, { now: NOW, explain: true });

  it('is well formed', () => {
    expect([...loadFaults, ...faults]).toEqual([]);
    for (const c of scenario.cases) {
      expect(c.doc, `case ${c.id} cites no AWS page`).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(c.expect, `case ${c.id} expects nothing`).toBeDefined();
    }
  });

  it.each(scenario.cases.map((c, i) => [c.id, c, results[i]] as const))('%s', (_id, c, result) => {
    expect(result?.decision, JSON.stringify(result)).toBe(c.expect);
  });
});

it('has a corpus of at least 400 cases with unique ids', () => {
  const ids = files.flatMap((f) =>
    loadScenario(JSON.parse(readFileSync(join(dir, f), 'utf8'))).scenario.cases.map((c) => c.id),
  );
  expect(ids.length).toBeGreaterThanOrEqual(400);
  expect(new Set(ids).size).toBe(ids.length);
});
