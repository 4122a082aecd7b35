import { Client } from 'pg';

/** Tables whose rows a refused request may legitimately leave (delivery and replay bookkeeping). */
// The audit sealer chains earlier entries in the background (ADR 0008), so its tables grow on their
// own; audit_log itself stays watched: a refused mutation must not append to it.
const BOOKKEEPING =
  /^(outbox|inbox|dead_letters|idempotency_keys|migrations|typeorm_metadata|audit_chain|audit_seal_state)$/;

/**
 * Row counts of every table of each subgraph's schema, read as the database owner (row-level
 * security does not hide rows from it): a refused mutation must leave them as they were.
 */
export async function openStateProbe(databaseUrl: string, schemas: readonly string[]) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const tables = await client.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
    [schemas],
  );
  const bySchema = new Map<string, string>();
  let watched = 0;
  for (const schema of schemas) {
    const names = tables.rows.filter((t) => t.table_schema === schema && !BOOKKEEPING.test(t.table_name));
    if (names.length === 0) continue;
    watched += names.length;
    const fields = names.map(
      (t) => `'${t.table_name}', (SELECT count(*) FROM "${t.table_schema}"."${t.table_name}")`,
    );
    bySchema.set(schema, `SELECT json_build_object(${fields.join(', ')}) AS counts`);
  }
  return {
    /** Tables watched (bookkeeping tables left out). */
    tableCount: watched,
    /** `{ "schema.table": rows }` for the schemas asked (all by default). */
    async counts(only: readonly string[] = schemas): Promise<Record<string, number>> {
      const result: Record<string, number> = {};
      for (const schema of only) {
        const sql = bySchema.get(schema);
        if (!sql) continue;
        const { rows } = await client.query<{ counts: Record<string, number> }>(sql);
        for (const [table, count] of Object.entries(rows[0]!.counts))
          result[`${schema}.${table}`] = Number(count);
      }
      return result;
    },
    close: () => client.end(),
  };
}

export function differences(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key}: ${before[key] ?? 0} → ${after[key] ?? 0}`);
}
