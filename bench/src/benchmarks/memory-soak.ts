// 5. Memory: resident set size of the gateway and of each subgraph (each its own process) before
// and after a soak of mixed traffic through the gateway (--soak-seconds, 60 by default).
// Run alone: npx tsx bench/src/benchmarks/memory-soak.ts --smoke
import { runStandalone } from '../harness/bench-environment';
import type { BenchEnvironment } from '../harness/bench-environment';
import { graphqlBody, measureLoad, rotate } from '../harness/load';
import type { GraphQLRequest } from '../harness/load';
import type { BenchResult } from '../harness/report';
import type { ServiceName } from '../harness/service-process';
import { DASHBOARD_QUERY, dashboardVariables } from '../queries/dashboard.query';
import { INBOX_PAGE_SIZE, PARTNER_INBOX_QUERY } from '../queries/partner-inbox.query';
import { SINGLE_FETCH_QUERY, SINGLE_FETCH_VARIABLES } from '../queries/single-fetch.query';
import { progressRequests } from './writes';

export const RSS_LIMIT_MB: Record<ServiceName, number> = {
  gateway: 256,
  agencies: 192,
  inspections: 192,
  rectification: 192,
  supervision: 192,
};

/** Soak traffic: mostly partners' inboxes, some single-fetch pages, progress reports and dashboards. */
export const SOAK_CONNECTIONS = 20;

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export async function memorySoak(env: BenchEnvironment): Promise<BenchResult> {
  const { stack, facts, options } = env;
  const services = Object.keys(RSS_LIMIT_MB) as ServiceName[];
  const before = Object.fromEntries(services.map((s) => [s, stack.processes[s].rssBytes()])) as Record<
    ServiceName,
    number
  >;

  const partnerTokens = await Promise.all(facts.busyPartners.map((p) => stack.userToken(p)));
  const internalToken = await stack.userToken(facts.internalAccount);
  const nextPartner = rotate(partnerTokens);
  const nextWrite = await progressRequests(env, 'gateway');
  const inboxBody = graphqlBody(PARTNER_INBOX_QUERY, { first: INBOX_PAGE_SIZE });
  const pageBody = graphqlBody(SINGLE_FETCH_QUERY, SINGLE_FETCH_VARIABLES);
  const dashboardBody = graphqlBody(DASHBOARD_QUERY, dashboardVariables(facts));
  // Out of every 20 requests: 12 inboxes, 4 single-fetch pages, 3 progress reports, 1 dashboard.
  const mix: (() => GraphQLRequest)[] = [
    ...Array<() => GraphQLRequest>(12).fill(() => ({
      headers: { authorization: `Bearer ${nextPartner()}` },
      body: inboxBody,
    })),
    ...Array<() => GraphQLRequest>(4).fill(() => ({
      headers: { authorization: `Bearer ${nextPartner()}` },
      body: pageBody,
    })),
    ...Array<() => GraphQLRequest>(3).fill(nextWrite),
    () => ({ headers: { authorization: `Bearer ${internalToken}` }, body: dashboardBody }),
  ];
  const nextKind = rotate(mix);

  const peak = { ...before };
  const sampler = setInterval(() => {
    for (const s of services) peak[s] = Math.max(peak[s], stack.processes[s].rssBytes());
  }, 1000);
  let soak;
  try {
    soak = await measureLoad(
      { label: 'soak', url: stack.gatewayUrl, connections: SOAK_CONNECTIONS, next: () => nextKind()() },
      options.soakSeconds,
      0,
    );
  } finally {
    clearInterval(sampler);
  }
  const after = Object.fromEntries(services.map((s) => [s, stack.processes[s].rssBytes()])) as Record<
    ServiceName,
    number
  >;
  for (const s of services) peak[s] = Math.max(peak[s], after[s]);

  return {
    title: `5. Memory (RSS) after a ${options.soakSeconds} s soak`,
    columns: ['process', 'before MB', 'after MB', 'peak MB', 'after vs before', 'limit MB'],
    rows: services.map((s) => [
      s,
      mb(before[s]),
      mb(after[s]),
      mb(peak[s]),
      `${(after[s] / before[s]).toFixed(2)}×`,
      RSS_LIMIT_MB[s],
    ]),
    targets: services.map((s) => ({
      target: `${s} RSS < ${RSS_LIMIT_MB[s]} MB after the soak`,
      measured: `${mb(after[s])} MB`,
      met: mb(after[s]) < RSS_LIMIT_MB[s],
    })),
    notes: [
      `soak: ${SOAK_CONNECTIONS} connections through the gateway, per 20 requests 12 partner inboxes, 4 single-fetch pages, 3 progress reports, 1 dashboard; ${soak.requests} requests, ${soak.rps.toFixed(0)} RPS, p99 ${soak.p99} ms, ${soak.failed + soak.non2xx} failed, ${soak.errors} errors`,
      `"before" is read when the benchmark starts (after the data load and any benchmark run before it); each service runs ${
        stack.runner === 'bundle'
          ? 'as deployed: node dist/main.js, its esbuild bundle (npm run build, at the start of the run)'
          : 'under tsx from its sources (node --import tsx src/main.ts), NOT as deployed'
      }, NODE_ENV=production`,
    ],
  };
}

if (require.main === module) runStandalone('bench_memory', memorySoak);
