import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createSecureContext } from 'node:tls';
import { join } from 'node:path';
import { randomIds, type IdGenerator } from '../auth/ids.js';
import { generateMasterKey, loadMasterKey } from '../auth/master-key.js';
import { secretBoxFor } from '../auth/secret-box.js';
import { sessionTokensFor } from '../auth/session-token.js';
import { openManagedPolicyCatalog } from '../iam/managed-catalog/files.js';
import type { ManagedPolicyCatalog } from '../operation/managed-policies.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { sigV4Authenticator } from './authenticate.js';
import { Authorizer } from './authorizer.js';
import { bootstrapAccount, type RootKey } from './bootstrap.js';
import { QUERY_CODEC } from './codec.js';
import { readRequest, writeResponse } from './node-adapter.js';
import type { HttpRequest } from './http.js';
import { describeFailure, httpRequestSecrets } from './redact.js';
import { storePolicySource } from './policy-source.js';

/** How to run the server: `iamd serve`'s flags and environment, resolved. */
export interface ServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The data directory (SQLite file and master key); ignored with `dev` or `databaseUrl`'s store. */
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  readonly accountId: string;
  /** Keep state in memory and allow `POST /_iamd/reset`. */
  readonly dev: boolean;
  /** A preset root key (IAMD_ROOT_ACCESS_KEY_ID / IAMD_ROOT_SECRET_ACCESS_KEY). */
  readonly rootKey?: RootKey | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock?: (() => Date) | undefined;
  readonly ids?: IdGenerator | undefined;
  readonly managedPolicies?: ManagedPolicyCatalog | undefined;
  /** An already-open store, used instead of the one the options name (tests run the server on PostgreSQL so). */
  readonly store?: Store | undefined;
  /** Serve HTTPS with this certificate chain and private key (PEM files), rather than plain HTTP. */
  readonly tls?: TlsFiles | undefined;
}

/** The PEM files of a TLS certificate chain and its private key (`--tls-cert`, `--tls-key`). */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

/** A running server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The root key, when it was created by this start (print it once) or preset. */
  readonly createdRootKey: RootKey | undefined;
  readonly store: Store;
  close(): Promise<void>;
}

async function openStoreFor(options: ServerOptions): Promise<Store> {
  if (options.store !== undefined) return options.store;
  if (options.dev) return openSqliteStore(':memory:');
  if (options.databaseUrl !== undefined) {
    const { openPostgresStore } = await import('../store/postgres.js');
    return openPostgresStore(options.databaseUrl);
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  return openSqliteStore(join(options.dataDir, 'iamd.sqlite'));
}

/** Reads the PEM files and checks that they make a usable TLS context (a key that matches the certificate). */
async function readTlsFiles(files: TlsFiles): Promise<{ cert: Buffer; key: Buffer }> {
  const pem = { cert: await readFile(files.certFile), key: await readFile(files.keyFile) };
  createSecureContext(pem);
  return pem;
}

/** Opens the store, bootstraps the account and its root key, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // Read and checked before anything is opened, so that a bad file fails the start cleanly.
  const tls = options.tls === undefined ? undefined : await readTlsFiles(options.tls);
  const clock = options.clock ?? (() => new Date());
  const ids = options.ids ?? randomIds;
  const masterKey =
    options.dev && options.env['IAMD_MASTER_KEY'] === undefined
      ? generateMasterKey()
      : (await loadMasterKey({ env: options.env, dataDir: options.dataDir })).key;
  const secrets = secretBoxFor(masterKey);
  const tokens = sessionTokensFor(masterKey);
  const store = await openStoreFor(options);
  const managedPolicies = options.managedPolicies ?? openManagedPolicyCatalog();
  // In --dev the generated root key is kept in memory, so a reset brings back the same key.
  const createdRootKey = await bootstrapAccount(
    store,
    secrets,
    ids,
    options.accountId,
    clock(),
    options.rootKey,
  );
  const rootKey = options.rootKey ?? createdRootKey;
  const authorizer = new Authorizer(storePolicySource(store, managedPolicies));
  const authenticator = sigV4Authenticator({ store, partition: 'aws', secrets, tokens, clock });
  const changed = () => {
    authorizer.invalidate();
    authenticator.forget();
  };
  const reset = options.dev
    ? async () => {
        await store.reset();
        changed();
        await bootstrapAccount(store, secrets, ids, options.accountId, clock(), rootKey);
      }
    : undefined;
  const app = createApp({
    store,
    partition: 'aws',
    secrets,
    ids,
    managedPolicies,
    tokens,
    codec: QUERY_CODEC,
    authenticate: authenticator.authenticate,
    changed,
    authorizer,
    clock,
    reset,
  });
  const secure = tls !== undefined;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    let read: HttpRequest | undefined;
    readRequest(req, secure)
      .then(async (request) => {
        read = request;
        if (request === undefined) {
          writeResponse(res, {
            status: 413,
            headers: { 'content-type': 'text/plain' },
            body: 'Request entity too large',
          });
          return;
        }
        writeResponse(res, await app(request));
      })
      .catch((error: unknown) => {
        // Failures of the socket, of reading the request or outside the Query handler's own error mapping.
        process.stderr.write(
          `iamd: ${describeFailure(error, read === undefined ? [] : httpRequestSecrets(read))}\n`,
        );
        if (!res.headersSent)
          writeResponse(res, { status: 400, headers: { 'content-type': 'text/plain' }, body: 'Bad request' });
      });
  };
  const server: Server = tls === undefined ? createServer(handle) : createTlsServer(tls, handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${secure ? 'https' : 'http'}://${host}:${port}`,
    port,
    createdRootKey,
    store,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
