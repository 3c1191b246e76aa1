import { CreateUserCommand, GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSignerFor } from '../../../src/audit/digest-signer.js';
import { verifyTrail } from '../../../src/audit/verify.js';
import type { RunningServer } from '../../../src/server/start.js';
import { openPgliteStore } from '../../../src/store/pglite.js';
import { clients, errorOf, startTestServer } from '../support/server.js';
import { recordsOf } from './records.js';

/**
 * The trail on the PostgreSQL dialect (PGlite): concurrent writes and reads each get one event, appends serialize
 * on the chain head (`FOR UPDATE`), and the chain verifies. The master key is preset so the test can verify.
 */
const MASTER_KEY = Buffer.alloc(32, 3).toString('base64');
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ store: await openPgliteStore(), env: { IAMD_MASTER_KEY: MASTER_KEY } });
});
afterAll(async () => server.close());

describe('audit on PostgreSQL', () => {
  it('concurrent calls each leave one event, and the chain verifies', async () => {
    const { iam } = clients(server);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        Promise.all([
          iam.send(new CreateUserCommand({ UserName: `pg-${i}` })),
          iam.send(new ListUsersCommand({})),
          errorOf(() => iam.send(new GetUserCommand({ UserName: `missing-${i}` }))),
        ]),
      ),
    );
    const records = await recordsOf(server);
    expect(records.filter((r) => r.eventName === 'CreateUser' && r.errorCode === undefined)).toHaveLength(20);
    expect(records.filter((r) => r.eventName === 'ListUsers')).toHaveLength(20);
    expect(records.filter((r) => r.errorCode === 'NoSuchEntity')).toHaveLength(20);
    await server.audit!.digest();
    const report = await verifyTrail(server.store.db, digestSignerFor(Buffer.from(MASTER_KEY, 'base64')));
    expect(report).toMatchObject({ events: 60, firstSeq: 1, lastSeq: 60, problems: [] });
    expect(report.digests).toBe(1);
  });
});
