import { Client } from 'pg';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { generateData } from '../src/generate-data';
import type { GeneratedData } from '../src/generate-data';
import { PARTNER_INBOX_QUERY } from '../src/queries/partner-inbox.query';
import { countDashboard, DASHBOARD_QUERY, dashboardVariables } from '../src/queries/dashboard.query';

/**
 * The generator against the real system: it loads into the services' own tables after their
 * migrations, and what it loads reads back through the gateway as the services' own writes would.
 */
describe('the data generator on a migrated database', () => {
  let t: TestStack;
  let data: GeneratedData;

  beforeAll(async () => {
    t = await startTestStack({ label: 'bench_generator', demo: 'none' });
    data = await generateData(t.stack.databaseUrl, { scale: 0.05, connections: 2 });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('loads every generated row, foreign keys intact (the load checks them), and reports its rate', async () => {
    const client = new Client({ connectionString: t.stack.databaseUrl });
    await client.connect();
    try {
      for (const table of [
        'agencies.coordination_tasks',
        'rectification.measure_updates',
        'supervision.items',
      ]) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
        expect(Number(rows[0]!.n)).toBe(data.load.tables.find((x) => x.table === table)!.rows);
      }
    } finally {
      await client.end();
    }
    expect(data.load.rows).toBeGreaterThan(10_000);
    expect(data.load.rowsPerSecond).toBeGreaterThan(0);
  });

  it("answers a township's inbox across three subgraphs with every join in place, for a full 200-row page", async () => {
    const token = await t.tokenFor(data.facts.inboxAccount);
    const response = await t.gql<any>(token, PARTNER_INBOX_QUERY, { first: 200 });
    expect(response.errors).toBeUndefined();
    const { totalCount, edges } = response.data.myTasks;
    expect(totalCount).toBe(data.facts.inboxTaskCount);
    expect(edges).toHaveLength(200);
    const measureTasks = edges.filter((e: any) => e.node.measure !== null);
    expect(measureTasks.length).toBeGreaterThan(100);
    for (const { node } of measureTasks) {
      expect(node.problem).not.toBeNull();
      expect(node.measure.coordinatingAgencies.map((a: { name: string }) => a.name)).toContain('祝桥镇');
    }
    expect(measureTasks.filter((e: any) => e.node.finding !== null).length).toBeGreaterThan(0);
  });

  it('lets a partner report progress on the tasks handed to the write benchmark', async () => {
    const task = data.facts.actionableTasks[0]!;
    const token = await t.tokenFor({
      personId: task.personId,
      agencyId: task.agencyId,
      name: task.personName,
      roles: ['PARTNER_USER'],
    });
    const response = await t.gql<any>(
      token,
      'mutation($id: ID!) { reportTaskProgress(input: { taskId: $id, note: "压测前核对" }) { ok error { code } } }',
      { id: task.taskId },
    );
    expect(response.data.reportTaskProgress).toEqual({ ok: true, error: null });
  });

  it('answers the dashboard query for the largest campaign: the counts of the rows the lists give', async () => {
    const token = await t.tokenFor(data.facts.internalAccount);
    const response = await t.gql<any>(token, DASHBOARD_QUERY, dashboardVariables(data.facts));
    expect(response.errors).toBeUndefined();
    const counts = countDashboard(response.data);
    expect(counts.departments).toBeGreaterThan(1);
    const tally = (keys: string[]) =>
      keys.reduce<Record<string, number>>((n, key) => ({ ...n, [key]: (n[key] ?? 0) + 1 }), {});
    const rows = await t.gql<any>(
      token,
      'query($c: ID!) { rectificationLedger(campaignId: $c) { status } supervisionItems(status: OPEN) { light } }',
      { c: data.facts.dashboardCampaignId },
    );
    expect(rows.errors).toBeUndefined();
    expect(counts.measuresByStatus).toEqual(
      tally(rows.data.rectificationLedger.flatMap((r: { status: string | null }) => r.status ?? [])),
    );
    expect(counts.itemsByLight).toEqual(
      tally(rows.data.supervisionItems.map((i: { light: string | null }) => i.light ?? 'NONE')),
    );
  });
});
