import autocannon from 'autocannon';
import { cpuMeter, formatCpuPerUnit, formatCpuShares } from './cpu-meter';
import type { ServiceProcess } from './service-process';
import { WaitSampler } from './wait-sampler';

/** What to watch while a measurement runs: the database's sessions and each service's CPU. */
export interface Observed {
  databaseUrl: string;
  processes: ServiceProcess[];
}

export interface GraphQLRequest {
  headers: Record<string, string>;
  body: string;
}

export interface LoadSpec {
  label: string;
  url: string;
  connections: number;
  /** The next request to send (called once per request, so load can rotate users and records). */
  next: () => GraphQLRequest;
}

export interface LoadResult {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 200 answers carrying GraphQL errors or a mutation's `ok: false`. */
  failed: number;
  /** What the database sessions were doing meanwhile, when sampled (see WaitSampler). */
  databaseWaits?: string;
  /** CPU each service (and the harness, which generates the load) used meanwhile, in % of one core. */
  cpu?: string;
  /** CPU in ms per answered request: the services' and the whole machine's (see formatCpuPerUnit). */
  cpuPerRequest?: string;
}

/** A GraphQL POST body. */
export function graphqlBody(query: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, variables });
}

/** An answer counts only if it carries neither GraphQL errors nor a refused mutation. */
const answered = (body: string) => !body.includes('"errors":') && !body.includes('"ok":false');

async function runFor(spec: LoadSpec, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { headers, body } = spec.next();
          return {
            ...request,
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body,
          };
        },
      },
    ],
    verifyBody: answered,
  });
  const good = result['2xx'] - result.mismatches;
  return {
    label: spec.label,
    rps: good / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result['2xx'] + result.non2xx,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    failed: result.mismatches,
  };
}

/** Warms up (not counted), then measures for `seconds`, watching the database and the services if asked. */
export async function measureLoad(
  spec: LoadSpec,
  seconds: number,
  warmupSeconds: number,
  observed?: Observed,
): Promise<LoadResult> {
  if (warmupSeconds > 0) await runFor(spec, warmupSeconds);
  const sampler = observed ? new WaitSampler(observed.databaseUrl) : null;
  await sampler?.start();
  const cpu = observed ? cpuMeter(observed.processes) : null;
  try {
    const result = await runFor(spec, seconds);
    if (!observed) return result;
    const reading = cpu!();
    return {
      ...result,
      cpu: formatCpuShares(reading),
      cpuPerRequest: formatCpuPerUnit(reading, result.rps * seconds),
      databaseWaits: await sampler!.stop(),
    };
  } catch (error) {
    await sampler?.stop();
    throw error;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * Measures a baseline and a target alternately, `rounds` times each, so a neighbour's burst on a
 * shared machine hits both alike; keeps the round with the median throughput of each.
 */
export async function measurePair(
  baseline: LoadSpec,
  target: LoadSpec,
  options: { seconds: number; warmupSeconds: number; rounds: number; observed?: Observed },
): Promise<{ baseline: LoadResult; target: LoadResult }> {
  const runs: { baseline: LoadResult[]; target: LoadResult[] } = { baseline: [], target: [] };
  for (let round = 0; round < options.rounds; round += 1) {
    runs.baseline.push(await measureLoad(baseline, options.seconds, options.warmupSeconds, options.observed));
    runs.target.push(await measureLoad(target, options.seconds, options.warmupSeconds, options.observed));
  }
  const pickMedian = (results: LoadResult[]) => {
    const rps = median(results.map((r) => r.rps));
    return results.find((r) => r.rps === rps)!;
  };
  return { baseline: pickMedian(runs.baseline), target: pickMedian(runs.target) };
}

/** Sends one request outside the load and fails loudly if it is not a clean answer. */
export async function checkOnce(url: string, request: GraphQLRequest): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
  });
  const text = await response.text();
  if (!response.ok || !answered(text)) {
    throw new Error(`not a clean answer from ${url} (${response.status}): ${text.slice(0, 600)}`);
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/** Cycles through a list, one item per call. */
export function rotate<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('nothing to rotate through');
  let i = 0;
  return () => items[i++ % items.length]!;
}
