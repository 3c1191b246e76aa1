import { parseArgs } from 'node:util';
import { SIGNATURE_THROTTLE, SIGNIN_THROTTLE, type AuthThrottleSettings } from '../auth/auth-throttle.js';
import { DEFAULT_RETENTION_DAYS } from '../audit/retention.js';
import { startServer, type ServerOptions } from '../server/start.js';
import type { CommandIo } from './io.js';

const USAGE =
  'usage: iamd serve [--host H] [--port P] [--data DIR | --database-url URL] [--account-id ID] [--dev]\n' +
  '                  [--audit-retention-days N] [--tls-cert FILE --tls-key FILE]\n';

/** Resolves flags, then environment variables, then defaults. Returns a message for a bad value. */
export function serveOptions(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ServerOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        'account-id': { type: 'string' },
        dev: { type: 'boolean' },
        'audit-retention-days': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const port = Number(values.port ?? env['IAMD_PORT'] ?? '4599');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return `\`${values.port ?? env['IAMD_PORT']}\` is not a port number`;
  const accountId = values['account-id'] ?? env['IAMD_ACCOUNT_ID'] ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) return `\`${accountId}\` is not a 12-digit account id`;
  const keyId = env['IAMD_ROOT_ACCESS_KEY_ID'];
  const secret = env['IAMD_ROOT_SECRET_ACCESS_KEY'];
  if ((keyId === undefined) !== (secret === undefined)) {
    return 'IAMD_ROOT_ACCESS_KEY_ID and IAMD_ROOT_SECRET_ACCESS_KEY must be set together';
  }
  const retentionText = values['audit-retention-days'] ?? env['IAMD_AUDIT_RETENTION_DAYS'];
  const retention = retentionText === undefined ? DEFAULT_RETENTION_DAYS : Number(retentionText);
  if (!Number.isInteger(retention) || retention < 1)
    return `\`${retentionText}\` is not a number of days (a whole number, at least 1)`;
  const auditEnv = env['IAMD_AUDIT'];
  if (auditEnv !== undefined && !['on', 'off'].includes(auditEnv))
    return `IAMD_AUDIT must be \`on\` or \`off\`, not \`${auditEnv}\``;
  const certFile = values['tls-cert'] ?? env['IAMD_TLS_CERT'];
  const keyFile = values['tls-key'] ?? env['IAMD_TLS_KEY'];
  if ((certFile === undefined) !== (keyFile === undefined)) {
    return '--tls-cert and --tls-key (IAMD_TLS_CERT and IAMD_TLS_KEY) must be given together';
  }
  const devEnv = env['IAMD_DEV'];
  const tuning = securityTuning(env);
  if (typeof tuning === 'string') return tuning;
  return {
    ...tuning,
    rootPassword: env['IAMD_ROOT_PASSWORD'] === '' ? undefined : env['IAMD_ROOT_PASSWORD'],
    host: values.host ?? env['IAMD_HOST'] ?? '127.0.0.1',
    port,
    dataDir: values.data ?? env['IAMD_DATA'] ?? './iamd-data',
    databaseUrl: values['database-url'] ?? env['IAMD_DATABASE_URL'],
    accountId,
    dev: values.dev ?? (devEnv === '1' || devEnv === 'true'),
    rootKey:
      keyId !== undefined && secret !== undefined
        ? { accessKeyId: keyId, secretAccessKey: secret }
        : undefined,
    tls: certFile !== undefined && keyFile !== undefined ? { certFile, keyFile } : undefined,
    env,
    audit: auditEnv !== 'off',
    auditRetentionDays: retention,
  };
}

/** A whole number of seconds (or failures) from the environment, at least `min`; a message when it is not one. */
function wholeNumber(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  min: number,
): number | string | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= min
    ? value
    : `${name}=\`${text}\` is not a whole number of at least ${min}`;
}

/** Console session timeouts and lockout settings from IAMD_CONSOLE_* and IAMD_*_MAX_FAILURES / IAMD_LOCKOUT_MAX_SECONDS. */
function securityTuning(
  env: Readonly<Record<string, string | undefined>>,
): Pick<ServerOptions, 'consoleSessions' | 'throttles'> | string {
  const idle = wholeNumber(env, 'IAMD_CONSOLE_IDLE_TIMEOUT', 60);
  const absolute = wholeNumber(env, 'IAMD_CONSOLE_SESSION_TIMEOUT', 60);
  const signinFailures = wholeNumber(env, 'IAMD_SIGNIN_MAX_FAILURES', 1);
  const signatureFailures = wholeNumber(env, 'IAMD_SIGNATURE_MAX_FAILURES', 1);
  const maxLockout = wholeNumber(env, 'IAMD_LOCKOUT_MAX_SECONDS', 1);
  for (const value of [idle, absolute, signinFailures, signatureFailures, maxLockout]) {
    if (typeof value === 'string') return value;
  }
  const tuned = (base: AuthThrottleSettings, failures: number | string | undefined): AuthThrottleSettings => {
    const maxDelayMs = typeof maxLockout === 'number' ? maxLockout * 1000 : base.principal.maxDelayMs;
    const free = typeof failures === 'number' ? failures : base.principal.freeFailures;
    return {
      principal: { ...base.principal, freeFailures: free, maxDelayMs },
      address: { ...base.address, freeFailures: free * 4, maxDelayMs },
    };
  };
  const signin = tuned(SIGNIN_THROTTLE, signinFailures);
  return {
    consoleSessions: {
      ...(typeof idle === 'number' ? { idleTimeoutMs: idle * 1000 } : {}),
      ...(typeof absolute === 'number' ? { absoluteTimeoutMs: absolute * 1000 } : {}),
    },
    throttles: { signin, mfa: signin, signature: tuned(SIGNATURE_THROTTLE, signatureFailures) },
  };
}

/**
 * `iamd serve`: IAM and STS over the AWS Query protocol on one port. Prints the endpoint, and on the first start
 * the root access key, once.
 */
export async function serveCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const options = serveOptions(args, process.env);
  if (typeof options === 'string') {
    io.stderr.write(`iamd serve: ${options}\n${USAGE}`);
    return 2;
  }
  const server = await startServer(options);
  io.stdout.write(
    `iamd listening on ${server.url} (account ${options.accountId}${options.dev ? ', dev mode: state in memory' : ''})\n`,
  );
  if (server.createdRootKey !== undefined) {
    io.stdout.write(
      `Root access key created. The secret is shown this once; store it now.\n` +
        `  AWS_ACCESS_KEY_ID=${server.createdRootKey.accessKeyId}\n` +
        `  AWS_SECRET_ACCESS_KEY=${server.createdRootKey.secretAccessKey}\n`,
    );
  }
  if (server.createdRootPassword !== undefined) {
    io.stdout.write(
      `Root console password created. It is shown this once; store it now (or preset IAMD_ROOT_PASSWORD).\n` +
        `  IAMD_ROOT_PASSWORD=${server.createdRootPassword}\n`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
