import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The master key: 32 bytes that encrypt secrets at rest (secret-box.ts) and key the session tokens
 * (session-token.ts). It comes from `IAMD_MASTER_KEY`, or else from `master.key` in the data directory, which is
 * generated on the first start. Losing it makes every stored secret unreadable, so it is never regenerated over
 * an existing file, and a key file that other users can read is refused rather than used.
 */

/** The environment variable that presets the master key (base64 or hex of 32 bytes). */
export const MASTER_KEY_ENV = 'IAMD_MASTER_KEY';

/** The key file's name in the data directory. */
export const MASTER_KEY_FILE = 'master.key';

const KEY_BYTES = 32;

/** A master key that cannot be used; the message says why and where, and never contains key material. */
export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

/**
 * Reads a master key written as 64 hex digits or as base64 (standard or URL-safe, padded or not) of 32 bytes.
 * `source` names where it came from, for the error message.
 */
export function parseMasterKey(text: string, source: string): Uint8Array {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return new Uint8Array(Buffer.from(value, 'hex'));
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value) || /^[A-Za-z0-9_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
    if (bytes.length === KEY_BYTES) return new Uint8Array(bytes);
  }
  throw new MasterKeyError(
    `${source} is not a master key: it must be 32 bytes written as base64 or as 64 hex digits ` +
      `(it has ${value.length} characters).`,
  );
}

/** The text form of a master key, as the key file holds it: base64 and a newline. */
export function encodeMasterKey(key: Uint8Array): string {
  return Buffer.from(key).toString('base64') + '\n';
}

/** A new master key from the operating system's CSPRNG. */
export function generateMasterKey(): Uint8Array {
  return new Uint8Array(randomBytes(KEY_BYTES));
}

/**
 * Why a key file with these permission bits must not be used, or undefined when they are fine. Any access for
 * the group or others is refused: readable leaks the key, writable lets someone replace it.
 */
export function keyFileModeProblem(mode: number, path: string): string | undefined {
  const loose = mode & 0o077;
  if (loose === 0) return undefined;
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return (
    `refusing to start: the master key file ${path} can be accessed by group or others (mode ${octal}). ` +
    `Restrict it with: chmod 600 ${path}`
  );
}

/** Where the master key came from. */
export type MasterKeySource = 'environment' | 'file' | 'generated';

/** A loaded master key. */
export interface LoadedMasterKey {
  readonly key: Uint8Array;
  readonly source: MasterKeySource;
  /** The key file, when the key came from one. */
  readonly path?: string;
}

/** Where to find the master key. */
export interface MasterKeyOptions {
  /** The environment; `IAMD_MASTER_KEY` in it wins over the key file. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The data directory that holds (or will hold) `master.key`. */
  readonly dataDir: string;
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** Reads an existing key file, checking its permissions on the open handle (no race with a chmod). */
async function readKeyFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    // Permission bits mean nothing on Windows; iamd supports Linux and macOS.
    if (process.platform !== 'win32') {
      const problem = keyFileModeProblem(stat.mode, path);
      if (problem !== undefined) throw new MasterKeyError(problem);
    }
    return parseMasterKey(await handle.readFile('utf8'), `the master key file ${path}`);
  } finally {
    await handle.close();
  }
}

/**
 * Writes a new key file with mode 0600. It is written to a temporary file first and then linked into place,
 * which fails if the file exists: a second process starting at the same time cannot overwrite the key, nor
 * read a half-written one.
 */
async function createKeyFile(dataDir: string, path: string, key: Uint8Array): Promise<boolean> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const temporary = join(dataDir, `.${MASTER_KEY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(encodeMasterKey(key), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}

/**
 * Loads the master key: from `IAMD_MASTER_KEY` when set, else from `master.key` in the data directory,
 * generating that file (mode 0600) when there is none. Throws MasterKeyError when the key is malformed or the
 * key file is open to other users.
 */
export async function loadMasterKey(options: MasterKeyOptions): Promise<LoadedMasterKey> {
  const fromEnv = options.env[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { key: parseMasterKey(fromEnv, MASTER_KEY_ENV), source: 'environment' };
  }
  const path = join(options.dataDir, MASTER_KEY_FILE);
  try {
    return { key: await readKeyFile(path), source: 'file', path };
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  const key = generateMasterKey();
  if (await createKeyFile(options.dataDir, path, key)) return { key, source: 'generated', path };
  // Another process created it first: use theirs.
  return { key: await readKeyFile(path), source: 'file', path };
}
