import {
  PostgresIntrospector,
  sql,
  type ColumnMetadata,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Dialect,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

/** Kysely's migration bookkeeping tables, left out of a listing unless asked for (as Kysely's introspector does). */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface ColumnRow {
  readonly table: string;
  readonly kind: string;
  readonly schema: string;
  readonly column: string;
  readonly not_null: boolean;
  readonly has_default: boolean;
  readonly type: string;
  readonly type_schema: string;
  readonly comment: string | null;
  readonly sequence: string | null;
}

/**
 * Lists the tables of one schema only: the store's, or the connection's current schema when the store names none.
 *
 * Kysely's Migrator looks up its bookkeeping tables through `getTables()` on every run, and Kysely's own
 * PostgreSQL introspector reads every column of every table in every schema of the database, describing each
 * with `pg_get_serial_sequence`. On a database that holds many schemas (one per tenant, or per test server) that
 * took seconds per store opened: about 4.7 s with 1,100 schemas, even when there was nothing to migrate. Listing
 * one schema also keeps a store in the default schema from taking another schema's bookkeeping tables for its own.
 */
export class SchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  readonly #schema: string | undefined;

  constructor(db: Kysely<unknown>, schema: string | undefined) {
    this.#db = db;
    this.#schema = schema;
  }

  getSchemas(): Promise<SchemaMetadata[]> {
    return new PostgresIntrospector(this.#db).getSchemas();
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const schema = this.#schema === undefined ? sql`current_schema()` : sql`${this.#schema}`;
    const { rows } = await sql<ColumnRow>`
      select c.relname as table, c.relkind as kind, ns.nspname as schema, a.attname as column,
        a.attnotnull as not_null, a.atthasdef as has_default, typ.typname as type, tns.nspname as type_schema,
        col_description(a.attrelid, a.attnum) as comment,
        pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) as sequence
      from pg_catalog.pg_namespace ns
      join pg_catalog.pg_class c on c.relnamespace = ns.oid
      join pg_catalog.pg_attribute a on a.attrelid = c.oid
      join pg_catalog.pg_type typ on typ.oid = a.atttypid
      join pg_catalog.pg_namespace tns on tns.oid = typ.typnamespace
      where ns.nspname = ${schema}
        and c.relkind in ('r', 'v', 'p', 'f')
        and a.attnum > 0
        and not a.attisdropped
      order by c.relname, a.attnum`.execute(this.#db);
    const tables = new Map<string, { metadata: TableMetadata; columns: ColumnMetadata[] }>();
    for (const row of rows) {
      if (!options.withInternalKyselyTables && MIGRATION_TABLES.has(row.table)) continue;
      let table = tables.get(row.table);
      if (table === undefined) {
        const columns: ColumnMetadata[] = [];
        const metadata: TableMetadata = {
          name: row.table,
          schema: row.schema,
          isView: row.kind === 'v',
          isForeign: row.kind === 'f',
          columns,
        };
        table = { metadata, columns };
        tables.set(row.table, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isNullable: !row.not_null,
        isAutoIncrementing: row.sequence !== null,
        hasDefaultValue: row.has_default,
        comment: row.comment ?? undefined,
      });
    }
    return [...tables.values()].map((table) => table.metadata);
  }
}

/** A PostgreSQL dialect (a server's or PGlite's) whose introspection lists one schema only (see SchemaIntrospector). */
export function introspectingSchema(dialect: Dialect, schema: string | undefined): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => dialect.createDriver(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => new SchemaIntrospector(db, schema),
  };
}
