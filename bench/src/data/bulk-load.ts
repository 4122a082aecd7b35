import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyColumnKind, copyText, type CopyColumnKind } from './copy-text';
import { cpuMeter } from '../harness/cpu-meter';
import type { CpuReading } from '../harness/cpu-meter';
import type { TableRows } from './dataset';

export interface LoadReport {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  analyzeSeconds: number;
  tables: { table: string; rows: number }[];
  /** CPU the harness and the whole machine (the loading sessions included) used in the timed load. */
  cpu: CpuReading;
}

export interface LoadOptions {
  /** Connections loading at once (tables whose foreign keys are in may load side by side). */
  connections?: number;
  /** Rows per COPY. */
  chunkRows?: number;
  /**
   * Fire the tables' triggers (foreign-key checks, the per-row audit trail) as the services' own
   * writes do. Off by default, as a restore loads (`session_replication_role = replica`); the
   * foreign keys are then checked once afterwards (verify-foreign-keys.ts).
   */
  triggers?: boolean;
}

/** Rows per COPY unless asked otherwise. */
export const CHUNK_ROWS = 4_000;

interface Chunk {
  table: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Every column any row names; a row without one gets NULL (only nullable columns are left out). */
function columnsOf(rows: Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** Which columns of the database hold arrays or JSON, by `schema.table.column`. */
async function columnKinds(client: Client): Promise<Map<string, CopyColumnKind>> {
  const { rows } = await client.query<{ c: string; data_type: string; udt_name: string }>(
    `SELECT table_schema || '.' || table_name || '.' || column_name AS c, data_type, udt_name
       FROM information_schema.columns`,
  );
  return new Map(rows.map((r) => [r.c, copyColumnKind(r.data_type, r.udt_name)]));
}

/**
 * Loads generated rows straight into the services' tables with `COPY … FROM STDIN` (text format),
 * naming only the columns the rows carry, so a column added by a later migration with a default
 * needs no change here. COPY took a fifth less of the machine's CPU per row than the multi-row
 * `INSERT … SELECT FROM json_populate_recordset` it replaced (BENCHMARKS.md). It connects as the
 * schemas' owner (the user migrations ran as) and writes as the system (`eco.row_scope = 'all'`), which forced row-level security allows.
 * Tables load in foreign-key order; independent tables and the chunks of one table go in parallel.
 * Like a restore, it loads with triggers off unless asked (the audit trail's per-row trigger
 * would record the generated history as if the system had made it).
 */
export async function bulkLoad(
  databaseUrl: string,
  tables: TableRows[],
  options: LoadOptions = {},
): Promise<LoadReport> {
  const { connections = 4, chunkRows = CHUNK_ROWS, triggers = false } = options;
  const present = new Set(tables.map((t) => t.table));
  const remainingChunks = new Map<string, number>();
  const chunksOf = new Map<string, Chunk[]>();
  for (const { table, rows } of tables) {
    const columns = columnsOf(rows);
    const chunks: Chunk[] = [];
    for (let i = 0; i < rows.length; i += chunkRows) {
      chunks.push({ table, columns, rows: rows.slice(i, i + chunkRows) });
    }
    chunksOf.set(table, chunks);
    remainingChunks.set(table, chunks.length);
  }
  const waitingOn = new Map(
    tables.map((t) => [t.table, t.after.filter((dep) => present.has(dep) && dep !== t.table)]),
  );
  const ready: Chunk[] = [];
  const release = () => {
    for (const [table, deps] of waitingOn) {
      if (deps.every((dep) => remainingChunks.get(dep) === 0)) {
        waitingOn.delete(table);
        ready.push(...chunksOf.get(table)!);
      }
    }
  };

  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new Client({ connectionString: databaseUrl, application_name: 'eco-bench-loader' });
      await client.connect();
      // A bulk load need not wait for each commit to reach disk; the benchmark database is thrown away.
      await client.query(`SET synchronous_commit = off`);
      await client.query(`SELECT set_config('eco.row_scope', 'all', false)`);
      await client.query(`SELECT set_config('eco.actor', 'system:bench-generator', false)`);
      if (!triggers) await client.query(`SET session_replication_role = replica`);
      return client;
    }),
  );

  const kinds = await columnKinds(clients[0]!);
  const started = process.hrtime.bigint();
  const meter = cpuMeter([]);
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const worker = async (client: Client) => {
    for (;;) {
      if (failure) return;
      const chunk = ready.shift();
      if (!chunk) {
        if (waitingOn.size === 0) return;
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      try {
        // Encoded here, inside the timed load, while other chunks are in flight.
        const text = copyText(
          chunk.rows,
          chunk.columns.map((name) => ({ name, kind: kinds.get(`${chunk.table}.${name}`) ?? 'scalar' })),
        );
        await pipeline(
          Readable.from([text]),
          client.query(copyFrom(`COPY ${chunk.table} (${chunk.columns.join(', ')}) FROM STDIN`)),
        );
      } catch (error) {
        failure = new Error(
          `loading ${chunk.table}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      remainingChunks.set(chunk.table, remainingChunks.get(chunk.table)! - 1);
      if (remainingChunks.get(chunk.table) === 0) release();
      notify();
    }
  };
  try {
    release();
    await Promise.all(clients.map(worker));
    if (failure) throw failure;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = meter();
    const rows = tables.reduce((sum, t) => sum + t.rows.length, 0);

    // Fresh statistics, so the planner sees the loaded sizes as it would in production.
    const analyzeStarted = process.hrtime.bigint();
    await Promise.all(
      clients.map(async (client, i) => {
        for (let t = i; t < tables.length; t += clients.length)
          await client.query(`ANALYZE ${tables[t]!.table}`);
      }),
    );
    return {
      rows,
      seconds,
      rowsPerSecond: rows / seconds,
      analyzeSeconds: Number(process.hrtime.bigint() - analyzeStarted) / 1e9,
      tables: tables.map((t) => ({ table: t.table, rows: t.rows.length })),
      cpu,
    };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
