import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/** Timeline entries written in one transaction share a timestamp: keep their insertion order too. */
export class MeasureUpdateOrder1763790000011 implements MigrationInterface {
  name = 'MeasureUpdateOrder1763790000011';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`ALTER TABLE ${s}.measure_updates ADD COLUMN seq bigserial`);
    await q.query(`CREATE INDEX measure_updates_order ON ${s}.measure_updates (measure_id, at, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP INDEX ${s}.measure_updates_order`);
    await q.query(`ALTER TABLE ${s}.measure_updates DROP COLUMN seq`);
  }
}
