// "15 working days after" over random instants, through the public API. Run: npm run bench
import { addWorkingDays, computeDueAt, createWorkingCalendar, shanghaiInstant } from '../src/index';
import type { DeadlineRule } from '../src/index';

const calendar = createWorkingCalendar();
const rule: DeadlineRule = { kind: 'working-days', days: 15 };
const from = shanghaiInstant('2020-01-01').getTime();
const to = shanghaiInstant('2026-06-30').getTime();
const ITERATIONS = 3_000_000;

// A fixed-seed generator so every run measures the same instants.
let seed = 20_240_210;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const instants = Array.from({ length: 1 << 20 }, () => from + Math.floor(random() * (to - from)));
const mask = instants.length - 1;

// One loop per API, so that each call site stays monomorphic for the JIT.
function viaComputeDueAt(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += computeDueAt(calendar, rule, instants[i & mask] ?? 0)?.getTime() ?? 0;
  return sink;
}

function viaAddWorkingDays(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += addWorkingDays(calendar, instants[i & mask] ?? 0, 15).getTime();
  return sink;
}

function report(label: string, loop: (n: number) => number): void {
  loop(200_000); // warm-up, lets the JIT optimise
  const started = process.hrtime.bigint();
  const sink = loop(ITERATIONS);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = Math.round(ITERATIONS / seconds).toLocaleString('en-US');
  console.log(
    `${label}: ${rate} computations/s (${ITERATIONS.toLocaleString('en-US')} in ${seconds.toFixed(2)} s)`,
  );
  if (sink === 0) console.log('(no results)');
}

report('computeDueAt(calendar, { kind: "working-days", days: 15 }, instant)', viaComputeDueAt);
report('addWorkingDays(calendar, instant, 15)', viaAddWorkingDays);
