import type { Selectable } from 'kysely';
import type { OperationContext } from '../../operation/context.js';
import type { ManagedPolicy } from '../../operation/managed-policies.js';
import { parseArn } from '../../policy/index.js';
import type { PoliciesTable } from '../../store/schema.js';
import type { Db } from '../common/entity-lookup.js';

/** A customer managed policy's row. */
export type PolicyRow = Selectable<PoliciesTable>;

/** A managed policy named by ARN: an AWS managed one from the catalog, or one of the account's own. */
export type ResolvedPolicy =
  | { readonly kind: 'aws'; readonly arn: string; readonly policy: ManagedPolicy }
  | { readonly kind: 'local'; readonly arn: string; readonly row: PolicyRow };

/** The ARN prefix of AWS managed policies in the request's partition. */
export function awsManagedPrefix(ctx: Pick<OperationContext, 'partition'>): string {
  return `arn:${ctx.partition}:iam::aws:policy/`;
}

/** True when an ARN names an AWS managed policy (account `aws`). */
export function isAwsManagedArn(ctx: Pick<OperationContext, 'partition'>, arn: string): boolean {
  return arn.startsWith(awsManagedPrefix(ctx));
}

// INVARIANT: the catalog keys its policies by their `arn:aws:` ARNs; other partitions map onto them.
const CATALOG_PREFIX = 'arn:aws:iam::aws:policy/';

/** The catalog's entry for an AWS managed policy ARN of the request's partition. */
export function awsManagedPolicy(
  ctx: Pick<OperationContext, 'partition' | 'managedPolicies'>,
  arn: string,
): ManagedPolicy | undefined {
  if (!isAwsManagedArn(ctx, arn)) return undefined;
  return ctx.managedPolicies.get(CATALOG_PREFIX + arn.slice(awsManagedPrefix(ctx).length));
}

/** An AWS managed policy's ARN in the request's partition. */
export function awsManagedArn(ctx: Pick<OperationContext, 'partition'>, policy: ManagedPolicy): string {
  return awsManagedPrefix(ctx) + policy.arn.slice(CATALOG_PREFIX.length);
}

/** Finds the managed policy an ARN names, AWS managed or the account's own. */
export async function resolvePolicy(
  ctx: Pick<OperationContext, 'partition' | 'managedPolicies' | 'accountId'>,
  db: Db,
  arn: string,
): Promise<ResolvedPolicy | undefined> {
  const aws = awsManagedPolicy(ctx, arn);
  if (aws !== undefined) return { kind: 'aws', arn, policy: aws };
  const row = await db
    .selectFrom('policies')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .where('arn', '=', arn)
    .executeTakeFirst();
  return row === undefined ? undefined : { kind: 'local', arn, row };
}

/** A policy's path and name, read from its ARN (`arn:…:policy/path/Name`). */
export function policyNameOf(arn: string): { path: string; name: string } {
  const resource = parseArn(arn)?.resource ?? arn;
  const body = resource.startsWith('policy/') ? resource.slice('policy'.length) : `/${resource}`;
  const slash = body.lastIndexOf('/');
  return { path: body.slice(0, slash + 1), name: body.slice(slash + 1) };
}

/** True when the text is shaped as an ARN at all (AWS's first check on a PolicyArn). */
export function isArn(text: string): boolean {
  return parseArn(text) !== undefined;
}

/** True when the ARN names an IAM policy (`arn:…:iam::…:policy/…`). */
export function isPolicyArn(text: string): boolean {
  const arn = parseArn(text);
  return arn !== undefined && arn.service === 'iam' && arn.resource.startsWith('policy/');
}
