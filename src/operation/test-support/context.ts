import { randomBytes } from 'node:crypto';
import { randomIds } from '../../auth/ids.js';
import { secretBoxFor } from '../../auth/secret-box.js';
import { openSqliteStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import type { Caller, OperationContext } from '../context.js';
import type { ManagedPolicy, ManagedPolicyCatalog } from '../managed-policies.js';

/** The account every test context operates in. */
export const TEST_ACCOUNT = '123456789012';

/** The root caller of the test account. */
export const ROOT_CALLER: Caller = {
  arn: `arn:aws:iam::${TEST_ACCOUNT}:root`,
  accountId: TEST_ACCOUNT,
  userId: TEST_ACCOUNT,
  kind: 'root',
  accessKeyId: 'AKIAROOTROOTROOTROOT',
};

/** A catalog over a fixed list, for tests that do not need AWS's real managed policies. */
export function catalogOf(policies: readonly ManagedPolicy[]): ManagedPolicyCatalog {
  const byArn = new Map(policies.map((p) => [p.arn, p]));
  return { get: (arn) => byArn.get(arn), list: () => policies };
}

export interface TestContextOptions {
  readonly caller?: Caller;
  readonly managedPolicies?: ManagedPolicyCatalog;
  readonly authorize?: OperationContext['authorize'];
  readonly now?: Date;
  readonly store?: Store;
}

/**
 * An operation context over a fresh in-memory SQLite store, with the test account created. By default the
 * caller is the account's root user and `authorize` allows everything (authorization is tested at the server).
 */
export async function testContext(
  options: TestContextOptions = {},
): Promise<OperationContext & { close(): Promise<void> }> {
  const store = options.store ?? (await openSqliteStore(':memory:'));
  await store.db
    .insertInto('accounts')
    .values({ id: TEST_ACCOUNT, alias: null, password_policy: null, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return {
    store,
    accountId: TEST_ACCOUNT,
    partition: 'aws',
    region: 'us-east-1',
    caller: options.caller ?? ROOT_CALLER,
    now: options.now ?? new Date(),
    requestId: randomIds.requestId(),
    secrets: secretBoxFor(randomBytes(32)),
    ids: randomIds,
    managedPolicies: options.managedPolicies ?? catalogOf([]),
    authorize: options.authorize ?? (async () => undefined),
    policiesChanged: () => undefined,
    close: () => store.close(),
  };
}
