import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

export class SupervisionCore1763774000000 implements MigrationInterface {
  name = 'SupervisionCore1763774000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.items (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        category text NOT NULL,
        source_platform text,
        responsible_department_id uuid,
        responsible_person_id uuid,
        involved_agency_ids uuid[] NOT NULL DEFAULT '{}',
        light text CHECK (light IN ('GREEN','YELLOW','RED')),
        due_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX items_department ON ${s}.items (responsible_department_id)`);
    await q.query(`CREATE INDEX items_involved ON ${s}.items USING gin (involved_agency_ids)`);
    await q.query(`
      CREATE TABLE ${s}.item_updates (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES ${s}.items(id),
        kind text NOT NULL,
        note text,
        actor_person_id uuid,
        actor_name text,
        actor_agency_id uuid,
        source_event_id uuid,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX item_updates_item ON ${s}.item_updates (item_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.item_updates`);
    await q.query(`DROP TABLE ${s}.items`);
  }
}
