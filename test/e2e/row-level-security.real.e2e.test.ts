import { Client } from 'pg';
import { APPLICATION_ROLE } from '@eco/db';
import { agencyIdOf, personIdOf, stableId } from '@eco/demo-data';
import { insertRows, startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';

/**
 * The backstop behind the application's checks (issue #7): services connect as a non-owner role,
 * and forced row-level security shows agency-scoped rows only to a transaction that names the
 * agency (or 'all'). A session that set no scope sees none, whatever its query.
 */
// Embedded PGlite has one superuser session, so the backstop exists only on a real server: this file
// is left out (with a banner) when none is reachable — see jest.config.cjs.
describe('row-level security on agency-scoped tables', () => {
  let t: TestStack;
  let app: Client;
  const SEED_003_TASKS = 16;

  beforeAll(async () => {
    t = await startTestStack({ label: 'rls', demo: 'all' });
    app = new Client({ connectionString: t.stack.databaseUrl, options: `-c role=${APPLICATION_ROLE}` });
    await app.connect();
    // One finding, granted to 祝桥镇 only.
    const inspections = t.stack.subgraphs.inspections.runtime.dataSource;
    const findingId = crypto.randomUUID();
    await insertRows(inspections, 'inspections.findings', [
      {
        id: findingId,
        round_id: stableId('round', 'seed-000:2023'),
        number: '1',
        target_agency_id: agencyIdOf('waste-centre'),
        title: '发现',
        description: '-',
        status: 'CONFIRMED',
        recorded_by: personIdOf('demo-rectification-office'),
        recorded_at: new Date().toISOString(),
        version: 1,
      },
    ]);
    await insertRows(inspections, 'inspections.finding_grants', [
      { finding_id: findingId, agency_id: agencyIdOf('zhuqiao') },
    ]);
    await waitFor('the seed-003 tasks', async () =>
      (await countAs('all', 'agencies.coordination_tasks')) === SEED_003_TASKS ? true : undefined,
    );
  });

  afterAll(async () => {
    await app?.end();
    await t?.stop();
  });

  async function countAs(scope: string | null, table: string): Promise<number> {
    await app.query('BEGIN');
    try {
      if (scope) await app.query(`SELECT set_config('eco.row_scope', $1, true)`, [scope]);
      return (await app.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    } finally {
      await app.query('COMMIT');
    }
  }

  it('runs as the application role, which owns no table', async () => {
    const { rows } = await app.query(
      'SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    expect(rows[0]).toEqual({ current_user: APPLICATION_ROLE, rolsuper: false, rolbypassrls: false });
  });

  it('returns no partner-scoped rows to a session with no agency set', async () => {
    for (const table of [
      'agencies.coordination_tasks',
      'agencies.task_updates',
      'supervision.items',
      'supervision.direct_line_items',
      'inspections.findings',
      'inspections.finding_grants',
      'rectification.problems',
      'rectification.measures',
      'rectification.measure_updates',
    ]) {
      expect([table, await countAs(null, table)]).toEqual([table, 0]);
    }
    // Tables that hold no agency-scoped rows stay readable.
    expect(await countAs(null, 'agencies.agencies')).toBeGreaterThan(20);
  });

  it("shows an agency's transaction only that agency's rows", async () => {
    expect(await countAs(agencyIdOf('zhuqiao'), 'agencies.coordination_tasks')).toBe(4);
    expect(await countAs(agencyIdOf('caolu'), 'agencies.coordination_tasks')).toBe(2);
    expect(await countAs(agencyIdOf('zhuqiao'), 'inspections.findings')).toBe(1);
    expect(await countAs(agencyIdOf('caolu'), 'inspections.findings')).toBe(0);
    expect(await countAs('all', 'inspections.findings')).toBe(1);
    // Seed 003: 祝桥镇 is named on problems 1-1 and 1-2; it sees all five of their measures (their
    // status derives from all of them) but the timelines of its own four measures only.
    expect(await countAs(agencyIdOf('zhuqiao'), 'rectification.problems')).toBe(2);
    expect(await countAs(agencyIdOf('zhuqiao'), 'rectification.measures')).toBe(5);
    expect(await countAs('all', 'rectification.problems')).toBe(4);
    const ownTimelines = await countAs(agencyIdOf('zhuqiao'), 'rectification.measure_updates');
    // Each assigned measure has a CREATED and an ASSIGNED_TO_AGENCIES entry.
    expect(ownTimelines).toBe(8);
    await app.query('BEGIN');
    await app.query(`SELECT set_config('eco.row_scope', $1, true)`, [agencyIdOf('zhuqiao')]);
    const { rows } = await app.query('SELECT DISTINCT agency_id FROM agencies.coordination_tasks');
    await app.query('COMMIT');
    expect(rows).toEqual([{ agency_id: agencyIdOf('zhuqiao') }]);
  });

  it("refuses to write a row into another agency's scope", async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('eco.row_scope', $1, true)`, [agencyIdOf('zhuqiao')]);
    await expect(
      app.query(
        `INSERT INTO agencies.coordination_tasks (id, agency_id, subject_kind, subject_id, title, status, opened_at, source_event_id)
         VALUES (gen_random_uuid(), $1, 'MEASURE', gen_random_uuid(), '越权', 'OPEN', now(), gen_random_uuid())`,
        [agencyIdOf('caolu')],
      ),
    ).rejects.toThrow(/row-level security/);
    await app.query('ROLLBACK');
  });

  it('cannot be switched off by the application role', async () => {
    await expect(
      app.query('ALTER TABLE agencies.coordination_tasks DISABLE ROW LEVEL SECURITY'),
    ).rejects.toThrow(/must be owner/);
  });
});
