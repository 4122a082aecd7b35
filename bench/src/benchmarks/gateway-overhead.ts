// 1. Gateway overhead: one single-subgraph query through the gateway vs the same query sent to the
// subgraph directly with a valid gateway token. Run alone: npx tsx bench/src/benchmarks/gateway-overhead.ts --smoke
import { INTERNAL_TOKEN_HEADER } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { observe, runStandalone } from '../harness/bench-environment';
import type { BenchEnvironment } from '../harness/bench-environment';
import { checkOnce, graphqlBody, measurePair, rotate } from '../harness/load';
import type { LoadSpec } from '../harness/load';
import { LOAD_COLUMNS, loadRow, percent, profileNotes } from '../harness/report';
import type { BenchResult } from '../harness/report';
import { SINGLE_FETCH_QUERY, SINGLE_FETCH_VARIABLES } from '../queries/single-fetch.query';

/** The same single-fetch page for several partners, through the gateway and straight to agencies. */
export async function singleFetchSpecs(
  env: BenchEnvironment,
  connections: number,
  principals: Principal[] = env.facts.busyPartners,
): Promise<{ direct: LoadSpec; gateway: LoadSpec }> {
  const body = graphqlBody(SINGLE_FETCH_QUERY, SINGLE_FETCH_VARIABLES);
  const userHeaders = await Promise.all(
    principals.map(async (p) => ({ authorization: `Bearer ${await env.stack.userToken(p)}` })),
  );
  const gatewayHeaders = await Promise.all(
    principals.map(async (p) => ({ [INTERNAL_TOKEN_HEADER]: await env.stack.gatewayToken(p) })),
  );
  const nextUser = rotate(userHeaders);
  const nextGateway = rotate(gatewayHeaders);
  const direct: LoadSpec = {
    label: 'direct to agencies subgraph (baseline)',
    url: env.stack.subgraphUrls.agencies,
    connections,
    next: () => ({ headers: nextGateway(), body }),
  };
  const gateway: LoadSpec = {
    label: 'through the gateway',
    url: env.stack.gatewayUrl,
    connections,
    next: () => ({ headers: nextUser(), body }),
  };
  await checkOnce(direct.url, direct.next());
  await checkOnce(gateway.url, gateway.next());
  return { direct, gateway };
}

export async function gatewayOverhead(env: BenchEnvironment): Promise<BenchResult> {
  const { options } = env;
  const { direct, gateway } = await singleFetchSpecs(env, options.connections);
  const { baseline, target } = await measurePair(direct, gateway, {
    seconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    rounds: options.rounds,
    observed: observe(env.stack),
  });
  const ratio = baseline.rps > 0 ? target.rps / baseline.rps : NaN;
  return {
    title: `1. Gateway overhead: single-subgraph query (${options.connections} connections)`,
    columns: [...LOAD_COLUMNS, 'RPS vs baseline'],
    rows: [loadRow(baseline, 1), loadRow(target, ratio)],
    targets: [
      {
        target: 'gateway ≥ 50 % of direct-subgraph RPS',
        measured: percent(ratio),
        met: ratio >= 0.5 && target.failed + target.non2xx === 0,
      },
    ],
    notes: [
      ...profileNotes(baseline, target),
      `query: myTasks(first: 20) with the tasks' own fields (one fetch to agencies), rotating over the ${env.facts.busyPartners.length} busiest partner inboxes`,
      `p50 ${target.p50} ms vs ${baseline.p50} ms, p99 ${target.p99} ms vs ${baseline.p99} ms (gateway vs direct); every service in its own process, load generator in the harness process, all on this machine`,
    ],
  };
}

if (require.main === module) runStandalone('bench_gateway', gatewayOverhead);
