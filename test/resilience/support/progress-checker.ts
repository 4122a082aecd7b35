import type { ProcessStack } from '@eco/testing';
import type { EventTallies } from './event-ledger';
import type { Operation } from './partner-load';

/** Where a progress report leaves a row: the agency's task history and the owning office's timeline. */
const EFFECTS = {
  agencies: `SELECT note, count(*)::int AS n FROM agencies.task_updates WHERE kind = 'PROGRESS' AND note LIKE $1 GROUP BY note`,
  rectification: `SELECT note, count(*)::int AS n FROM rectification.measure_updates WHERE kind = 'AGENCY_PROGRESS' AND note LIKE $1 GROUP BY note`,
  supervision: `SELECT note, count(*)::int AS n FROM supervision.item_updates WHERE kind = 'AGENCY_PROGRESS' AND note LIKE $1 GROUP BY note`,
} as const;

type EffectTable = keyof typeof EFFECTS;

/** Jepsen-style tallies of one run, from the clients' history checked against every table. */
export interface ProgressTallies {
  attempted: number;
  ok: number;
  failed: number;
  /** Outcome still unknown to the client at the end. */
  indeterminate: number;
  /** First request's outcome unknown, settled by resending under the same idempotency key. */
  settledByResend: number;
  /** Indeterminate reports that did take effect (allowed: once). */
  indeterminateApplied: number;
  /** Acknowledged (or committed) reports missing from the producer or from the consumer that owns them. */
  lost: number;
  /** Reports with more than one row in any table. */
  duplicated: number;
  /** Reports refused to the client that changed something anyway. */
  failedWithEffect: number;
  /** Rows carrying this run's notes that no client sent, or in the wrong office's timeline. */
  stray: number;
  examples: string[];
}

async function countsByNote(
  stack: ProcessStack,
  table: EffectTable,
  runId: string,
): Promise<Map<string, number>> {
  const rows = await stack.sql<{ note: string; n: number }>(EFFECTS[table], [`${runId}:%`]);
  return new Map(rows.map((r) => [r.note, r.n]));
}

/**
 * Every committed report must be in the agency's history once and in its owner's timeline once
 * (rectification for a measure's task, supervision for an item's); the other office ignores it.
 */
export async function checkProgress(
  stack: ProcessStack,
  runId: string,
  operations: readonly Operation[],
): Promise<ProgressTallies> {
  const counts = {
    agencies: await countsByNote(stack, 'agencies', runId),
    rectification: await countsByNote(stack, 'rectification', runId),
    supervision: await countsByNote(stack, 'supervision', runId),
  };
  const tallies: ProgressTallies = {
    attempted: operations.length,
    ok: 0,
    failed: 0,
    indeterminate: 0,
    settledByResend: 0,
    indeterminateApplied: 0,
    lost: 0,
    duplicated: 0,
    failedWithEffect: 0,
    stray: 0,
    examples: [],
  };
  /** Counts an anomaly and keeps a few examples of it for the report. */
  const flag = (
    kind: 'lost' | 'duplicated' | 'failedWithEffect' | 'stray',
    problem: string,
    op: Operation,
  ) => {
    tallies[kind] += 1;
    if (tallies.examples.length < 10)
      tallies.examples.push(`${problem}: ${op.note} (${op.outcome}, ${op.detail ?? ''})`);
  };
  const sent = new Set<string>();
  for (const op of operations) {
    sent.add(op.note);
    const owner: EffectTable = op.task.subject === 'MEASURE' ? 'rectification' : 'supervision';
    const other: EffectTable = owner === 'rectification' ? 'supervision' : 'rectification';
    const produced = counts.agencies.get(op.note) ?? 0;
    const consumed = counts[owner].get(op.note) ?? 0;
    if (op.outcome === 'ok') tallies.ok += 1;
    if (op.outcome === 'fail') tallies.failed += 1;
    if (op.outcome === 'info') tallies.indeterminate += 1;
    if (op.wasIndeterminate && op.outcome !== 'info') tallies.settledByResend += 1;
    if (op.outcome === 'info' && produced > 0) tallies.indeterminateApplied += 1;
    if (produced > 1 || consumed > 1) flag('duplicated', 'duplicated', op);
    if ((op.outcome === 'ok' && produced === 0) || (produced > 0 && consumed === 0)) flag('lost', 'lost', op);
    if (op.outcome === 'fail' && produced > 0) flag('failedWithEffect', 'failed yet applied', op);
    if (counts[other].has(op.note)) flag('stray', 'in the wrong timeline', op);
    if (produced === 0 && consumed > 0) flag('stray', 'consumed but never produced', op);
  }
  for (const table of Object.values(counts))
    for (const key of table.keys()) if (!sent.has(key)) tallies.stray += 1;
  return tallies;
}

/**
 * The verdict both resilience suites share: no report lost, duplicated, applied after a refusal or
 * stray, and every event published and applied with no dead letter; `extra` adds a suite's own
 * counts that must be zero too. Asserted as one object, so a failure shows every count at once.
 */
export function expectNoAnomalies(
  progress: ProgressTallies,
  events: Pick<EventTallies, 'unapplied' | 'unpublished' | 'deadLetters'>,
  extra: Record<string, number> = {},
): void {
  const counts = {
    lost: progress.lost,
    duplicated: progress.duplicated,
    failedWithEffect: progress.failedWithEffect,
    stray: progress.stray,
    unapplied: events.unapplied,
    unpublished: events.unpublished,
    deadLetters: events.deadLetters,
    ...extra,
  };
  expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((key) => [key, 0])));
}
