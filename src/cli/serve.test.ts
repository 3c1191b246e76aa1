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
