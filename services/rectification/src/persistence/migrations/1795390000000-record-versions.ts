import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

const VERSIONED = ['campaigns', 'problems', 'measures'];

/** Campaigns, problems and measures carry a version, so edits can name the one they read (ADR 0008). */
export class RectificationRecordVersions1795390000000 implements MigrationInterface {
  name = 'RectificationRecordVersions1795390000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    for (const table of VERSIONED) {
      await q.query(`ALTER TABLE ${s}.${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    for (const table of VERSIONED) await q.query(`ALTER TABLE ${s}.${table} DROP COLUMN version`);
  }
}
