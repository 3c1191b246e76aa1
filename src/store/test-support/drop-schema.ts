import pg from 'pg';

/** Drops a PostgreSQL schema and everything in it, on a connection of its own: a test's cleanup. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
