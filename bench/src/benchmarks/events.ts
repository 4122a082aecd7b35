// 4b. Events end to end — outbox commit to the consumer's committed effect — at 1,000 events/s, with
// a light rate (50/s) as baseline. Run alone: npx tsx bench/src/benchmarks/events.ts --smoke
import { randomUUID } from 'node:crypto';
import { Client, escapeLiteral, Pool } from 'pg';
import { createServiceDataSource, rowScopeStatement } from '@eco/db';
import { eventEnvelope, JetStreamTransport, OutboxRelay, taskProgressReportedV1 } from '@eco/events';
import type { ActionableTask } from '../data/dataset';
import { runStandalone } from '../harness/bench-environment';
import type { BenchEnvironment } from '../harness/bench-environment';
import { silentLogger } from '../harness/bench-stack';
import { PROGRESS_CONSUMERS, waitForProgressBacklog } from '../harness/event-backlog';
import { cpuMeter, formatCpuPerUnit, formatCpuShares } from '../harness/cpu-meter';
import { rotate } from '../harness/load';
import { WaitSampler } from '../harness/wait-sampler';
import { percentile } from '../harness/percentile';
import type { BenchResult } from '../harness/report';

/** The consumers that apply a progress report, by the kind of task it is about. */
const EFFECT_CONSUMER = {
  MEASURE: { schema: 'rectification', consumer: PROGRESS_CONSUMERS.rectification },
  SUPERVISION_ITEM: { schema: 'supervision', consumer: PROGRESS_CONSUMERS.supervision },
} as const;

/** Producer transactions in flight at most (its pool's size): past that the producer falls behind, visibly. */
const PRODUCER_CONNECTIONS = 12;
const PROGRESS_NOTE = '事件压测进展';

export interface EventRun {
  label: string;
  rate: number;
  achievedRate: number;
  events: number;
  produceErrors: number;
  firstError: string | null;
  /** The outbox row's created_at (the producer's transaction start) → effect consumer's applied_at, ms. */
  effect: { p50: number; p99: number; max: number };
  /** The producer's commit, as the producer saw it return → effect consumer's applied_at, ms. */
  fromCommit: { p50: number; p99: number; max: number };
  /** The producer's own transaction: created_at → its commit returning, ms. */
  producerTransaction: { p50: number; p99: number };
  /** Outbox commit → the last of both consumers (the other one records the event and does nothing). */
  allConsumers: { p99: number };
  /** Outbox commit → the relay marking the row published (after JetStream's acknowledgement). */
  published: { p50: number; p99: number };
  effectsApplied: number;
  /** Database sessions while producing (see WaitSampler). */
  databaseWaits: string;
  /** CPU per service process while producing. */
  cpu: string;
  /** CPU per event produced, ms: the services' and the whole machine's (harness producer included). */
  cpuPerEvent: string;
}

/**
 * A replica of the agencies service's write path in the harness: each event is a partner's progress
 * report — the task's history entry, its status, and the outbox row in one transaction, as
 * TaskService.reportProgress commits them — followed by a nudge of its outbox relay, as the
 * service's runtime does after every commit. Publishing, JetStream and the consumers are the real
 * services' (rectification and supervision run in their own processes).
 */
async function produceEvents(
  env: BenchEnvironment,
  rate: number,
  seconds: number,
  label: string,
): Promise<EventRun> {
  const dataSource = createServiceDataSource({
    url: env.stack.databaseUrl,
    schema: 'agencies',
    entities: [],
    migrations: [],
    // The relay's only.
    poolSize: 2,
  });
  await dataSource.initialize();
  const transport = await JetStreamTransport.connect({
    url: env.stack.natsUrl,
    namespace: env.stack.namespace,
    logger: silentLogger,
  });
  const relay = new OutboxRelay({ dataSource, transport, logger: silentLogger });
  relay.start();
  const nextTask = rotate(env.facts.actionableTasks);
  const produced: { id: string; kind: ActionableTask['subjectKind']; committedAt: number }[] = [];
  let produceErrors = 0;
  let firstError: string | null = null;

  // The producer's own connections: each event's transaction goes as one multi-statement simple
  // query (one round trip), so the harness itself can reach the rate being measured.
  const producerPool = new Pool({
    connectionString: env.stack.databaseUrl,
    max: PRODUCER_CONNECTIONS,
    application_name: 'eco-bench-producer',
  });
  const literal = (value: unknown) =>
    escapeLiteral(typeof value === 'string' ? value : JSON.stringify(value));

  const produce = async (task: ActionableTask) => {
    const eventId = randomUUID();
    const updateId = randomUUID();
    const at = new Date();
    try {
      const envelope = eventEnvelope(
        taskProgressReportedV1,
        {
          taskId: task.taskId,
          agencyId: task.agencyId,
          subjectKind: task.subjectKind,
          subjectId: task.subjectId,
          personId: task.personId,
          personName: task.personName,
          updateId,
          note: PROGRESS_NOTE,
          evidence: [],
          reportedAt: at.toISOString(),
        },
        {
          producer: 'agencies',
          actor: { personId: task.personId, agencyId: task.agencyId, name: task.personName },
          eventId,
          occurredAt: at,
        },
      );
      // TaskService.reportProgress's statements, in its order, in one transaction. A statement that
      // fails leaves that explicit transaction open and aborted: rolled back before the connection
      // goes back to the pool.
      const client = await producerPool.connect();
      try {
        await client.query(
          `BEGIN;
         ${rowScopeStatement('all')};
         INSERT INTO agencies.task_updates (id, task_id, kind, note, person_id, person_name, evidence, at)
           VALUES (${literal(updateId)}, ${literal(task.taskId)}, 'PROGRESS', ${literal(PROGRESS_NOTE)},
                   ${literal(task.personId)}, ${literal(task.personName)}, '[]', ${literal(at.toISOString())});
         UPDATE agencies.coordination_tasks SET status = 'IN_PROGRESS', version = version + 1
          WHERE id = ${literal(task.taskId)};
         INSERT INTO agencies.outbox (event_id, subject, envelope)
           VALUES (${literal(eventId)}, ${literal(envelope.subject)}, ${literal(envelope)});
         COMMIT;`,
        );
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      relay.nudge();
      produced.push({ id: eventId, kind: task.subjectKind, committedAt: Date.now() });
    } catch (error) {
      produceErrors += 1;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  };

  // Whatever earlier writes left queued would be measured as this run's latency: start from empty queues.
  const settled = await waitForProgressBacklog(env.stack.databaseUrl);
  if (!settled.drained)
    throw new Error(`consumers still ${settled.backlog} events behind after ${settled.seconds} s`);

  const sampler = new WaitSampler(env.stack.databaseUrl);
  await sampler.start();
  const cpu = cpuMeter(Object.values(env.stack.processes));
  const total = Math.round(rate * seconds);
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let sent = 0;
  // Paced by the clock: event i is due at i / rate seconds; a producer that cannot keep up falls behind.
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    for (; sent < due && inFlight.size < PRODUCER_CONNECTIONS; sent += 1) {
      const p = produce(nextTask()).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  const achievedRate = produced.length / ((performance.now() - started) / 1000);
  const databaseWaits = await sampler.stop();
  const cpuWhileProducing = cpu();

  const client = new Client({ connectionString: env.stack.databaseUrl });
  await client.connect();
  try {
    const ids = produced.map((p) => p.id);
    // Wait until both consumers recorded every event (or give up after a minute and measure what is there).
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM rectification.inbox WHERE consumer = $2 AND event_id = ANY($1::uuid[]))
              + (SELECT count(*) FROM supervision.inbox WHERE consumer = $3 AND event_id = ANY($1::uuid[])) AS n`,
        [ids, EFFECT_CONSUMER.MEASURE.consumer, EFFECT_CONSUMER.SUPERVISION_ITEM.consumer],
      );
      if (Number(rows[0]!.n) >= ids.length * 2 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const latencies = async (schema: string, consumer: string) => {
      const { rows } = await client.query<{ event_id: string; ms: number; applied: number }>(
        `SELECT o.event_id, extract(epoch FROM (i.applied_at - o.created_at)) * 1000 AS ms,
                extract(epoch FROM i.applied_at) * 1000 AS applied
           FROM agencies.outbox o JOIN ${schema}.inbox i ON i.event_id = o.event_id AND i.consumer = $2
          WHERE o.event_id = ANY($1::uuid[])`,
        [ids, consumer],
      );
      return new Map(rows.map((r) => [r.event_id, { ms: Number(r.ms), applied: Number(r.applied) }]));
    };
    const { rows: created } = await client.query<{ event_id: string; at: number }>(
      `SELECT event_id, extract(epoch FROM created_at) * 1000 AS at FROM agencies.outbox WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    const createdAt = new Map(created.map((r) => [r.event_id, Number(r.at)]));
    const { rows: publishing } = await client.query<{ ms: number }>(
      `SELECT extract(epoch FROM (published_at - created_at)) * 1000 AS ms FROM agencies.outbox WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    const toPublished = publishing.map((r) => Number(r.ms));
    const rectification = await latencies('rectification', EFFECT_CONSUMER.MEASURE.consumer);
    const supervision = await latencies('supervision', EFFECT_CONSUMER.SUPERVISION_ITEM.consumer);
    const effect: number[] = [];
    const fromCommit: number[] = [];
    const producerTransaction: number[] = [];
    const all: number[] = [];
    for (const p of produced) {
      const toEffect = (p.kind === 'MEASURE' ? rectification : supervision).get(p.id);
      const other = (p.kind === 'MEASURE' ? supervision : rectification).get(p.id);
      const start = createdAt.get(p.id);
      if (start !== undefined) producerTransaction.push(p.committedAt - start);
      if (toEffect !== undefined) {
        effect.push(toEffect.ms);
        // Host clock on both sides (Node and PostgreSQL run on this machine).
        fromCommit.push(toEffect.applied - p.committedAt);
      }
      if (toEffect !== undefined && other !== undefined) all.push(Math.max(toEffect.ms, other.ms));
    }
    const { rows: applied } = await client.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM rectification.measure_updates WHERE source_event_id = ANY($1::uuid[]))
            + (SELECT count(*) FROM supervision.item_updates WHERE source_event_id = ANY($1::uuid[])) AS n`,
      [ids],
    );
    return {
      label,
      rate,
      achievedRate,
      events: produced.length,
      produceErrors,
      firstError,
      effect: { p50: percentile(effect, 50), p99: percentile(effect, 99), max: percentile(effect, 100) },
      fromCommit: {
        p50: percentile(fromCommit, 50),
        p99: percentile(fromCommit, 99),
        max: percentile(fromCommit, 100),
      },
      producerTransaction: {
        p50: percentile(producerTransaction, 50),
        p99: percentile(producerTransaction, 99),
      },
      allConsumers: { p99: percentile(all, 99) },
      published: { p50: percentile(toPublished, 50), p99: percentile(toPublished, 99) },
      effectsApplied: Number(applied[0]!.n),
      databaseWaits,
      cpu: formatCpuShares(cpuWhileProducing),
      cpuPerEvent: formatCpuPerUnit(cpuWhileProducing, produced.length),
    };
  } finally {
    await client.end();
    await relay.stop();
    await transport.close();
    await producerPool.end();
    await dataSource.destroy();
  }
}

export const BASELINE_EVENT_RATE = 50;

export async function eventsEndToEnd(env: BenchEnvironment): Promise<BenchResult> {
  const { options } = env;
  const baseline = await produceEvents(
    env,
    BASELINE_EVENT_RATE,
    Math.min(options.durationSeconds, 5),
    `${BASELINE_EVENT_RATE} events/s (baseline)`,
  );
  const target = await produceEvents(
    env,
    options.eventRate,
    options.durationSeconds,
    `${options.eventRate} events/s`,
  );
  const row = (r: EventRun) => [
    r.label,
    r.achievedRate,
    r.events,
    r.fromCommit.p50,
    r.fromCommit.p99,
    r.fromCommit.max,
    r.effect.p50,
    r.effect.p99,
    r.producerTransaction.p50,
    r.producerTransaction.p99,
    r.allConsumers.p99,
    r.published.p50,
    r.published.p99,
    r.effectsApplied,
    r.produceErrors,
  ];
  const ratio = target.fromCommit.p99 / baseline.fromCommit.p99;
  return {
    title: '4b. Events end to end: outbox commit → consumer committed effect',
    columns: [
      'run',
      'events/s achieved',
      'events',
      'p50 ms',
      'p99 ms',
      'max ms',
      'from created_at p50 ms',
      'from created_at p99 ms',
      'producer tx p50 ms',
      'producer tx p99 ms',
      'p99 ms from created_at, both consumers',
      'published p50 ms',
      'published p99 ms',
      'effects applied',
      'produce errors',
    ],
    rows: [row(baseline), row(target)],
    targets: [
      {
        target: `event end to end p99 < 20 ms at ${options.eventRate} events/s`,
        measured: `${target.fromCommit.p99.toFixed(1)} ms (achieved ${target.achievedRate.toFixed(0)} events/s)`,
        met: target.fromCommit.p99 < 20 && target.achievedRate >= options.eventRate * 0.95,
      },
    ],
    notes: [
      `agencies.task.progress-reported.v1 on signed-for tasks (measures and supervised items mixed); the effect is the measure's or item's timeline entry, written by rectification or supervision`,
      `latency (p50/p99/max) = the effect consumer's inbox applied_at (PostgreSQL now(), its batch's transaction start) − the instant the producer's COMMIT returned (Date.now() in the harness), one host clock: the outbox commit → the consumer's transaction, whose own commit follows its batch; "from created_at" starts instead at the outbox row's created_at (the producer's transaction start), so it adds the producer's own transaction (producer tx)`,
      `p99 at ${options.eventRate}/s is ${ratio.toFixed(1)}× the p99 at ${BASELINE_EVENT_RATE}/s`,
      ...[baseline, target].map(
        (r) =>
          `while producing ${r.label} — CPU, % of one core: ${r.cpu}; per event, ms: ${r.cpuPerEvent}; database sessions, average busy by state: ${r.databaseWaits}`,
      ),
      ...[baseline, target]
        .filter((r) => r.firstError)
        .map((r) => `${r.label}: ${r.produceErrors} events not produced, first error: ${r.firstError}`),
    ],
  };
}

if (require.main === module) runStandalone('bench_events', eventsEndToEnd);
