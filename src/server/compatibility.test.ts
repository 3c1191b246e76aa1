import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compatibilityMarkdown } from './compatibility.js';

it('docs/compatibility.md is the one generated from the models and the operation tables', () => {
  const committed = readFileSync(new URL('../../docs/compatibility.md', import.meta.url), 'utf8');
  expect(committed, 'run `npm run docs` to regenerate it').toBe(compatibilityMarkdown());
});
