import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Data volume (1 ≈ 230,000 rows; see build-dataset.ts). */
  scale: number;
  /** Seconds of each measured load run. */
  durationSeconds: number;
  /** Seconds of load before each measurement, not counted. */
  warmupSeconds: number;
  /** Concurrent connections of the read and write load (the 50). */
  connections: number;
  /** Seconds of the soak before memory is read (benchmark 5). */
  soakSeconds: number;
  /** Events per second of the end-to-end event benchmark. */
  eventRate: number;
  /** Baseline and target measured this many times alternately; the median counts. */
  rounds: number;
  /** Write a markdown report of every table here. */
  reportPath: string | null;
  /** run-all: only these benchmarks (by name), all when null. */
  only: string[] | null;
  postgresUrl: string;
  natsUrl: string;
  smoke: boolean;
  /** Profiling experiments, off by default: the figures are then not the system as built. */
  experiments: {
    /** Extra node flags for the service processes (e.g. --max-old-space-size=128, --cpu-prof). */
    serviceNodeFlags: string[];
    /** Disable the audit-trail triggers in the run's database, to measure what they cost. */
    withoutAuditTrail: boolean;
    /** DATABASE_POOL_SIZE of every subgraph, when not the deployed default (10). */
    poolSize: number | null;
    /** Run the services from their TypeScript sources under tsx instead of the deployed bundles. */
    underTsx: boolean;
  };
}

/** How the run departs from the system as built, if it does (printed with every result). */
export function experimentsLine(options: BenchOptions): string | null {
  const parts = [
    options.experiments.withoutAuditTrail && 'audit-trail triggers DISABLED',
    options.experiments.underTsx &&
      'services run from their TypeScript sources under tsx (node --import tsx src/main.ts), not the deployed bundles',
    options.experiments.serviceNodeFlags.length > 0 &&
      `services run with node ${options.experiments.serviceNodeFlags.join(' ')}`,
  ].filter(Boolean);
  return parts.length > 0 ? `EXPERIMENT, not the system as built: ${parts.join('; ')}` : null;
}

const USAGE = `options:
  --smoke              a few seconds per measurement (shared machine): duration 3, warm-up 1, soak 5, scale 0.3
  --scale N            data volume, 1 ≈ 230,000 rows (default 1)
  --duration S         seconds per measurement (default 15)
  --warmup S           seconds of warm-up before each measurement (default 3)
  --connections N      concurrent connections (default 50)
  --soak-seconds S     soak before reading memory (default 60)
  --event-rate N       events per second, end-to-end benchmark (default 1000)
  --rounds N           baseline/target alternations, median kept (default 1)
  --report FILE        also write the tables as markdown to FILE
  --only a,b           run-all: only these (gateway, inbox, dashboard, writes, events, memory)
profiling experiments (the figures are then not the system as built):
  --service-node-flags=FLAGS      node flags for the service processes, e.g. --service-node-flags="--max-old-space-size=128"
  --without-audit-trail            disable the audit-trail triggers in the run's database
  --pool-size N                    DATABASE_POOL_SIZE of every subgraph (default 10, as deployed)
  --under-tsx                      run the services under tsx from their sources, not as deployed (node dist/main.js)
env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), NATS_URL (default nats://127.0.0.1:4222)`;

/** The flags every benchmark script and run-all accept; --smoke gives short runs for a busy machine. */
export function parseBenchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      scale: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'soak-seconds': { type: 'string' },
      'event-rate': { type: 'string' },
      rounds: { type: 'string' },
      report: { type: 'string' },
      only: { type: 'string' },
      'service-node-flags': { type: 'string' },
      'without-audit-trail': { type: 'boolean', default: false },
      'under-tsx': { type: 'boolean', default: false },
      'pool-size': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const smoke = values.smoke ?? false;
  const number = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw new Error(`--${name} must be a positive number\n${USAGE}`);
    return parsed;
  };
  return {
    smoke,
    scale: number(values.scale, smoke ? 0.3 : 1, 'scale'),
    durationSeconds: number(values.duration, smoke ? 3 : 15, 'duration'),
    warmupSeconds: number(values.warmup, smoke ? 1 : 3, 'warmup'),
    connections: Math.round(number(values.connections, 50, 'connections')),
    soakSeconds: number(values['soak-seconds'], smoke ? 5 : 60, 'soak-seconds'),
    eventRate: number(values['event-rate'], 1000, 'event-rate'),
    rounds: Math.round(number(values.rounds, 1, 'rounds')),
    reportPath: values.report ?? null,
    only: values.only ? values.only.split(',').map((name) => name.trim()) : null,
    postgresUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    experiments: {
      serviceNodeFlags: (values['service-node-flags'] ?? '').split(/\s+/).filter(Boolean),
      withoutAuditTrail: values['without-audit-trail'] ?? false,
      underTsx: values['under-tsx'] ?? false,
      poolSize:
        values['pool-size'] === undefined ? null : Math.round(number(values['pool-size'], 10, 'pool-size')),
    },
  };
}
