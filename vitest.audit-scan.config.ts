import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

process.env['IAMD_TEST_AUDIT_DUMP'] ??= resolve('.audit-dump');

/** The second run of `npm test`: scans the main run's audit records for its secrets (test/audit-scan). */
export default defineConfig({
  test: { include: ['test/audit-scan/**/*.scan.ts'] },
});
