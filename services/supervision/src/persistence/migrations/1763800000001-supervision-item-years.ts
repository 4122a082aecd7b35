import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/** Data only: items registered before years existed belong to the year they were registered in. */
export class SupervisionItemYears1763800000001 implements MigrationInterface {
  name = 'SupervisionItemYears1763800000001';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    // Every agency's rows, whatever role runs migrations (row-level security is forced on items).
    await q.query(`SELECT set_config('eco.row_scope', 'all', true)`);
    await q.query(
      `UPDATE ${s}.items SET year = extract(year FROM (created_at AT TIME ZONE 'Asia/Shanghai'))::int`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: the column (and these values) go with the previous migration's down.
  }
}
