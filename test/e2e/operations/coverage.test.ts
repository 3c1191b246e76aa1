import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IAM_OPERATIONS } from '../../../src/iam/operations.js';
import { STS_OPERATIONS } from '../../../src/sts/operations.js';

// Every operation iamd implements must be sent through the SDK by some test in this directory. A test sends an
// operation by constructing its command (`new CreateUserCommand(`), so the command names found in the test
// sources are the operations exercised; a skipped, focused or conditional test could hide some, so none is allowed.
const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here)
  .filter((file) => file.endsWith('.test.ts') && file !== 'coverage.test.ts')
  .map((file) => ({ file, text: readFileSync(join(here, file), 'utf8') }));

const sent = new Set(
  sources.flatMap(({ text }) => [...text.matchAll(/\bnew (\w+)Command\(/g)].map((m) => m[1]!)),
);

describe('operation coverage of test/e2e/operations', () => {
  it('finds the test files', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each([
    ['IAM', Object.keys(IAM_OPERATIONS)],
    ['STS', Object.keys(STS_OPERATIONS)],
  ])('sends every implemented %s operation', (_service, operations) => {
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.filter((operation) => !sent.has(operation))).toEqual([]);
  });

  it('skips, focuses or defers no test', () => {
    const hidden = sources.filter(({ text }) =>
      /\b(?:it|test|describe)\.(?:skip|only|todo|fails|skipIf|runIf)\b/.test(text),
    );
    expect(hidden.map(({ file }) => file)).toEqual([]);
  });
});
