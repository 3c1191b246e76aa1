import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanDump } from './scan.js';

/**
 * Run after the main suite (`npm test`): every audit record any e2e test server wrote, scanned for every secret
 * any e2e SDK client sent or received. See test/e2e/support/audit-dump.ts.
 */
describe('the audit trail of the whole test suite', () => {
  it('contains none of the secrets the suite created', () => {
    const dir = process.env['IAMD_TEST_AUDIT_DUMP'];
    expect(dir, 'IAMD_TEST_AUDIT_DUMP must name the main run’s dump directory').toBeTruthy();
    expect(existsSync(dir!), `no dump at ${dir}: run the main suite first`).toBe(true);
    const result = scanDump(dir!);
    // A scan of nothing proves nothing: the suite makes well over a thousand calls, many with secrets.
    expect(result.records).toBeGreaterThan(500);
    expect(result.secrets).toBeGreaterThan(50);
    expect(result.leaks).toEqual([]);
  });
});
