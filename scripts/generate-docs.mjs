#!/usr/bin/env node
// Writes the generated parts of docs/ from the built code (run `npm run build` first; `npm run docs` does both).
import { writeFileSync } from 'node:fs';
import { compatibilityMarkdown } from '../dist/server/compatibility.js';

writeFileSync(new URL('../docs/compatibility.md', import.meta.url), compatibilityMarkdown());
console.log('docs/compatibility.md written');
