import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Prints a block of figures, one per line, straight to stdout (jest's console adds noise). */
export function printTallies(title: string, figures: Record<string, number | string>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  process.stdout.write(`\n${title}\n${lines.join('\n')}\n`);
}

/** Whether the composed API takes an idempotency key on progress reports (issue #9 adds it). */
export function progressTakesIdempotencyKey(): boolean {
  const supergraph = readFileSync(join(__dirname, '..', '..', '..', 'gateway', 'supergraph.graphql'), 'utf8');
  const input = /input ReportTaskProgressInput[^{]*\{([^}]*)\}/.exec(supergraph)?.[1] ?? '';
  return /\bidempotencyKey\s*:/.test(input);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
