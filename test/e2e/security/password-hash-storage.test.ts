import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { TABLES } from '../../../src/store/tables.js';
import { consolePost, signedIn } from '../support/console.js';
import { ACCOUNT, clients, ROOT_PASSWORD, startTestServer } from '../support/server.js';
import { userClients, type FileServer } from '../operations/support.js';

// Every password iamd is given is stored only as an argon2id hash: the current ones, the remembered ones (reuse
// prevention) and the root user's. This scans the text of every row of every table for each password set.
const env = {} as FileServer;
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
  env.server = server;
  Object.assign(env, clients(server));
});
afterAll(() => server.close());

describe('password storage', () => {
  it('no table holds any password in clear, after creates, updates, changes and a root password change', async () => {
    const passwords = [
      'Created-pass-1',
      'Updated-pass-2',
      'Changed-pass-3',
      'Changed-pass-4',
      ROOT_PASSWORD,
      'New-root-pass-5',
    ];
    await env.iam.send(
      new UpdateAccountPasswordPolicyCommand({
        AllowUsersToChangePassword: true,
        PasswordReusePrevention: 24,
      }),
    );
    const user = await userClients(env);
    await env.iam.send(new CreateLoginProfileCommand({ UserName: user.userName, Password: passwords[0]! }));
    await env.iam.send(new UpdateLoginProfileCommand({ UserName: user.userName, Password: passwords[1]! }));
    await user.iam.send(
      new ChangePasswordCommand({ OldPassword: passwords[1]!, NewPassword: passwords[2]! }),
    );
    const session = await signedIn(server, {
      account: ACCOUNT,
      user: user.userName,
      password: passwords[2]!,
    });
    const changed = await consolePost(
      server,
      '/_iamd/console/change-password',
      { oldPassword: passwords[2]!, newPassword: passwords[3]! },
      { session },
    );
    expect(changed.status).toBe(200);
    const root = await signedIn(server, { account: ACCOUNT, root: true, password: ROOT_PASSWORD });
    const rootChanged = await consolePost(
      server,
      '/_iamd/console/change-password',
      { oldPassword: ROOT_PASSWORD, newPassword: passwords[5]! },
      { session: root },
    );
    expect(rootChanged.status).toBe(200);

    const dump: string[] = [];
    for (const table of TABLES) {
      const rows = await server.store.db.selectFrom(table).selectAll().execute();
      dump.push(JSON.stringify(rows));
    }
    const text = dump.join('\n');
    for (const password of passwords) expect(text.includes(password), password).toBe(false);
    // The history and the current hashes are there, as argon2id.
    const history = await server.store.db.selectFrom('password_history').select('password_hash').execute();
    expect(history.length).toBe(4);
    expect(history.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
    const account = await server.store.db
      .selectFrom('accounts')
      .select('root_password_hash')
      .executeTakeFirstOrThrow();
    expect(account.root_password_hash).toMatch(/^\$argon2id\$/);
    // The session ids and CSRF tokens are stored as hashes too.
    const cookieId = session.cookie.split('=')[1]!;
    expect(text.includes(cookieId)).toBe(false);
    expect(text.includes(session.csrfToken)).toBe(false);
  });
});
