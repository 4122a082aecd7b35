// Every benchmark against one fresh system, each printing its table, then the targets at a glance.
//
//   npm run bench -w @eco/bench -- --smoke            (a few seconds each, for a shared machine)
//   npm run bench -w @eco/bench -- --report run.md    (full run; tables also written to run.md)
//
// Each benchmark also runs alone: npx tsx bench/src/benchmarks/<name>.ts [options] (see --help).
import { dashboard } from './benchmarks/dashboard';
import { eventsEndToEnd } from './benchmarks/events';
import { gatewayOverhead } from './benchmarks/gateway-overhead';
import { memorySoak } from './benchmarks/memory-soak';
import { partnerInbox } from './benchmarks/partner-inbox';
import { writes } from './benchmarks/writes';
import { runBenchmarks } from './harness/bench-environment';
import type { Benchmark } from './harness/bench-environment';
import { parseBenchOptions } from './harness/options';

// Reads first, then writes (they change the data), then the soak on a system that has done it all.
const ALL: [string, Benchmark][] = [
  ['gateway', gatewayOverhead],
  ['inbox', partnerInbox],
  ['dashboard', dashboard],
  ['writes', writes],
  ['events', eventsEndToEnd],
  ['memory', memorySoak],
];

const options = parseBenchOptions();
const unknown = (options.only ?? []).filter((name) => !ALL.some(([known]) => known === name));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(', ')}; known: ${ALL.map(([name]) => name).join(', ')}`,
  );
  process.exit(2);
}
const chosen = ALL.filter(([name]) => !options.only || options.only.includes(name)).map(([, run]) => run);
runBenchmarks('bench_all', chosen, options).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
