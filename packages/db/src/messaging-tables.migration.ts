import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from './migration-schema';

export class CreateMessagingTables1763769600000 implements MigrationInterface {
  name = 'CreateMessagingTables1763769600000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.outbox (
        position bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        subject text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        leased_until timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON ${s}.outbox (position) WHERE published_at IS NULL`);
    await q.query(`
      CREATE TABLE ${s}.inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        subject text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`
      CREATE TABLE ${s}.dead_letters (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        subject text NOT NULL,
        envelope jsonb NOT NULL,
        error text NOT NULL,
        attempts int NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz,
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.dead_letters`);
    await q.query(`DROP TABLE ${s}.inbox`);
    await q.query(`DROP TABLE ${s}.outbox`);
  }
}
