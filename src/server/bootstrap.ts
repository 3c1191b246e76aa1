import type { IdGenerator } from '../auth/ids.js';
import type { SecretBox } from '../auth/secret-box.js';
import type { Store } from '../store/store.js';

/** The account's root access key. The secret is known here only when it was just created or preset. */
export interface RootKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * Makes sure the account exists and has a root access key. On the first start it creates the account and a root
 * key (returned so the caller can print it once); a preset key (IAMD_ROOT_ACCESS_KEY_ID / _SECRET_ACCESS_KEY) is
 * stored if it is not there yet. Returns the key only when it was created now.
 */
export async function bootstrapAccount(
  store: Store,
  secrets: SecretBox,
  ids: IdGenerator,
  accountId: string,
  now: Date,
  preset: RootKey | undefined,
): Promise<RootKey | undefined> {
  return store.transaction(async (tx) => {
    const account = await tx
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (account === undefined) {
      await tx
        .insertInto('accounts')
        .values({ id: accountId, alias: null, password_policy: null, created_at: now.toISOString() })
        .execute();
    }
    if (preset !== undefined) {
      const existing = await tx
        .selectFrom('access_keys')
        .select('id')
        .where('id', '=', preset.accessKeyId)
        .executeTakeFirst();
      if (existing === undefined) await insertRootKey(tx, secrets, accountId, now, preset);
      return undefined;
    }
    if (account !== undefined) return undefined;
    const key = { accessKeyId: ids.accessKeyId('AKIA'), secretAccessKey: ids.secretAccessKey() };
    await insertRootKey(tx, secrets, accountId, now, key);
    return key;
  });
}

async function insertRootKey(
  tx: Parameters<Parameters<Store['transaction']>[0]>[0],
  secrets: SecretBox,
  accountId: string,
  now: Date,
  key: RootKey,
): Promise<void> {
  await tx
    .insertInto('access_keys')
    .values({
      id: key.accessKeyId,
      account_id: accountId,
      user_id: null,
      secret_ciphertext: secrets.seal(key.secretAccessKey),
      status: 'Active',
      created_at: now.toISOString(),
      last_used_at: null,
      last_used_service: null,
      last_used_region: null,
    })
    .execute();
}
