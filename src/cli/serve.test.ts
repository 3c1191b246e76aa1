import { describe, expect, it } from 'vitest';
import { serveOptions } from './serve.js';

describe('iamd serve options: TLS', () => {
  it('takes --tls-cert and --tls-key', () => {
    const options = serveOptions(['--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {});
    expect(typeof options === 'string' ? options : options.tls).toEqual({
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
  });

  it('takes IAMD_TLS_CERT and IAMD_TLS_KEY, with the flags first', () => {
    const env = { IAMD_TLS_CERT: 'env-c.pem', IAMD_TLS_KEY: 'env-k.pem' };
    const fromEnv = serveOptions([], env);
    expect(typeof fromEnv === 'string' ? fromEnv : fromEnv.tls).toEqual({
      certFile: 'env-c.pem',
      keyFile: 'env-k.pem',
    });
    const flagged = serveOptions(['--tls-cert', 'c.pem'], env);
    expect(typeof flagged === 'string' ? flagged : flagged.tls).toEqual({
      certFile: 'c.pem',
      keyFile: 'env-k.pem',
    });
  });

  it('serves plain HTTP without them', () => {
    const options = serveOptions([], {});
    expect(typeof options === 'string' ? options : options.tls).toBeUndefined();
  });

  it('refuses one without the other', () => {
    expect(serveOptions(['--tls-cert', 'c.pem'], {})).toBe(
      '--tls-cert and --tls-key (IAMD_TLS_CERT and IAMD_TLS_KEY) must be given together',
    );
    expect(serveOptions([], { IAMD_TLS_KEY: 'k.pem' })).toMatch(/must be given together/);
  });
});

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
