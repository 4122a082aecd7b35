import type { LoadResult } from './load';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** What each benchmark hands back: its table, the targets it checks, and notes. */
export interface BenchResult {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  targets: TargetCheck[];
  notes: string[];
}

const cell = (value: string | number) =>
  typeof value === 'number'
    ? Number.isInteger(value)
      ? String(value)
      : value.toFixed(value >= 100 ? 0 : 2)
    : value;

/** A markdown table (readable in a terminal, pasteable into BENCHMARKS.md). */
export function markdownTable(columns: string[], rows: (string | number)[][]): string {
  const text = rows.map((row) => row.map(cell));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((row) => (row[i] ?? '').length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

export function renderResult(result: BenchResult): string {
  const parts = [`### ${result.title}`, '', markdownTable(result.columns, result.rows)];
  if (result.targets.length > 0) {
    parts.push(
      '',
      markdownTable(
        ['target', 'measured', 'met'],
        result.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']),
      ),
    );
  }
  if (result.notes.length > 0) parts.push('', ...result.notes.map((n) => `- ${n}`));
  return parts.join('\n');
}

export function printResult(result: BenchResult): void {
  console.log(`\n${renderResult(result)}\n`);
}

/** Columns shared by every load table. */
export const LOAD_COLUMNS = ['run', 'RPS', 'p50 ms', 'p99 ms', 'requests', 'failed', 'errors'];

export function loadRow(result: LoadResult, ratio?: number): (string | number)[] {
  return [
    result.label,
    result.rps,
    result.p50,
    result.p99,
    result.requests,
    result.failed + result.non2xx,
    result.errors,
    ...(ratio === undefined ? [] : [`${(ratio * 100).toFixed(1)} %`]),
  ];
}

export const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

/** Where the time went in a pair of runs: CPU per process, and the database sessions' states. */
export function profileNotes(baseline: LoadResult, target: LoadResult): string[] {
  return [
    `CPU, % of one core — ${baseline.label}: ${baseline.cpu ?? 'not sampled'}; ${target.label}: ${target.cpu ?? 'not sampled'}`,
    `CPU per answered request, ms — ${baseline.label}: ${baseline.cpuPerRequest ?? 'not sampled'}; ${target.label}: ${target.cpuPerRequest ?? 'not sampled'}`,
    `database sessions, average busy by state — ${baseline.label}: ${baseline.databaseWaits || 'none'}; ${target.label}: ${target.databaseWaits || 'none'}`,
  ];
}
