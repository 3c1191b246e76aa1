import { mkdirSync, rmSync } from 'node:fs';

/** Global setup of the main run: a fresh, empty dump directory for the suite-wide redaction scan. */
export default function setup(): void {
  const dir = process.env['IAMD_TEST_AUDIT_DUMP'];
  if (dir === undefined || dir === '') return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
