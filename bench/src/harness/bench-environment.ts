import { writeFileSync } from 'node:fs';
import type { DatasetFacts } from '../data/dataset';
import { generateData, generatorResult } from '../generate-data';
import type { GeneratedData } from '../generate-data';
import { startBenchStack } from './bench-stack';
import type { BenchStack } from './bench-stack';
import type { Observed } from './load';
import { describeMachine, machineLines } from './machine';
import type { MachineDescription } from './machine';
import { experimentsLine, parseBenchOptions } from './options';
import type { BenchOptions } from './options';
import { markdownTable, printResult, renderResult } from './report';
import type { BenchResult } from './report';

/** What every benchmark runs against: the system in its own processes, loaded with generated data. */
export interface BenchEnvironment {
  stack: BenchStack;
  facts: DatasetFacts;
  options: BenchOptions;
}

export type Benchmark = (env: BenchEnvironment) => Promise<BenchResult>;

/** Watch the whole system while measuring: the run's database and every service process. */
export function observe(stack: BenchStack): Observed {
  return { databaseUrl: stack.databaseUrl, processes: Object.values(stack.processes) };
}

function reportMarkdown(machine: MachineDescription, options: BenchOptions, results: BenchResult[]): string {
  const command = `npm run bench -w @eco/bench -- ${process.argv.slice(2).join(' ')}`.trim();
  return [
    `## ${options.smoke ? 'Smoke run, machine shared' : 'Run'}: ${new Date().toISOString()}`,
    '',
    `Command: \`${command}\` (scale ${options.scale}, ${options.durationSeconds} s per measurement after ${options.warmupSeconds} s warm-up, ${options.connections} connections, soak ${options.soakSeconds} s, ${options.rounds} round(s))`,
    '',
    ...(experimentsLine(options) ? [`**${experimentsLine(options)}**`, ''] : []),
    'Machine (printed by the harness):',
    '',
    ...machineLines(machine).map((line) => `- ${line}`),
    '',
    '### Targets',
    '',
    summaryTable(targetRows(results)),
    '',
    ...results.flatMap((r) => [renderResult(r), '']),
  ].join('\n');
}

/**
 * Runs benchmarks against one fresh system: prints the machine, starts the services (fresh
 * database, own JetStream namespace), generates the data, runs each benchmark in turn printing its
 * table, and tears everything down. A benchmark that fails is reported and the others still run.
 */
export async function runBenchmarks(
  label: string,
  benchmarks: Benchmark[],
  options = parseBenchOptions(),
): Promise<BenchResult[]> {
  const machine = await describeMachine(options.postgresUrl, options.natsUrl);
  const experiments = experimentsLine(options);
  console.log(
    [options.smoke && 'SMOKE RUN (short measurements; machine shared)', experiments, ...machineLines(machine)]
      .filter(Boolean)
      .join('\n'),
  );
  let generated: GeneratedData | undefined;
  const stack = await startBenchStack({
    postgresUrl: options.postgresUrl,
    natsUrl: options.natsUrl,
    label,
    // None given: the heap caps the image deploys with.
    serviceNodeFlags:
      options.experiments.serviceNodeFlags.length > 0 ? options.experiments.serviceNodeFlags : undefined,
    withoutAuditTrail: options.experiments.withoutAuditTrail,
    poolSize: options.experiments.poolSize,
    runner: options.experiments.underTsx ? 'tsx' : 'bundle',
    beforeServices: async (databaseUrl) => {
      generated = await generateData(databaseUrl, { scale: options.scale });
    },
  });
  const runs = stack.runner === 'bundle' ? 'as deployed: node dist/main.js' : 'under tsx, NOT as deployed';
  console.log(`services up (${runs}; namespace ${stack.namespace}, logs in ${stack.logDir})`);
  const results: BenchResult[] = [];
  let failures = 0;
  try {
    const data = generated!;
    results.push(generatorResult(data));
    printResult(results[0]!);
    const env: BenchEnvironment = { stack, facts: data.facts, options };
    for (const benchmark of benchmarks) {
      try {
        const result = await benchmark(env);
        if (experiments) result.notes.unshift(experiments);
        results.push(result);
        printResult(result);
      } catch (error) {
        failures += 1;
        console.error(`benchmark ${benchmark.name} failed:`, error);
      }
    }
  } finally {
    await stack.stop();
  }
  const summary = results.flatMap((r) =>
    r.targets.map((t) => [r.title, t.target, t.measured, t.met ? 'yes' : 'NO']),
  );
  console.log(`\n### Targets\n\n${summaryTable(summary)}\n`);
  if (options.reportPath) {
    writeFileSync(options.reportPath, reportMarkdown(machine, options, results));
    console.log(`report written to ${options.reportPath}`);
  }
  if (failures > 0) process.exitCode = 1;
  return results;
}

function targetRows(results: BenchResult[]): string[][] {
  return results.flatMap((r) => r.targets.map((t) => [r.title, t.target, t.measured, t.met ? 'yes' : 'NO']));
}

function summaryTable(rows: string[][]): string {
  return markdownTable(['benchmark', 'target', 'measured', 'met'], rows);
}

/** Entry point of a benchmark script run alone: `npx tsx bench/src/benchmarks/<name>.ts [options]`. */
export function runStandalone(label: string, benchmark: Benchmark): void {
  runBenchmarks(label, [benchmark]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
