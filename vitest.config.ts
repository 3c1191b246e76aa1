import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The suite-wide redaction scan (test/audit-scan): the main run dumps every audit record and every secret the e2e
// tests see here, and `vitest run --config vitest.audit-scan.config.ts` scans them.
process.env['IAMD_TEST_AUDIT_DUMP'] ??= resolve('.audit-dump');

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    globalSetup: ['test/audit-scan/dump-setup.ts'],
  },
});
