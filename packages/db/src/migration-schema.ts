import type { QueryRunner } from 'typeorm';

/** The schema a migration runs in: the data source's own, so one migration serves every service. */
export function migrationSchema(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('migrations need a data source with a schema');
  return `"${schema}"`;
}
