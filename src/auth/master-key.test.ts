import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  encodeMasterKey,
  generateMasterKey,
  keyFileModeProblem,
  loadMasterKey,
  MASTER_KEY_ENV,
  MASTER_KEY_FILE,
  MasterKeyError,
  parseMasterKey,
} from './master-key.js';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
const HEX = Buffer.from(KEY).toString('hex');
const BASE64 = Buffer.from(KEY).toString('base64');

describe('parseMasterKey', () => {
  it('reads 64 hex digits, either case', () => {
    expect(parseMasterKey(HEX, 'x')).toEqual(KEY);
    expect(parseMasterKey(HEX.toUpperCase(), 'x')).toEqual(KEY);
  });

  it('reads base64, standard or URL-safe, padded or not, with surrounding whitespace', () => {
    const url = Buffer.from(KEY).toString('base64url');
    for (const text of [BASE64, BASE64.replace(/=$/, ''), url, `${url}=`, `  ${BASE64}\n`]) {
      expect(parseMasterKey(text, 'x')).toEqual(KEY);
    }
  });

  it('refuses other lengths and alphabets, naming the source and never the value', () => {
    const secretish = Buffer.alloc(31, 9).toString('base64');
    for (const text of ['', HEX.slice(2), HEX + '00', secretish, BASE64.replace('A', '!'), 'not a key']) {
      expect(() => parseMasterKey(text, 'IAMD_MASTER_KEY')).toThrow(MasterKeyError);
    }
    try {
      parseMasterKey(secretish, 'IAMD_MASTER_KEY');
    } catch (e) {
      expect((e as Error).message).toMatch(/^IAMD_MASTER_KEY is not a master key: it must be 32 bytes/);
      expect((e as Error).message).not.toContain(secretish);
    }
  });

  it('round-trips what encodeMasterKey writes', () => {
    const key = generateMasterKey();
    expect(parseMasterKey(encodeMasterKey(key), 'file')).toEqual(key);
  });
});

describe('generateMasterKey', () => {
  it('makes 32 random bytes, different each time', () => {
    const a = generateMasterKey();
    expect(a).toHaveLength(32);
    expect(Buffer.from(a).equals(Buffer.from(generateMasterKey()))).toBe(false);
  });
});

describe('keyFileModeProblem', () => {
  it('accepts owner-only modes', () => {
    for (const mode of [0o100600, 0o100400, 0o100700])
      expect(keyFileModeProblem(mode, '/d/master.key')).toBeUndefined();
  });

  it('refuses any access for group or others, saying how to fix it', () => {
    for (const mode of [0o100640, 0o100604, 0o100620, 0o100602, 0o100644, 0o100666]) {
      expect(keyFileModeProblem(mode, '/d/master.key')).toMatch(
        /^refusing to start: .*chmod 600 \/d\/master\.key$/,
      );
    }
    expect(keyFileModeProblem(0o100644, '/d/master.key')).toContain('(mode 644)');
  });
});

describe('loadMasterKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iamd-master-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes IAMD_MASTER_KEY first, and writes no file', async () => {
    const loaded = await loadMasterKey({ env: { [MASTER_KEY_ENV]: HEX }, dataDir: dir });
    expect(loaded).toEqual({ key: KEY, source: 'environment' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a malformed IAMD_MASTER_KEY rather than falling back', async () => {
    await expect(loadMasterKey({ env: { [MASTER_KEY_ENV]: 'short' }, dataDir: dir })).rejects.toThrow(
      /IAMD_MASTER_KEY is not a master key/,
    );
  });

  it('generates master.key on first start, mode 0600, in a data directory it creates', async () => {
    const dataDir = join(dir, 'iamd-data');
    const loaded = await loadMasterKey({ env: {}, dataDir });
    const path = join(dataDir, MASTER_KEY_FILE);
    expect(loaded.source).toBe('generated');
    expect(loaded.path).toBe(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(parseMasterKey(await readFile(path, 'utf8'), 'file')).toEqual(loaded.key);
    // No temporary file is left behind.
    expect(await readdir(dataDir)).toEqual([MASTER_KEY_FILE]);
  });

  it('reads the same key on the next start', async () => {
    const first = await loadMasterKey({ env: {}, dataDir: dir });
    const second = await loadMasterKey({ env: {}, dataDir: dir });
    expect(second.source).toBe('file');
    expect(second.key).toEqual(first.key);
  });

  it('never overwrites a key file when two starts race', async () => {
    const [a, b] = await Promise.all([
      loadMasterKey({ env: {}, dataDir: dir }),
      loadMasterKey({ env: {}, dataDir: dir }),
    ]);
    expect(a.key).toEqual(b.key);
    expect(parseMasterKey(await readFile(join(dir, MASTER_KEY_FILE), 'utf8'), 'file')).toEqual(a.key);
  });

  it('reads a key file written by hand in hex', async () => {
    const path = join(dir, MASTER_KEY_FILE);
    await writeFile(path, HEX + '\n', { mode: 0o600 });
    expect(await loadMasterKey({ env: {}, dataDir: dir })).toEqual({ key: KEY, source: 'file', path });
  });

  it.skipIf(process.platform === 'win32')(
    'refuses to start when the key file is readable by group or others',
    async () => {
      const path = join(dir, MASTER_KEY_FILE);
      await writeFile(path, BASE64, { mode: 0o600 });
      await chmod(path, 0o644);
      await expect(loadMasterKey({ env: {}, dataDir: dir })).rejects.toThrow(
        `refusing to start: the master key file ${path} can be accessed by group or others (mode 644)`,
      );
      await chmod(path, 0o640);
      await expect(loadMasterKey({ env: {}, dataDir: dir })).rejects.toThrow(MasterKeyError);
      // The file is left as it was: the key is not lost by regenerating it.
      expect(await readFile(path, 'utf8')).toBe(BASE64);
    },
  );

  it('refuses a corrupt key file rather than replacing it', async () => {
    const path = join(dir, MASTER_KEY_FILE);
    await writeFile(path, 'garbage', { mode: 0o600 });
    await expect(loadMasterKey({ env: {}, dataDir: dir })).rejects.toThrow(
      /master key file .* is not a master key/,
    );
    expect(await readFile(path, 'utf8')).toBe('garbage');
  });
});
