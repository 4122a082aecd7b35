import { Client } from 'pg';

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  childColumns: string[];
  parentColumns: string[];
}

/**
 * Checks every foreign key of `schemas` with one anti-join each, as a restore does after loading
 * with triggers off: returns the constraints that some row breaks (none, for a correct generator).
 * Read from the catalog, so keys added by later migrations are checked too.
 */
export async function brokenForeignKeys(databaseUrl: string, schemas: string[]): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<ForeignKey>(
      `SELECT c.conname AS name,
              format('%I.%I', cn.nspname, cc.relname) AS child,
              format('%I.%I', pn.nspname, pc.relname) AS parent,
              ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS "childColumns",
              ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "parentColumns"
         FROM pg_constraint c
         JOIN pg_class cc ON cc.oid = c.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
         JOIN pg_class pc ON pc.oid = c.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE c.contype = 'f' AND cn.nspname = ANY($1)`,
      [schemas],
    );
    const broken: string[] = [];
    for (const fk of rows) {
      const notNull = fk.childColumns.map((col) => `c.${col} IS NOT NULL`).join(' AND ');
      const joined = fk.childColumns.map((col, i) => `p.${fk.parentColumns[i]} = c.${col}`).join(' AND ');
      const { rows: found } = await client.query(
        `SELECT 1 FROM ${fk.child} c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${joined}) LIMIT 1`,
      );
      if (found.length > 0) broken.push(`${fk.child} ${fk.name}`);
    }
    return broken;
  } finally {
    await client.end();
  }
}
