import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import type { Caller } from '../operation/context.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { AuditedCall, type CallStart } from './audited-call.js';
import { AuditTrail } from './audit-trail.js';
import { digestSignerFor } from './digest-signer.js';
import { changesState } from './operation-kind.js';

const NOW = new Date('2026-11-27T21:00:00Z');
const CALLER: Caller = {
  arn: 'arn:aws:iam::123456789012:root',
  accountId: '123456789012',
  userId: '123456789012',
  kind: 'root',
  accessKeyId: 'AKIAEXAMPLE',
};
const START: CallStart = {
  service: 'iam',
  action: 'CreateUser',
  accountId: '123456789012',
  requestId: 'r-1',
  sourceIp: '127.0.0.1',
  userAgent: undefined,
  host: undefined,
  claimedAccessKeyId: 'AKIAEXAMPLE',
  claimedRegion: 'us-east-1',
};

let store: Store;
let trail: AuditTrail;

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  trail = new AuditTrail({ store, signer: digestSignerFor(new Uint8Array(32)), clock: () => NOW });
});
afterEach(async () => {
  await trail.close();
  await store.close();
});

async function insertUser(s: Store, name: string): Promise<void> {
  await s.transaction(async (tx) => {
    await tx
      .insertInto('users')
      .values({
        account_id: '123456789012',
        id: `AIDA${name}`,
        name,
        name_key: name,
        path: '/',
        arn: `arn:aws:iam::123456789012:user/${name}`,
        created_at: NOW.toISOString(),
        permissions_boundary: null,
        password_last_used: null,
      })
      .execute();
  });
}

function call(): AuditedCall {
  const c = new AuditedCall(trail, store, () => START, NOW);
  c.authenticated(CALLER, 'us-east-1');
  c.decoded('CreateUser', { UserName: 'bob' });
  return c;
}

async function events() {
  await trail.flush();
  const rows = await store.db.selectFrom('audit_events').select('record').orderBy('seq').execute();
  return rows.map((row) => {
    const record = JSON.parse(row.record) as { eventName: string; errorCode?: string };
    return { event_name: record.eventName, error_code: record.errorCode ?? null };
  });
}

describe('a call that changes state commits with its event', () => {
  it('a success leaves the change and its event', async () => {
    await call().run(async (s) => {
      await insertUser(s, 'bob');
      return { User: { UserName: 'bob' } };
    });
    expect(await store.db.selectFrom('users').select('name').execute()).toEqual([{ name: 'bob' }]);
    expect(await events()).toEqual([{ event_name: 'CreateUser', error_code: null }]);
  });

  it('an operation that fails midway leaves neither its change nor a success event, only the failure', async () => {
    const c = call();
    const error = new AwsError('LimitExceeded', 'Cannot exceed quota for UsersPerAccount: 5000.');
    await expect(
      c.run(async (s) => {
        await insertUser(s, 'bob'); // written inside the call's transaction…
        throw error; // …then the operation fails
      }),
    ).rejects.toBe(error);
    c.failed(error);
    expect(await store.db.selectFrom('users').select('name').execute()).toEqual([]);
    expect(await events()).toEqual([{ event_name: 'CreateUser', error_code: 'LimitExceeded' }]);
    const head = await store.db.selectFrom('audit_chain').selectAll().executeTakeFirstOrThrow();
    expect(head.seq).toBe(1); // the rolled-back append left no trace in the chain either
  });

  it('the STS calls that write a session take the transactional way; reads do not', () => {
    for (const op of [
      'AssumeRole',
      'AssumeRoleWithSAML',
      'AssumeRoleWithWebIdentity',
      'GetSessionToken',
      'GetFederationToken',
    ])
      expect(changesState('sts', op), op).toBe(true);
    for (const op of ['GetCallerIdentity', 'GetAccessKeyInfo'])
      expect(changesState('sts', op), op).toBe(false);
    expect(changesState('iam', 'GetUser')).toBe(false);
    expect(changesState('iam', 'SimulatePrincipalPolicy')).toBe(false);
    expect(changesState('iam', 'DeleteUser')).toBe(true);
  });

  it('a secret parameter echoed by an error message is hidden in the event', async () => {
    const c = new AuditedCall(trail, store, () => ({ ...START, secretValues: ['98765x'] }), NOW);
    c.authenticated(CALLER, 'us-east-1');
    c.failed(new AwsError('ValidationError', "Value '98765x' at 'tokenCode' failed to satisfy constraint"));
    await trail.flush();
    const row = await store.db.selectFrom('audit_events').select('record').executeTakeFirstOrThrow();
    expect(row.record).not.toContain('98765x');
    expect(JSON.parse(row.record)).toMatchObject({
      errorMessage: "Value 'HIDDEN_DUE_TO_SECURITY_REASONS' at 'tokenCode' failed to satisfy constraint",
    });
  });

  it('a read is buffered and appended in a batch', async () => {
    const c = new AuditedCall(trail, store, () => ({ ...START, action: 'GetUser' }), NOW);
    c.authenticated(CALLER, 'us-east-1');
    c.decoded('GetUser', {});
    await c.run(async () => ({ User: {} }));
    expect(await store.db.selectFrom('audit_events').select('seq').execute()).toEqual([]);
    expect(await events()).toEqual([{ event_name: 'GetUser', error_code: null }]);
  });
});
