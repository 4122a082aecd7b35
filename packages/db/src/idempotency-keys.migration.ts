import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from './migration-schema';
import { APPLICATION_ROLE } from './row-scope';

/**
 * Idempotency keys of write mutations (ADR 0007): one row per caller and key, holding a hash of
 * the request and the response that was sent, committed with the mutation's effect.
 */
export class CreateIdempotencyKeys1795300000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795300000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.idempotency_keys (
        principal_id text NOT NULL,
        key text NOT NULL,
        mutation text NOT NULL,
        request_hash text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created ON ${s}.idempotency_keys (created_at)`);
    // Expired keys are purged by the service itself.
    await q.query(`GRANT DELETE ON ${s}.idempotency_keys TO ${APPLICATION_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${migrationSchema(q)}.idempotency_keys`);
  }
}
