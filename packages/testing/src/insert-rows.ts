import type { DataSource } from 'typeorm';
import { applyRowScope } from '@eco/db';

/** Inserts fixture rows (snake_case keys) into a table in one statement, whatever their number. */
export async function insertRows(
  dataSource: DataSource,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).join(', ');
  // Fixtures are written as the system: every agency's rows (row-level security).
  await dataSource.transaction(async (manager) => {
    await applyRowScope(manager, 'all');
    await manager.query(
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1)`,
      [JSON.stringify(rows)],
    );
  });
}
