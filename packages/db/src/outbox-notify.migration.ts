import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from './migration-schema';

/** The channel on which a schema's outbox announced new rows (dropped again: DropOutboxNotify1795700000000). */
function outboxChannel(schema: string): string {
  return `eco_outbox_${schema}`;
}

/**
 * Relays in every replica wake on NOTIFY when outbox rows commit, instead of waiting for their
 * poll; one notification per statement. Also: an index for the reconciler's scan of published
 * events, and who replayed a dead letter.
 */
export class OutboxNotifyAndReconcile1795300000001 implements MigrationInterface {
  name = 'OutboxNotifyAndReconcile1795300000001';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    const channel = outboxChannel(s.replaceAll('"', ''));
    await q.query(`
      CREATE FUNCTION ${s}.notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${channel}', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON ${s}.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.notify_outbox()`);
    await q.query(`CREATE INDEX outbox_subject_published ON ${s}.outbox (subject, published_at)`);
    await q.query(`ALTER TABLE ${s}.dead_letters ADD COLUMN replayed_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`ALTER TABLE ${s}.dead_letters DROP COLUMN replayed_by`);
    await q.query(`DROP INDEX ${s}.outbox_subject_published`);
    await q.query(`DROP TRIGGER outbox_notify ON ${s}.outbox`);
    await q.query(`DROP FUNCTION ${s}.notify_outbox()`);
  }
}
