import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccessKey } from './access-keys/create-access-key.js';
import { getAccessKeyLastUsed } from './access-keys/get-access-key-last-used.js';
import { listAccessKeys } from './access-keys/list-access-keys.js';
import { harness, type Harness } from './common/test-support/identities.js';
import { createLoginProfile } from './login-profiles/create-login-profile.js';
import { getLoginProfile } from './login-profiles/get-login-profile.js';
import { updateLoginProfile } from './login-profiles/update-login-profile.js';
import { createUser } from './users/create-user.js';
import { getUser } from './users/get-user.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

/** Every value in every table of the database, as text. */
async function everythingStored(): Promise<string> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
    h.ctx.store.db,
  );
  const dumps: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(h.ctx.store.db);
    dumps.push(JSON.stringify(rows.rows));
  }
  return dumps.join('\n');
}

describe('secrets at rest and in responses', () => {
  it('the database never holds a secret access key or a password in clear', async () => {
    await createUser(h.ctx, { UserName: 'alice' });
    const userKey = await createAccessKey(h.ctx, { UserName: 'alice' });
    const rootKey = await createAccessKey(h.ctx, {});
    await createLoginProfile(h.ctx, { UserName: 'alice', Password: 'First-Password-1' });
    await updateLoginProfile(h.ctx, { UserName: 'alice', Password: 'Second-Password-2' });

    const stored = await everythingStored();
    for (const secret of [
      userKey.AccessKey.SecretAccessKey,
      rootKey.AccessKey.SecretAccessKey,
      'First-Password-1',
      'Second-Password-2',
    ]) {
      expect(stored).not.toContain(secret);
    }
    // The dump did read the rows: the key ids are there.
    expect(stored).toContain(userKey.AccessKey.AccessKeyId);
  });

  it('only CreateAccessKey returns the secret; no other response carries a secret or a password', async () => {
    await createUser(h.ctx, { UserName: 'alice' });
    const { AccessKey } = await createAccessKey(h.ctx, { UserName: 'alice' });
    await createLoginProfile(h.ctx, { UserName: 'alice', Password: 'First-Password-1' });
    const responses = JSON.stringify([
      await listAccessKeys(h.ctx, { UserName: 'alice' }),
      await getAccessKeyLastUsed(h.ctx, { AccessKeyId: AccessKey.AccessKeyId }),
      await getLoginProfile(h.ctx, { UserName: 'alice' }),
      await getUser(h.ctx, { UserName: 'alice' }),
    ]);
    expect(responses).not.toContain(AccessKey.SecretAccessKey);
    expect(responses).not.toContain('First-Password-1');
    expect(responses).not.toMatch(/argon2/);
  });
});
