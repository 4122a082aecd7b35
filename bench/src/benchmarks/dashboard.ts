// 3. The internal dashboard's overview (counts by department, light and status, computed by
// PostgreSQL) through the gateway, against the single-fetch page as baseline. Run alone: npx tsx bench/src/benchmarks/dashboard.ts --smoke
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
    label: 'dashboard: the overview (counts computed in SQL)',
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
  const sum = (byKey: Record<string, number>) => Object.values(byKey).reduce((a, b) => a + b, 0);
  return {
    title: `3. Internal dashboard (${DASHBOARD_CONNECTIONS} connections)`,
    columns: [...LOAD_COLUMNS, 'RPS vs baseline'],
    rows: [loadRow(baseline, 1), loadRow(target, target.rps / baseline.rps)],
    targets: [],
    notes: [
      ...profileNotes(baseline, target),
      `the issue sets no target for the dashboard; it answers at ${percent(target.rps / baseline.rps)} of the single-fetch page's RPS`,
      `one answer: the counts of ${sum(counts.measuresByStatus)} measures and ${sum(counts.problemsByStatus)} problems of the largest campaign (${counts.departments} departments) and of ${sum(counts.itemsByLight)} open supervised items, in ${counts.countRows} count rows, plus ${counts.listedRows} listed rows (the due lists, at most 30 measures and 20 items each, and the open interviews); ${Math.round(bytes / 1024)} KiB`,
      `measures by status ${JSON.stringify(counts.measuresByStatus)} (${counts.measuresOverdue} overdue); problems by status ${JSON.stringify(counts.problemsByStatus)}; open items by light ${JSON.stringify(counts.itemsByLight)} (${counts.itemsOverdue} overdue)`,
      `the gateway's plan: ${describePlan(planShape(DASHBOARD_QUERY))}`,
      'the page receives counts computed by PostgreSQL (GROUP BY, one statement per count field) and the first rows of each due list: the answer grows with the number of departments, not with the rows (see bench/src/queries/dashboard.query.ts; the page sends it as two requests in parallel, rectification and supervision)',
    ],
  };
}

if (require.main === module) runStandalone('bench_dashboard', dashboard);
