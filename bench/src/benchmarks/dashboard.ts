// 3. The internal dashboard query (counts by department, light and status) through the gateway,
// against the single-fetch page as baseline. Run alone: npx tsx bench/src/benchmarks/dashboard.ts --smoke
import { observe, runStandalone } from '../harness/bench-environment';
import type { BenchEnvironment } from '../harness/bench-environment';
import { checkOnce, graphqlBody, measurePair } from '../harness/load';
import type { LoadSpec } from '../harness/load';
import { LOAD_COLUMNS, loadRow, percent, profileNotes } from '../harness/report';
import type { BenchResult } from '../harness/report';
import { describePlan, planShape } from '../harness/query-plan';
import { countDashboard, DASHBOARD_QUERY, dashboardVariables } from '../queries/dashboard.query';
import { singleFetchSpecs } from './gateway-overhead';

/** A dashboard is read by the bureau's leaders and offices: a handful at once, not fifty. */
export const DASHBOARD_CONNECTIONS = 10;

export async function dashboard(env: BenchEnvironment): Promise<BenchResult> {
  const { options, facts } = env;
  const token = await env.stack.userToken(facts.internalAccount);
  const body = graphqlBody(DASHBOARD_QUERY, dashboardVariables(facts));
  const spec: LoadSpec = {
    label: 'dashboard: notice + ledger + supervised items',
    url: env.stack.gatewayUrl,
    connections: DASHBOARD_CONNECTIONS,
    next: () => ({ headers: { authorization: `Bearer ${token}` }, body }),
  };
  const response = await fetch(spec.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const bytes = (await response.clone().arrayBuffer()).byteLength;
  await checkOnce(spec.url, spec.next());
  const counts = countDashboard(
    ((await response.json()) as { data: Parameters<typeof countDashboard>[0] }).data,
  );
  const { gateway: singleFetch } = await singleFetchSpecs(env, DASHBOARD_CONNECTIONS);
  singleFetch.label = 'single-fetch page through the gateway (baseline)';
  const { baseline, target } = await measurePair(singleFetch, spec, {
    seconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    rounds: options.rounds,
    observed: observe(env.stack),
  });
  const ledgerRows = Object.values(counts.measuresByStatus).reduce((a, b) => a + b, 0);
  const items = Object.values(counts.itemsByLight).reduce((a, b) => a + b, 0);
  return {
    title: `3. Internal dashboard (${DASHBOARD_CONNECTIONS} connections)`,
    columns: [...LOAD_COLUMNS, 'RPS vs baseline'],
    rows: [loadRow(baseline, 1), loadRow(target, target.rps / baseline.rps)],
    targets: [],
    notes: [
      ...profileNotes(baseline, target),
      `the issue sets no target for the dashboard; it answers at ${percent(target.rps / baseline.rps)} of the single-fetch page's RPS`,
      `one answer: ${ledgerRows} ledger rows of the largest campaign, ${items} supervised items of the year, ${counts.departments} departments, ${counts.departmentLightCells} department × light cells, ${Math.round(bytes / 1024)} KiB`,
      `measures by status ${JSON.stringify(counts.measuresByStatus)}; items by light ${JSON.stringify(counts.itemsByLight)}`,
      `the gateway's plan: ${describePlan(planShape(DASHBOARD_QUERY))}`,
      'no aggregate field exists yet, so the page receives every ledger row and every item and counts itself: the answer grows with the data (see bench/src/queries/dashboard.query.ts)',
    ],
  };
}

if (require.main === module) runStandalone('bench_dashboard', dashboard);
