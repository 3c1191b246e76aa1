import type { Db } from '../../common/entity-lookup.js';

/** How a managed policy is used in an account: `AttachmentCount` and `PermissionsBoundaryUsageCount`. */
export interface PolicyUsage {
  readonly attachments: number;
  readonly boundaries: number;
}

const UNUSED: PolicyUsage = { attachments: 0, boundaries: 0 };

/** The usage of every managed policy the account uses, by ARN (AWS managed ones included). */
export async function usageByArn(db: Db, accountId: string): Promise<Map<string, PolicyUsage>> {
  const usage = new Map<string, { attachments: number; boundaries: number }>();
  const entry = (arn: string) => {
    let e = usage.get(arn);
    if (e === undefined) usage.set(arn, (e = { attachments: 0, boundaries: 0 }));
    return e;
  };
  const attached = await db
    .selectFrom('attachments')
    .select(['policy_arn', db.fn.countAll<number>().as('n')])
    .where('account_id', '=', accountId)
    .groupBy('policy_arn')
    .execute();
  for (const row of attached) entry(row.policy_arn).attachments += Number(row.n);
  for (const table of ['users', 'roles'] as const) {
    const bounded = await db
      .selectFrom(table)
      .select(['permissions_boundary', db.fn.countAll<number>().as('n')])
      .where('account_id', '=', accountId)
      .where('permissions_boundary', 'is not', null)
      .groupBy('permissions_boundary')
      .execute();
    for (const row of bounded) entry(row.permissions_boundary!).boundaries += Number(row.n);
  }
  return usage;
}

/** The usage of one managed policy. */
export async function usageOf(db: Db, accountId: string, arn: string): Promise<PolicyUsage> {
  const count = async (query: Promise<{ n: number | string | bigint } | undefined>) =>
    Number((await query)?.n ?? 0);
  const attachments = await count(
    db
      .selectFrom('attachments')
      .select(db.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('policy_arn', '=', arn)
      .executeTakeFirst(),
  );
  let boundaries = 0;
  for (const table of ['users', 'roles'] as const) {
    boundaries += await count(
      db
        .selectFrom(table)
        .select(db.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .where('permissions_boundary', '=', arn)
        .executeTakeFirst(),
    );
  }
  return attachments === 0 && boundaries === 0 ? UNUSED : { attachments, boundaries };
}
