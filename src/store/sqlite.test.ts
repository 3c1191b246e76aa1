import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from './sqlite.js';
import { storeSuite } from './store.suite.js';

const dir = mkdtempSync(join(tmpdir(), 'iamd-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('a SQLite file', () => openSqliteStore(join(dir, 'iamd.db')), { sharedDatabase: true });
storeSuite('SQLite in memory', () => openSqliteStore(':memory:'));
