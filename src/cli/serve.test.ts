import { describe, expect, it } from 'vitest';
import { serveOptions } from './serve.js';

describe('iamd serve: security settings from the environment', () => {
  it('reads the root password, session timeouts and lockout settings', () => {
    const options = serveOptions([], {
      IAMD_ROOT_PASSWORD: 'Root-pass-1',
      IAMD_CONSOLE_IDLE_TIMEOUT: '600',
      IAMD_CONSOLE_SESSION_TIMEOUT: '7200',
      IAMD_SIGNIN_MAX_FAILURES: '3',
      IAMD_LOCKOUT_MAX_SECONDS: '60',
    });
    if (typeof options === 'string') throw new Error(options);
    expect(options.rootPassword).toBe('Root-pass-1');
    expect(options.consoleSessions).toEqual({ idleTimeoutMs: 600_000, absoluteTimeoutMs: 7_200_000 });
    expect(options.throttles?.signin?.principal).toMatchObject({ freeFailures: 3, maxDelayMs: 60_000 });
    expect(options.throttles?.signin?.address).toMatchObject({ freeFailures: 12, maxDelayMs: 60_000 });
    expect(options.throttles?.signature?.principal).toMatchObject({ freeFailures: 10, maxDelayMs: 60_000 });
  });

  it('keeps the defaults without them, and refuses a bad number', () => {
    const options = serveOptions([], {});
    if (typeof options === 'string') throw new Error(options);
    expect(options.rootPassword).toBeUndefined();
    expect(options.consoleSessions).toEqual({});
    expect(options.throttles?.signin?.principal.freeFailures).toBe(5);
    expect(options.throttles?.signin?.address.freeFailures).toBe(20);
    expect(options.throttles?.signature?.address.freeFailures).toBe(40);
    expect(serveOptions([], { IAMD_CONSOLE_IDLE_TIMEOUT: '5' })).toBe(
      'IAMD_CONSOLE_IDLE_TIMEOUT=`5` is not a whole number of at least 60',
    );
    expect(serveOptions([], { IAMD_SIGNIN_MAX_FAILURES: 'many' })).toMatch(/IAMD_SIGNIN_MAX_FAILURES/);
  });
});
