import type { ManagedPolicy, ManagedPolicyCatalog } from '../../operation/managed-policies.js';
import type { CatalogIndex, CompactCatalog, IndexedPolicy } from './compact.js';

/** A managed policy's path and name, from its ARN (`arn:aws:iam::aws:policy/service-role/Name`). */
function pathAndName(arn: string): { path: string; name: string } {
  const body = arn.slice(arn.indexOf(':policy') + ':policy'.length);
  const slash = body.lastIndexOf('/');
  return { path: body.slice(0, slash + 1), name: body.slice(slash + 1) };
}

/** A policy of the index, its documents decoded from the blob only when read. */
function policyOf(entry: IndexedPolicy, documents: Buffer): ManagedPolicy {
  const { path, name } = pathAndName(entry.arn);
  const versions = entry.versions.map(([versionId, createDate, offset, length]) => ({
    versionId,
    createDate: new Date(createDate),
    get document(): string {
      return documents.toString('utf8', offset, offset + length);
    },
  }));
  return {
    arn: entry.arn,
    name,
    path,
    id: entry.id,
    defaultVersionId: entry.defaultVersionId,
    createDate: new Date(entry.createDate),
    updateDate: new Date(entry.updateDate),
    versions,
  };
}

/**
 * A catalog over a compact catalog that is loaded on first use: `load` runs once, when a policy is first looked
 * up or listed, never at construction, so a server that never touches AWS managed policies never pays for them.
 */
export function lazyCatalog(load: () => CompactCatalog): ManagedPolicyCatalog {
  let state: { list: ManagedPolicy[]; byArn: Map<string, ManagedPolicy> } | undefined;
  const loaded = () => {
    if (state === undefined) {
      const { index, documents } = load();
      const list = index.policies.map((p) => policyOf(p, documents));
      state = { list, byArn: new Map(list.map((p) => [p.arn, p])) };
    }
    return state;
  };
  return {
    get: (arn) => loaded().byArn.get(arn),
    list: () => loaded().list,
  };
}

/** Checks that parsed JSON is a catalog index of the format this code reads. */
export function asCatalogIndex(value: unknown): CatalogIndex {
  const index = value as Partial<CatalogIndex> | null;
  if (index === null || typeof index !== 'object' || index.format !== 1 || !Array.isArray(index.policies)) {
    throw new Error('The managed policy catalog index is not in format 1; rebuild it with `npm run build`.');
  }
  return index as CatalogIndex;
}
