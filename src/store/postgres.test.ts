import { randomBytes } from 'node:crypto';
import { afterAll, it } from 'vitest';
import { openPostgresStore } from './postgres.js';
import { storeSuite } from './store.suite.js';
import { dropSchema } from './test-support/drop-schema.js';

const url = process.env.IAMD_TEST_DATABASE_URL;

if (url) {
  // A schema of its own, dropped at the end, so that test files and CI jobs sharing the database do not meet.
  const schema = `iamd_store_test_${randomBytes(4).toString('hex')}`;
  storeSuite('PostgreSQL', () => openPostgresStore(url, { schema }), { sharedDatabase: true });
  afterAll(() => dropSchema(url, schema));
} else {
  it.skip('store on PostgreSQL: set IAMD_TEST_DATABASE_URL (see scripts/ci-postgres.sh) to run the store suite on a server', () => {});
}
