import { agenciesSubgraph } from '@eco/agencies-service';
import { createServiceDataSource, createTestDatabase, openServiceDatabase } from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { inspectionsSubgraph } from '@eco/inspections-service';
import { rectificationSubgraph } from '@eco/rectification-service';
import { resolveTestServices } from '@eco/testing';
import { supervisionSubgraph } from '@eco/supervision-service';

const SUBGRAPHS = [agenciesSubgraph, inspectionsSubgraph, rectificationSubgraph, supervisionSubgraph];

/** Migrations are the only way schemas change (synchronize is never on), and each one can be undone. */
describe('every subgraph migration', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    const services = await resolveTestServices();
    database = await createTestDatabase(services.postgresUrl, 'migrations');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))(
    'in %s runs up, down to nothing, and up again',
    async (name, subgraph) => {
      const dataSource = createServiceDataSource({
        url: database.url,
        schema: name,
        entities: subgraph.entities,
        migrations: subgraph.migrations,
        // Undoing migrations is the owner's job, not the application role's.
        asApplicationRole: false,
      });
      const tables = async () =>
        (
          (await dataSource.query(
            'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
            [name],
          )) as {
            table_name: string;
          }[]
        ).map((r) => r.table_name);
      try {
        await openServiceDatabase(dataSource);
        const migrated = await tables();
        expect(migrated).toEqual(expect.arrayContaining(['outbox', 'inbox', 'dead_letters', 'migrations']));
        expect(await dataSource.showMigrations()).toBe(false);
        // The entities match the tables the migrations made.
        for (const metadata of dataSource.entityMetadatas) expect(migrated).toContain(metadata.tableName);
        // ...column for column: an entity changed without a migration shows here. Constraints,
        // indexes and defaults are the migrations' alone (the entities do not restate them), so
        // only what TypeORM would change in tables and columns counts.
        const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
        const columnChanges = upQueries
          .map((q) => q.query)
          .filter((sql) => /\b(CREATE TABLE|ADD COLUMN|DROP COLUMN|RENAME COLUMN|TYPE|NOT NULL)\b/.test(sql));
        expect(columnChanges).toEqual([]);

        for (let i = 0; i < dataSource.migrations.length; i += 1) await dataSource.undoLastMigration();
        expect(await tables()).toEqual(['migrations']);

        await dataSource.runMigrations();
        expect(await tables()).toEqual(migrated);
      } finally {
        if (dataSource.isInitialized) await dataSource.destroy();
      }
    },
  );
});
