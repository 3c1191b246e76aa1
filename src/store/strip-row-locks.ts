import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  type UnknownRow,
} from 'kysely';

// Row-lock clauses that PostgreSQL understands and SQLite rejects as syntax errors.
const ROW_LOCKS = new Set(['ForUpdate', 'ForNoKeyUpdate', 'ForShare', 'ForKeyShare', 'NoWait', 'SkipLocked']);

function isRowLock(modifier: { readonly modifier?: string | undefined }): boolean {
  return modifier.modifier !== undefined && ROW_LOCKS.has(modifier.modifier);
}

/**
 * Removes `FOR UPDATE` (and the other row-lock clauses) from queries on SQLite, so that operations can write
 * `.forUpdate()` once and run on every driver. Dropping it is safe on SQLite: the store has one connection and
 * Kysely runs one transaction at a time on it, so a transaction's read-modify-write cannot interleave with another's.
 */
export class StripRowLocksPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // INVARIANT: operations put row locks only on top-level selects, so only those are looked at; a full tree
    // transform of every query would cost more than most queries take to run.
    const node = args.node;
    if (node.kind !== 'SelectQueryNode' || !node.endModifiers?.some(isRowLock)) return node;
    const endModifiers = node.endModifiers.filter((m) => !isRowLock(m));
    return {
      ...node,
      endModifiers: endModifiers.length > 0 ? endModifiers : undefined,
    } satisfies SelectQueryNode;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
