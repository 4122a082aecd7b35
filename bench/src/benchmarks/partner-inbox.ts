// 2. The partner inbox (agency → tasks → problem, measure, finding across three subgraphs): RPS and
// p50/p99 at 50 connections against the single-fetch page as baseline, and the SQL statements one
// request costs at page sizes 10, 50 and 200. Run alone: npx tsx bench/src/benchmarks/partner-inbox.ts --smoke
import { createLogger } from '@eco/logging';
import { startStack } from '@eco/stack';
import { postGraphQL, TEST_AUTH } from '@eco/testing';
import { observe, runStandalone } from '../harness/bench-environment';
import type { BenchEnvironment } from '../harness/bench-environment';
import { checkOnce, graphqlBody, measurePair, rotate } from '../harness/load';
import type { LoadSpec } from '../harness/load';
import { LOAD_COLUMNS, loadRow, percent, profileNotes } from '../harness/report';
import type { BenchResult } from '../harness/report';
import { describePlan, planShape } from '../harness/query-plan';
import { INBOX_PAGE_SIZE, PARTNER_INBOX_QUERY } from '../queries/partner-inbox.query';
import { singleFetchSpecs } from './gateway-overhead';

export const PAGE_SIZES = [10, 50, 200];

/**
 * SQL statements behind one inbox request, per page size. Counted by a second, in-process instance
 * of the system on the same database and JetStream namespace (replicas of the same services), whose
 * subgraphs count every statement they issue serving a request — the counter the e2e tests use.
 */
export interface StatementCount {
  first: number;
  statements: number;
  rows: number;
  /** Statements per subgraph, e.g. `agencies 21, rectification 20, inspections 12`. */
  bySubgraph: string;
}

export async function statementsPerPage(env: BenchEnvironment): Promise<StatementCount[]> {
  const stack = await startStack({
    databaseUrl: env.stack.databaseUrl,
    natsUrl: env.stack.natsUrl,
    namespace: env.stack.namespace,
    auth: TEST_AUTH,
    logger: createLogger('bench-count', 'silent'),
    demo: 'none',
  });
  try {
    const token = await env.stack.userToken(env.facts.inboxAccount);
    const ask = async (first: number): Promise<StatementCount> => {
      const before = stack.statementsServed();
      const perSubgraph = Object.entries(stack.subgraphs).map(
        ([name, s]) => [name, s.statementsServed] as const,
      );
      const response = await postGraphQL<{ myTasks: { edges: unknown[] } }>(stack.gatewayUrl, {
        token,
        query: PARTNER_INBOX_QUERY,
        variables: { first },
      });
      if (response.errors)
        throw new Error(`inbox query failed: ${JSON.stringify(response.errors).slice(0, 400)}`);
      const bySubgraph = perSubgraph
        .map(
          ([name, counted]) =>
            `${name} ${stack.subgraphs[name as keyof typeof stack.subgraphs].statementsServed - counted}`,
        )
        .join(', ');
      return {
        first,
        statements: stack.statementsServed() - before,
        rows: response.data!.myTasks.edges.length,
        bySubgraph,
      };
    };
    // Steady state, as under load: the gateway's query plan and the agencies subgraph's directory
    // cache (the names on each page) warmed by asking for every page once before counting.
    for (const first of PAGE_SIZES) await ask(first);
    const counts = [];
    for (const first of PAGE_SIZES) counts.push(await ask(first));
    return counts;
  } finally {
    await stack.stop();
  }
}

export async function partnerInbox(env: BenchEnvironment): Promise<BenchResult> {
  const { options, facts } = env;
  const body = graphqlBody(PARTNER_INBOX_QUERY, { first: INBOX_PAGE_SIZE });
  const tokens = await Promise.all(facts.busyPartners.map((p) => env.stack.userToken(p)));
  const nextToken = rotate(tokens);
  const inbox: LoadSpec = {
    label: `partner inbox, ${INBOX_PAGE_SIZE} rows, 3 subgraphs`,
    url: env.stack.gatewayUrl,
    connections: options.connections,
    next: () => ({ headers: { authorization: `Bearer ${nextToken()}` }, body }),
  };
  const answer = (await checkOnce(inbox.url, inbox.next())) as {
    data: { myTasks: { edges: { node: Record<string, unknown> }[] } };
  };
  // A measure's task must come with its problem: a null there means a join lost a row.
  const incomplete = answer.data.myTasks.edges.filter(
    (e) => e.node['measure'] !== null && e.node['problem'] === null,
  );
  const { gateway: singleFetch } = await singleFetchSpecs(env, options.connections);
  singleFetch.label = 'single-fetch page through the gateway (baseline)';
  const { baseline, target } = await measurePair(singleFetch, inbox, {
    seconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    rounds: options.rounds,
    observed: observe(env.stack),
  });
  const counts = await statementsPerPage(env);
  const plan = planShape(PARTNER_INBOX_QUERY);
  const independent = new Set(counts.map((c) => c.statements)).size === 1;
  const fullPages = counts.every((c) => c.rows === c.first);
  return {
    title: `2. Partner inbox across three subgraphs (${options.connections} connections)`,
    columns: [...LOAD_COLUMNS, 'RPS vs baseline'],
    rows: [
      loadRow(baseline, 1),
      loadRow(target, target.rps / baseline.rps),
      ...counts.map((c) => [
        `SQL statements per request, page of ${c.first}`,
        c.statements,
        '',
        '',
        c.rows,
        '',
        '',
        '',
      ]),
    ],
    targets: [
      { target: 'partner inbox ≥ 600 RPS', measured: `${target.rps.toFixed(0)} RPS`, met: target.rps >= 600 },
      {
        target: 'partner inbox p99 ≤ 200 ms',
        measured: target.requests > 0 ? `${target.p99} ms` : 'no request completed',
        met: target.requests > 0 && target.p99 <= 200,
      },
      {
        target: 'SQL statements independent of page size',
        measured: counts.map((c) => `${c.first}: ${c.statements}`).join(', '),
        met: independent && fullPages,
      },
    ],
    notes: [
      ...profileNotes(baseline, target),
      `load rotates over the ${facts.busyPartners.length} busiest partner inboxes; statements counted on 祝桥镇's inbox (${facts.inboxTaskCount} tasks)${fullPages ? '' : ' — NOT every page was full'}`,
      `the three-subgraph inbox reaches ${percent(target.rps / baseline.rps)} of the single-fetch page's RPS`,
      `the gateway's plan: ${describePlan(plan)}; statements by subgraph for one request: ${counts[0]!.bySubgraph} — each fetch that reads opens the subgraph's scoped read-only transaction (\`BEGIN READ ONLY; set_config(…)\` as one statement, then COMMIT); the agencies subgraph answers the agency and person names from its directory cache without one`,
      ...(incomplete.length > 0
        ? [`${incomplete.length} measure tasks of the first page came back without their problem`]
        : []),
    ],
  };
}

if (require.main === module) runStandalone('bench_inbox', partnerInbox);
