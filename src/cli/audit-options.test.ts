import { describe, expect, it } from 'vitest';
import { auditCommand } from './audit.js';
import { serveOptions } from './serve.js';

function io() {
  let out = '';
  return {
    io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) } },
    text: () => out,
  };
}

describe('the audit options of iamd serve', () => {
  it('keeps 90 days by default, as CloudTrail event history does; the flag and IAMD_AUDIT_RETENTION_DAYS set it', () => {
    expect(serveOptions([], {})).toMatchObject({ audit: true, auditRetentionDays: 90 });
    expect(serveOptions(['--audit-retention-days', '7'], {})).toMatchObject({ auditRetentionDays: 7 });
    expect(serveOptions([], { IAMD_AUDIT_RETENTION_DAYS: '30' })).toMatchObject({ auditRetentionDays: 30 });
    expect(serveOptions(['--audit-retention-days', '0'], {})).toBe(
      '`0` is not a number of days (a whole number, at least 1)',
    );
  });

  it('IAMD_AUDIT=off turns the trail off; any other value than on or off is refused', () => {
    expect(serveOptions([], { IAMD_AUDIT: 'off' })).toMatchObject({ audit: false });
    expect(serveOptions([], { IAMD_AUDIT: 'on' })).toMatchObject({ audit: true });
    expect(serveOptions([], { IAMD_AUDIT: 'no' })).toBe('IAMD_AUDIT must be `on` or `off`, not `no`');
  });
});

describe('iamd audit', () => {
  it('prints its usage for an unknown subcommand, and refuses a data directory without a database', async () => {
    const a = io();
    expect(await auditCommand(['frobnicate'], a.io)).toBe(2);
    expect(a.text()).toContain('usage: iamd audit');
    const b = io();
    expect(await auditCommand(['tail', '--data', '/nonexistent/iamd'], b.io)).toBe(2);
    expect(b.text()).toContain('no iamd database at /nonexistent/iamd/iamd.sqlite');
  });

  it('verify never generates a master key', async () => {
    const a = io();
    const saved = process.env['IAMD_MASTER_KEY'];
    delete process.env['IAMD_MASTER_KEY'];
    try {
      expect(await auditCommand(['verify', '--data', '/nonexistent/iamd'], a.io)).toBe(2);
    } finally {
      if (saved !== undefined) process.env['IAMD_MASTER_KEY'] = saved;
    }
    expect(a.text()).toContain('no master key');
  });
});
