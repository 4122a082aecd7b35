import { randomBytes } from 'node:crypto';
import { SERVICE_NAMES, startNatsServer, startProcessStack } from '@eco/testing';
import type { NatsServerProcess, ProcessStack, ServiceName } from '@eco/testing';
import {
  durableConsumers,
  eventBacklog,
  eventTallies,
  outboxMark,
  unappliedEvents,
} from './support/event-ledger';
import type { DurableConsumer } from './support/event-ledger';
import { startPartnerLoad } from './support/partner-load';
import { openPartnerTasks } from './support/partner-tasks';
import type { PartnerTask } from './support/partner-tasks';
import { checkProgress, expectNoAnomalies } from './support/progress-checker';
import { printTallies, progressTakesIdempotencyKey, sleep } from './support/report';

/** Acknowledged updates the run must reach: ≥ 2,000 in CI, FAULT_UPDATES=10000 for the long run. */
const TARGET = Number(process.env.FAULT_UPDATES ?? 2_000);
const WORKERS = 12;
const DRAIN_LIMIT_MS = 60_000;
const RUN_LIMIT_MS = Math.max(240_000, TARGET * 60);

jest.setTimeout(RUN_LIMIT_MS + 240_000);

interface Fault {
  target: 'nats' | ServiceName;
  injectedAt?: number;
  healedAt?: number;
  drainedAt?: number;
}

/**
 * Issue #9, fault suite: townships report progress without pause while the NATS server is killed
 * and restarted three times and each subgraph process is killed (SIGKILL) and restarted once. The
 * NATS server is the test's own (own port and store), so other tests never see it go down.
 * Afterwards every update the system committed is in the agency's history once and in its owning
 * office's timeline once, and each fault's backlog was drained within 60 s of the fault healing.
 */
describe('partner updates under NATS and subgraph crashes', () => {
  let nats: NatsServerProcess;
  let stack: ProcessStack;
  let tasks: PartnerTask[];
  let consumers: DurableConsumer[];
  const runId = `fault-${randomBytes(3).toString('hex')}`;
  const faults: Fault[] = (
    ['nats', 'agencies', 'nats', 'rectification', 'nats', 'supervision', 'inspections'] as const
  ).map((target) => ({ target }));

  beforeAll(async () => {
    nats = await startNatsServer();
    stack = await startProcessStack({ label: 'fault', natsUrl: nats.url });
    tasks = await openPartnerTasks(stack, WORKERS);
    consumers = await durableConsumers(stack);
  });

  afterAll(async () => {
    await stack?.stop();
    await nats?.stop();
  });

  const inject = async (fault: Fault) => {
    fault.injectedAt = Date.now();
    if (fault.target === 'nats') {
      await nats.kill();
      await sleep(1_500); // down long enough for relays and consumers to notice
      await nats.restart();
    } else {
      const [process_] = stack.processes[fault.target];
      await process_!.kill();
      await process_!.restart();
    }
    fault.healedAt = Date.now();
  };

  /** Resolves when every event committed before the fault healed is in every consumer's inbox. */
  const watchDrain = async (fault: Fault) => {
    const mark = await outboxMark(stack, consumers);
    while (Date.now() - fault.healedAt! < DRAIN_LIMIT_MS * 2) {
      if ((await unappliedEvents(stack, consumers, mark)) === 0) {
        fault.drainedAt = Date.now();
        return;
      }
      await sleep(250);
    }
  };

  it('reflects every committed update exactly once in every consumer', async () => {
    const idempotencyKeys = progressTakesIdempotencyKey();
    const loadStartedAt = Date.now();
    const load = startPartnerLoad({
      stack,
      tasks,
      targetOk: TARGET,
      deadlineMs: RUN_LIMIT_MS,
      idempotencyKeys,
      runId,
    });
    const drains: Promise<void>[] = [];
    // The nemesis: one fault at each of evenly spaced points of the run.
    for (const [i, fault] of faults.entries()) {
      const at = Math.floor((TARGET * (i + 1)) / (faults.length + 1));
      while (
        load.ok < at &&
        (await Promise.race([load.done.then(() => true), sleep(50).then(() => false)])) === false
      );
      await inject(fault);
      drains.push(watchDrain(fault));
    }
    await load.done;
    const loadEndedAt = Date.now();
    await Promise.all(drains);
    const finalMark = Date.now();
    while (
      (await eventBacklog(stack, consumers, SERVICE_NAMES)) > 0 &&
      Date.now() - finalMark < DRAIN_LIMIT_MS
    )
      await sleep(250);

    const progress = await checkProgress(stack, runId, load.operations);
    const events = await eventTallies(stack, SERVICE_NAMES);
    printTallies(
      `fault suite (${runId}): ${TARGET} acknowledged updates wanted, idempotency keys ${idempotencyKeys ? 'on' : 'off'}`,
      {
        attempted: progress.attempted,
        ok: progress.ok,
        failed: progress.failed,
        indeterminate: progress.indeterminate,
        'indeterminate, applied': progress.indeterminateApplied,
        'settled by resending the key': progress.settledByResend,
        lost: progress.lost,
        duplicated: progress.duplicated,
        'failed yet applied': progress.failedWithEffect,
        stray: progress.stray,
        'faults injected': faults.filter((f) => f.healedAt).length,
        'load time (s)': ((loadEndedAt - loadStartedAt) / 1000).toFixed(1),
      },
    );
    printTallies('events', { ...events });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    printTallies(
      'faults: down for, then backlog drained within (limit 60 s after recovery)',
      Object.fromEntries(
        faults.map((f, i) => [
          `${i + 1}. kill ${f.target}`,
          `${seconds(f.healedAt! - f.injectedAt!)}, ${f.drainedAt ? seconds(Math.max(0, f.drainedAt - f.healedAt!)) : 'NOT DRAINED'}`,
        ]),
      ),
    );
    if (progress.examples.length > 0)
      process.stdout.write(`  examples:\n    ${progress.examples.join('\n    ')}\n`);

    expect(faults.filter((f) => f.target === 'nats' && f.healedAt)).toHaveLength(3);
    expect(SERVICE_NAMES.every((name) => stack.processes[name][0]!.starts === 2)).toBe(true);
    expect(progress.ok).toBeGreaterThanOrEqual(TARGET);
    expectNoAnomalies(progress, events);
    for (const fault of faults)
      expect(fault.drainedAt! - fault.healedAt!).toBeLessThanOrEqual(DRAIN_LIMIT_MS);
  });
});
