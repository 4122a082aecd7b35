// The data generator: a district's worth of inspections, rectification, supervision and the
// outside agencies' inboxes, bulk-loaded into the services' own tables after their migrations ran.
//
//   npx tsx bench/src/generate-data.ts [--scale 1] [--database-url URL] [--triggers] [--connections 4]
//
// Without --database-url it migrates a fresh database, loads it before the services start (as a
// restore does), starts the system on it, prints its rows/s, and drops the database. With it, it
// loads into that (migrated, empty) database and leaves it there, e.g. for the quick start on real
// servers. --triggers loads with the tables' triggers firing (foreign keys, audit trail per row) to
// show what that costs.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { buildDataset } from './data/build-dataset';
import { bulkLoad, CHUNK_ROWS } from './data/bulk-load';
import { brokenForeignKeys } from './data/verify-foreign-keys';
import type { LoadReport } from './data/bulk-load';
import type { DatasetFacts } from './data/dataset';
import { startBenchStack } from './harness/bench-stack';
import { formatCpuShares } from './harness/cpu-meter';
import type { CpuReading } from './harness/cpu-meter';
import { describeMachine, machineLines } from './harness/machine';
import { printResult } from './harness/report';
import type { BenchResult } from './harness/report';

export interface GeneratedData {
  facts: DatasetFacts;
  load: LoadReport;
  /** Seconds spent building the rows in memory (before the load). */
  buildSeconds: number;
  connections: number;
  triggers: boolean;
  /** Seconds checking every foreign key after a load without triggers. */
  foreignKeySeconds: number;
}

export const GENERATED_SCHEMAS = ['agencies', 'inspections', 'rectification', 'supervision'];

/** Builds the dataset for `scale` and loads it into `databaseUrl` (already migrated). */
export async function generateData(
  databaseUrl: string,
  options: { scale: number; connections?: number; triggers?: boolean },
): Promise<GeneratedData> {
  const built = process.hrtime.bigint();
  const dataset = buildDataset({ scale: options.scale });
  const buildSeconds = Number(process.hrtime.bigint() - built) / 1e9;
  const connections = options.connections ?? 4;
  const triggers = options.triggers ?? false;
  const load = await bulkLoad(databaseUrl, dataset.tables, { connections, triggers });
  let foreignKeySeconds = 0;
  if (!triggers) {
    const checked = process.hrtime.bigint();
    const broken = await brokenForeignKeys(databaseUrl, GENERATED_SCHEMAS);
    foreignKeySeconds = Number(process.hrtime.bigint() - checked) / 1e9;
    if (broken.length > 0) throw new Error(`generated rows break foreign keys: ${broken.join(', ')}`);
  }
  return { facts: dataset.facts, load, buildSeconds, connections, triggers, foreignKeySeconds };
}

export function generatorResult(data: GeneratedData): BenchResult {
  const { load } = data;
  const bySchema = new Map<string, number>();
  for (const t of load.tables)
    bySchema.set(t.table.split('.')[0]!, (bySchema.get(t.table.split('.')[0]!) ?? 0) + t.rows);
  const rowsOf = (table: string) => load.tables.find((t) => t.table === table)?.rows ?? 0;
  return {
    title: `Data generator (scale ${data.facts.scale})`,
    columns: ['measure', 'value'],
    rows: [
      ['rows loaded', load.rows],
      ['load time (s)', load.seconds],
      ['rows/s (load)', Math.round(load.rowsPerSecond)],
      ['rows/s (build + load)', Math.round(load.rows / (load.seconds + data.buildSeconds))],
      ['ANALYZE afterwards (s)', load.analyzeSeconds],
      [
        'foreign keys checked afterwards (s)',
        data.triggers ? 'checked per row (triggers on)' : data.foreignKeySeconds,
      ],
      ['agencies / people', `${rowsOf('agencies.agencies')} / ${rowsOf('agencies.people')}`],
      [
        'findings / problems / measures',
        `${rowsOf('inspections.findings')} / ${rowsOf('rectification.problems')} / ${rowsOf('rectification.measures')}`,
      ],
      ['measure timeline entries', rowsOf('rectification.measure_updates')],
      [
        'coordination tasks / task updates',
        `${rowsOf('agencies.coordination_tasks')} / ${rowsOf('agencies.task_updates')}`,
      ],
      [
        'supervision items / item updates',
        `${rowsOf('supervision.items')} / ${rowsOf('supervision.item_updates')}`,
      ],
      ['direct-line items', rowsOf('supervision.direct_line_items')],
      ['weekly reports', rowsOf('rectification.weekly_reports')],
      [
        'event history (outbox + inbox)',
        [...load.tables].filter((t) => /\.(outbox|inbox)$/.test(t.table)).reduce((s, t) => s + t.rows, 0),
      ],
      ['rows by schema', [...bySchema].map(([schema, n]) => `${schema} ${n}`).join(', ')],
      [`tasks in the benchmarked inbox (祝桥镇)`, data.facts.inboxTaskCount],
    ],
    targets: [
      {
        target: 'bulk load ≥ 100,000 rows/s',
        measured: `${Math.round(load.rowsPerSecond)} rows/s`,
        met: load.rowsPerSecond >= 100_000,
      },
    ],
    notes: [
      `COPY … FROM STDIN (text format) in chunks of ${CHUNK_ROWS.toLocaleString('en')} rows, ${data.connections} connections, foreign-key order, synchronous_commit off for the loading sessions; ANALYZE not counted`,
      'loaded into the migrated database before the services start, as a restore is',
      data.triggers
        ? 'triggers on: every row pays its foreign-key checks and its audit-trail entry (sealed into the hash chain afterwards by the services)'
        : 'triggers off while loading, as a restore does (session_replication_role = replica): no audit-trail entries for the generated history; every foreign key checked once afterwards (not counted)',
      `building the rows in memory took ${data.buildSeconds.toFixed(2)} s (not counted in load rows/s)`,
      loadCpuNote(load.cpu, load.rows),
    ],
  };
}

/** What the load cost the machine per 1,000 rows, against what the target leaves on these cores. */
function loadCpuNote(cpu: CpuReading, rows: number): string {
  const per1000 = (seconds: number) => ((seconds * 1e6) / rows).toFixed(1);
  const cores = availableParallelism();
  return (
    `CPU during the load, % of one core: ${formatCpuShares(cpu)}; per 1,000 rows: harness ${per1000(cpu.harnessSeconds)} ms, ` +
    `whole machine ${per1000(cpu.machineSeconds)} ms (100,000 rows/s on ${cores} cores leaves ${(cores * 10).toFixed(0)} ms)`
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      'database-url': { type: 'string' },
      connections: { type: 'string', default: '4' },
      triggers: { type: 'boolean', default: false },
    },
  });
  const triggers = values.triggers ?? false;
  const scale = Number(values.scale);
  const connections = Number(values.connections);
  const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  console.log(machineLines(await describeMachine(postgresUrl, natsUrl)).join('\n'));
  if (values['database-url']) {
    printResult(
      generatorResult(await generateData(values['database-url'], { scale, connections, triggers })),
    );
    return;
  }
  let generated: GeneratedData | undefined;
  const stack = await startBenchStack({
    postgresUrl,
    natsUrl,
    label: 'bench_generate',
    beforeServices: async (databaseUrl) => {
      generated = await generateData(databaseUrl, { scale, connections, triggers });
    },
  });
  try {
    printResult(generatorResult(generated!));
  } finally {
    await stack.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
