import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, MiddlewareStack } from '@aws-sdk/types';
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer, type ServerOptions } from '../../../src/server/start.js';
import { openPostgresStore } from '../../../src/store/postgres.js';
import { dropSchema } from '../../../src/store/test-support/drop-schema.js';
import { auditDumpDir, credentialSecrets, dumpRecords, dumpSecrets, secretsIn } from './audit-dump.js';

/** The preset root key of every e2e server (AWS's documentation example key). */
export const ROOT: AwsCredentialIdentity = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

export const ACCOUNT = '123456789012';

/** The preset root console password of every e2e server (IAMD_ROOT_PASSWORD). */
export const ROOT_PASSWORD = 'root-Console-Pass-1';

/**
 * Starts a real `iamd serve --dev` on a free loopback port. `IAMD_TEST_DATABASE_URL` switches the store to
 * PostgreSQL (CI runs the suite a second time that way), unless the overrides ask for `dev` or name the store
 * (`store: undefined` with a `dataDir`: a SQLite file there).
 */
export async function startTestServer(overrides: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const databaseUrl = process.env['IAMD_TEST_DATABASE_URL'];
  if (databaseUrl === undefined || overrides.dev === true || 'store' in overrides)
    return startWith(overrides);
  // On PostgreSQL each server gets a schema of its own, so test files running in parallel never share rows. The
  // schema goes with the server, so that runs do not pile schemas up in the test database.
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore(databaseUrl, { schema });
  let server: RunningServer;
  try {
    server = await startWith({ store, ...overrides });
  } catch (error) {
    // A server that fails to start (a test of bad options) leaves the store it was given to its caller.
    await store.close();
    await dropSchema(databaseUrl, schema);
    throw error;
  }
  return {
    ...server,
    close: async () => {
      await server.close();
      await dropSchema(databaseUrl, schema);
    },
  };
}

function startWith(overrides: Partial<ServerOptions>): Promise<RunningServer> {
  return startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: '',
    accountId: ACCOUNT,
    dev: true,
    rootKey: { accessKeyId: ROOT.accessKeyId, secretAccessKey: ROOT.secretAccessKey },
    rootPassword: ROOT_PASSWORD,
    env: {},
    onAuditAppended: auditDumpDir() === undefined ? undefined : dumpRecords,
    ...overrides,
  });
}

/** SDK clients for a server, signed with the given credentials (the root key by default). */
export function clients(
  server: RunningServer,
  credentials: AwsCredentialIdentity = ROOT,
): { iam: IAMClient; sts: STSClient } {
  const config = { endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 };
  const iam = new IAMClient(config);
  const sts = new STSClient(config);
  if (auditDumpDir() !== undefined) {
    // The suite-wide redaction scan (audit-dump.ts): note every secret sent or received.
    dumpSecrets(credentialSecrets(credentials));
    noteSecrets(iam.middlewareStack);
    noteSecrets(sts.middlewareStack);
  }
  return { iam, sts };
}

function noteSecrets<I extends object, O extends object>(stack: MiddlewareStack<I, O>): void {
  stack.add(
    (next) => async (args) => {
      dumpSecrets(secretsIn(args.input));
      const result = await next(args);
      dumpSecrets(secretsIn(result.output));
      return result;
    },
    { step: 'initialize', name: 'iamdAuditSecrets' },
  );
}

/** Runs `fn` and returns the error it throws (failing when it throws none). */
export async function errorOf(
  fn: () => Promise<unknown>,
): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await fn();
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}
