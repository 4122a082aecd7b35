import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from './migration-schema';

/**
 * Drops the outbox's NOTIFY trigger. PostgreSQL serialises the commits of every transaction that
 * notifies (one database-wide lock held through the commit's WAL flush), so each write waited for
 * the previous one to reach disk: on this machine 3,600 commits/s with the trigger against 11,200
 * without (pgbench, 8 clients). The process that commits nudges its own relay instead, and relays
 * of other replicas find rows left behind by their poll (ADR 0010).
 */
export class DropOutboxNotify1795700000000 implements MigrationInterface {
  name = 'DropOutboxNotify1795700000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TRIGGER outbox_notify ON ${s}.outbox`);
    await q.query(`DROP FUNCTION ${s}.notify_outbox()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    const channel = `eco_outbox_${s.replaceAll('"', '')}`;
    await q.query(`
      CREATE FUNCTION ${s}.notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${channel}', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON ${s}.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.notify_outbox()`);
  }
}
