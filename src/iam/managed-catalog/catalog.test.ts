import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyCatalog } from './catalog.js';
import { compactCatalog, type PackagePolicy } from './compact.js';
import { openManagedPolicyCatalog, writeCatalog } from './files.js';
import { managedPolicyId } from './policy-id.js';

// The npm package's shape, in miniature: versions keyed by id in no particular order, with gaps.
const SOURCE: Record<string, PackagePolicy> = {
  AdministratorAccess: {
    arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    latestVersionId: 'v1',
    versions: {
      v1: {
        createdDate: '2015-02-06T18:39:46.000Z',
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      },
    },
    createdDate: '2015-02-06T18:39:46.000Z',
    lastUpdatedDate: '2015-02-06T18:39:46.000Z',
  },
  AWSLambdaBasicExecutionRole: {
    arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    latestVersionId: 'v10',
    versions: {
      v2: { createdDate: '2015-04-09T15:03:43.000Z', document: { Statement: 'v2 – ünïcode' } },
      v10: { createdDate: '2024-01-01T00:00:00.000Z', document: { Statement: 'v10' } },
      v9: { createdDate: '2023-01-01T00:00:00.000Z', document: { Statement: 'v9' } },
    },
    createdDate: '2015-04-09T15:03:43.000Z',
    lastUpdatedDate: '2024-01-01T00:00:00.000Z',
  },
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the managed policy catalog', () => {
  it('keeps the package order, derives path and name, and lists versions newest first', () => {
    const catalog = lazyCatalog(() => compactCatalog(SOURCE));
    expect(catalog.list().map((p) => p.name)).toEqual(['AdministratorAccess', 'AWSLambdaBasicExecutionRole']);
    const lambda = catalog.get('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')!;
    expect(lambda).toMatchObject({
      path: '/service-role/',
      defaultVersionId: 'v10',
      updateDate: new Date('2024-01-01T00:00:00Z'),
    });
    expect(lambda.versions.map((v) => [v.versionId, v.document])).toEqual([
      ['v10', '{"Statement":"v10"}'],
      ['v9', '{"Statement":"v9"}'],
      ['v2', '{"Statement":"v2 – ünïcode"}'],
    ]);
  });

  it('gives each policy a stable ANPA id derived from its ARN', () => {
    const id = managedPolicyId('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(id).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(managedPolicyId('arn:aws:iam::aws:policy/AdministratorAccess')).toBe(id);
    expect(managedPolicyId('arn:aws:iam::aws:policy/ReadOnlyAccess')).not.toBe(id);
  });

  it('loads nothing until first used, then once', () => {
    let loads = 0;
    const catalog = lazyCatalog(() => {
      loads++;
      return compactCatalog(SOURCE);
    });
    expect(loads).toBe(0);
    catalog.get('arn:aws:iam::aws:policy/AdministratorAccess');
    catalog.list();
    expect(loads).toBe(1);
  });

  it('reads the files the build writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamd-catalog-'));
    dirs.push(dir);
    writeCatalog(dir, compactCatalog(SOURCE));
    const catalog = openManagedPolicyCatalog(dir);
    const admin = catalog.get('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(admin?.versions[0]?.document).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    );
    expect(catalog.get('arn:aws:iam::aws:policy/Nope')).toBeUndefined();
  });
});
