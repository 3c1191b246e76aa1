import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The suite-wide redaction scan (test/audit-scan): the main run dumps every audit record and every secret the e2e
// tests see here, and `vitest run --config vitest.audit-scan.config.ts` scans them.
process.env['IAMD_TEST_AUDIT_DUMP'] ??= resolve('.audit-dump');
// The AWS SDK (a dev dependency: the tests' and the benchmark's client) warns once per test file that its versions
// published after January 2027 will need Node 22. package-lock.json pins versions that run on Node 20, and the
// warning, printed 170 times, buried the failures in CI's log.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    globalSetup: ['test/audit-scan/dump-setup.ts'],
  },
});
