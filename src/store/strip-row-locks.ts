import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  type UnknownRow,
} from 'kysely';

// Row-lock clauses that PostgreSQL understands and SQLite rejects as syntax errors.
const ROW_LOCKS = new Set(['ForUpdate', 'ForNoKeyUpdate', 'ForShare', 'ForKeyShare', 'NoWait', 'SkipLocked']);

class RowLockRemover extends OperationNodeTransformer {
  protected override transformSelectQuery(node: SelectQueryNode, queryId?: QueryId): SelectQueryNode {
    const transformed = super.transformSelectQuery(node, queryId);
    if (!transformed.endModifiers) return transformed;
    const endModifiers = transformed.endModifiers.filter((m) => !(m.modifier && ROW_LOCKS.has(m.modifier)));
    return { ...transformed, endModifiers: endModifiers.length > 0 ? endModifiers : undefined };
  }
}

/**
 * Removes `FOR UPDATE` (and the other row-lock clauses) from queries on SQLite, so that operations can write
 * `.forUpdate()` once and run on every driver. Dropping it is safe on SQLite: the store has one connection and
 * Kysely runs one transaction at a time on it, so a transaction's read-modify-write cannot interleave with another's.
 */
export class StripRowLocksPlugin implements KyselyPlugin {
  readonly #remover = new RowLockRemover();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#remover.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
