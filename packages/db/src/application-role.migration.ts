import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from './migration-schema';
import { APPLICATION_ROLE } from './row-scope';

/**
 * The application role and its rights on this schema, before any service table exists: default
 * privileges cover every table and sequence the owner creates later. The role is cluster-wide and
 * shared by every schema, so it is created if missing and never dropped here.
 */
export class CreateApplicationRole1763769600001 implements MigrationInterface {
  name = 'CreateApplicationRole1763769600001';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DO $$ BEGIN CREATE ROLE ${APPLICATION_ROLE} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await q.query(`GRANT USAGE ON SCHEMA ${s} TO ${APPLICATION_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA ${s} TO ${APPLICATION_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${APPLICATION_ROLE}`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE ON TABLES TO ${APPLICATION_ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${APPLICATION_ROLE}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE USAGE, SELECT ON SEQUENCES FROM ${APPLICATION_ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE SELECT, INSERT, UPDATE ON TABLES FROM ${APPLICATION_ROLE}`,
    );
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${APPLICATION_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${APPLICATION_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA ${s} FROM ${APPLICATION_ROLE}`);
  }
}
