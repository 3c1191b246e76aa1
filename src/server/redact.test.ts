import { describe, expect, it } from 'vitest';
import { describeFailure, httpRequestSecrets, redact, requestSecrets } from './redact.js';

const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = `IQoJb3JpZ2luX2VjE${'a'.repeat(120)}==`;

describe('requestSecrets', () => {
  it('takes the values of secret parameters and headers, and nothing else', () => {
    const params = new URLSearchParams({
      Action: 'CreateLoginProfile',
      UserName: 'alice',
      Password: 'Correct-Horse-42',
      NewPassword: 'Battery-Staple-7',
      AuthenticationCode1: '123456',
      'X-Amz-Security-Token': 'query-token',
    });
    const secrets = requestSecrets(params, { 'x-amz-security-token': ['header-token'], host: ['localhost'] });
    expect(secrets.sort()).toEqual([
      '123456',
      'Battery-Staple-7',
      'Correct-Horse-42',
      'header-token',
      'query-token',
    ]);
  });
});

describe('httpRequestSecrets', () => {
  it('reads them from the query string and the form body', () => {
    const secrets = httpRequestSecrets({
      method: 'POST',
      path: '/',
      query: 'X-Amz-Security-Token=query-token',
      headers: {},
      body: Buffer.from('Action=ChangePassword&OldPassword=Old-Password-1&NewPassword=New-Password-2'),
      sourceIp: '127.0.0.1',
      secure: false,
    });
    expect(secrets.sort()).toEqual(['New-Password-2', 'Old-Password-1', 'query-token']);
  });

  it('reads a console JSON body, and the session cookie and CSRF token', () => {
    const secrets = httpRequestSecrets({
      method: 'POST',
      path: '/_iamd/signin',
      query: '',
      headers: {
        'content-type': ['application/json'],
        cookie: ['iamd-session=abc123'],
        'x-csrf-token': ['csrf-value'],
      },
      body: Buffer.from(
        JSON.stringify({ account: '123456789012', user: 'alice', password: 'Pw-1', mfaCode: '123456' }),
      ),
      sourceIp: '127.0.0.1',
      secure: false,
    });
    expect(secrets.sort()).toEqual(['123456', 'Pw-1', 'abc123', 'csrf-value', 'iamd-session=abc123']);
  });
});

describe('redact', () => {
  it('removes each given secret, wherever it is quoted', () => {
    expect(redact('bad value "Correct-Horse-42" in Correct-Horse-42x', ['Correct-Horse-42'])).toBe(
      'bad value "[REDACTED]" in [REDACTED]x',
    );
  });

  it('removes secret-shaped text it was not told about: secret keys and long tokens', () => {
    expect(redact(`key ${SECRET_KEY} and token ${TOKEN}.`, [])).toBe('key [REDACTED] and token [REDACTED].');
  });

  it('keeps ordinary text, and ignores values too short to redact by value', () => {
    expect(redact('UNIQUE constraint failed: users.name_key', ['a', 'on'])).toBe(
      'UNIQUE constraint failed: users.name_key',
    );
  });
});

describe('describeFailure', () => {
  it('logs the name, the redacted message and cause, and the stack frames', () => {
    const error = new SyntaxError(`Unexpected token in "Password=Correct-Horse-42&Secret=${SECRET_KEY}"`, {
      cause: new Error(`token ${TOKEN}`),
    });
    const text = describeFailure(error, ['Correct-Horse-42']);
    expect(text).toMatch(
      /^SyntaxError: Unexpected token in "Password=\[REDACTED\]&Secret=\[REDACTED\]"\n {4}at /,
    );
    expect(text).toContain('Caused by: Error: token [REDACTED]');
    expect(text).not.toContain('Correct-Horse-42');
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(TOKEN);
  });

  it('redacts a thrown non-error too', () => {
    expect(describeFailure(`failed with ${SECRET_KEY}`, [])).toBe('failed with [REDACTED]');
  });
});
