import { randomBytes } from 'node:crypto';
import { SERVICE_NAMES, startProcessStack, waitFor } from '@eco/testing';
import type { ProcessStack } from '@eco/testing';
import { durableConsumers, eventBacklog, eventTallies } from './support/event-ledger';
import type { DurableConsumer } from './support/event-ledger';
import { startPartnerLoad } from './support/partner-load';
import { openPartnerTasks } from './support/partner-tasks';
import type { PartnerTask } from './support/partner-tasks';
import { checkProgress, expectNoAnomalies } from './support/progress-checker';
import { printTallies, progressTakesIdempotencyKey, sleep } from './support/report';
import { createCampaignOwingReports } from './support/weekly-reports';
import {
  lookbackBefore,
  ROLLUP_SOURCES,
  rollupJobFailures,
  scheduledWeeks,
  WEEKLY_ROLLUP_ENV,
  weeklyRollupLedger,
} from './support/weekly-rollups';
import type { RollupSource } from './support/weekly-rollups';

const UPDATES = 600;
const DRAIN_LIMIT_MS = 60_000;
const READ_ACROSS_THE_GRAPH =
  '{ inspectionRounds { id } rectificationCampaigns { id } supervisionItems { id } }';

jest.setTimeout(240_000);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Issue #11: the services are stateless and every effect is exactly-once however many replicas run.
 * Two processes of every subgraph (each with its relay, consumers and scheduled jobs) share one
 * PostgreSQL and one NATS, behind a round-robin proxy per subgraph, as behind a Kubernetes Service.
 */
describe('two replicas of every subgraph', () => {
  let stack: ProcessStack;
  let tasks: PartnerTask[];
  let consumers: DurableConsumer[];
  let campaignId: string;
  /** Before any replica ran a job: no roll-up can be older than its look-back from here. */
  let startedAt: Date;
  const runId = `replicas-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    startedAt = new Date();
    stack = await startProcessStack({
      label: 'replicas',
      replicas: 2,
      // Both replicas look for overdue weekly reports and for weeks not rolled up every second, so
      // they race for each notice and for each week's roll-up.
      env: { RECTIFICATION_OVERDUE_CHECK_INTERVAL_MS: '1000', ...WEEKLY_ROLLUP_ENV },
    });
    campaignId = await createCampaignOwingReports(stack);
    tasks = await openPartnerTasks(stack, 8);
    consumers = await durableConsumers(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('sends each overdue weekly-report notice once, though both replicas run the job', async () => {
    // Several passes of each replica's job: the count must then stay put.
    const notices = await waitFor(
      'the overdue notices to settle',
      async () => {
        const count = async () =>
          Number(
            (
              await stack.sql<{ n: string }>(
                'SELECT count(*) AS n FROM rectification.weekly_report_overdue_notices WHERE campaign_id = $1',
                [campaignId],
              )
            )[0]!.n,
          );
        const before = await count();
        await sleep(3_000);
        return before > 0 && (await count()) === before ? before : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const events = await stack.sql<{ week: string; agency: string; n: number; ids: string[] }>(
      `SELECT envelope->'payload'->>'weekDate' AS week, envelope->'payload'->>'agencyId' AS agency,
              count(*)::int AS n, array_agg(event_id::text) AS ids
         FROM rectification.outbox
        WHERE subject = 'rectification.weekly-report.overdue.v1' AND envelope->'payload'->>'campaignId' = $1
        GROUP BY 1, 2`,
      [campaignId],
    );
    const noticeRows = await stack.sql<{ event_id: string }>(
      'SELECT event_id::text FROM rectification.weekly_report_overdue_notices WHERE campaign_id = $1',
      [campaignId],
    );
    printTallies('overdue weekly-report job on two replicas', {
      'notices recorded': notices,
      'events recorded': events.reduce((sum, e) => sum + e.n, 0),
      'weeks announced twice': events.filter((e) => e.n > 1).length,
    });
    expect(events.every((e) => e.n === 1)).toBe(true);
    expect(events.flatMap((e) => e.ids).sort()).toEqual(noticeRows.map((r) => r.event_id).sort());
  });

  it('takes each scheduled weekly roll-up once per part and announces it once, though both replicas of rectification, supervision and the agencies run the job', async () => {
    const ledger = await waitFor(
      'every week of the look-back rolled up and announced',
      async () => {
        const now = await weeklyRollupLedger(stack);
        const stored = Object.keys(now.counts['rectification: weeks stored']);
        const due = scheduledWeeks(lookbackBefore(new Date()), startedAt);
        return due.every((week) => now.ready.includes(week)) && now.ready.length === stored.length
          ? now
          : undefined;
      },
      { timeoutMs: 30_000 },
    );
    // Two more passes of each replica's job: nothing may be added.
    await sleep(2_000);
    const settled = await weeklyRollupLedger(stack);
    const checkedAt = new Date();
    const weeks = Object.keys(settled.counts['rectification: weeks stored']);
    // Each run looks back from its own "now", between the stack's start and this check.
    const due = scheduledWeeks(lookbackBefore(checkedAt), startedAt);
    const possible = scheduledWeeks(lookbackBefore(startedAt), checkedAt);
    const sources = Object.keys(ROLLUP_SOURCES) as RollupSource[];
    const failures = rollupJobFailures(stack);
    printTallies(`weekly roll-up job on two replicas of each subgraph (weeks ${weeks.join(', ')})`, {
      'weeks scheduled in the look-back': due.length,
      ...Object.fromEntries(
        sources.map((source) => {
          const perWeek = Object.values(settled.counts[source]);
          return [
            source,
            `${sum(perWeek)} for ${perWeek.length} weeks, at most ${Math.max(0, ...perWeek)} a week`,
          ];
        }),
      ),
      'weeks ready (every part in)': settled.ready.length,
      'stored events not the outbox one': settled.eventMismatches,
      'failed runs of the job logged': failures,
    });

    expect(settled).toEqual(ledger);
    expect(weeks).toEqual(expect.arrayContaining(due));
    expect(possible).toEqual(expect.arrayContaining(weeks));
    for (const source of sources) {
      expect({ source, weeks: settled.counts[source] }).toEqual({
        source,
        weeks: Object.fromEntries(weeks.map((week) => [week, 1])),
      });
    }
    expect(settled.ready).toEqual(weeks);
    expect(settled.eventMismatches).toBe(0);
    expect(failures).toBe(0);
  });

  it('applies every event once and loses no update when one replica of each subgraph is killed mid-run', async () => {
    const load = startPartnerLoad({
      stack,
      tasks,
      targetOk: UPDATES,
      deadlineMs: 120_000,
      idempotencyKeys: progressTakesIdempotencyKey(),
      runId,
    });
    // Meanwhile the bureau reads across the graph, so every subgraph's pair serves requests.
    const leader = await stack.tokenFor('xue-jialiang');
    const reading = (async () => {
      while (!load.finished) {
        await stack.gql(leader, READ_ACROSS_THE_GRAPH).catch(() => undefined);
        await sleep(100);
      }
    })();
    while (load.ok < UPDATES / 3 && !load.finished) await sleep(50);
    // Crash one replica of every subgraph at once; the survivors carry on alone.
    await Promise.all(SERVICE_NAMES.map((name) => stack.processes[name][1]!.kill()));
    const killedAt = Date.now();
    await load.done;
    await reading;
    while (
      (await eventBacklog(stack, consumers, SERVICE_NAMES)) > 0 &&
      Date.now() - killedAt < DRAIN_LIMIT_MS
    )
      await sleep(250);
    const drainedAfterMs = Date.now() - killedAt;

    const progress = await checkProgress(stack, runId, load.operations);
    const events = await eventTallies(stack, SERVICE_NAMES);
    const duplicateTasks = await stack.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM agencies.coordination_tasks
         GROUP BY subject_kind, subject_id, agency_id HAVING count(*) > 1) d`,
    );
    printTallies(
      `two replicas per subgraph (${runId}), one of each killed after ${Math.round(UPDATES / 3)} updates`,
      {
        'events published': events.published,
        'events applied (inbox rows)': events.applied,
        'duplicates suppressed': events.duplicatesSuppressed,
        'deliveries by JetStream': events.deliveries,
        'republished by a relay': events.republished,
        'stream messages': events.streamMessages,
        'dead letters': events.deadLetters,
        'updates attempted': progress.attempted,
        'updates ok': progress.ok,
        'updates failed': progress.failed,
        'updates indeterminate': progress.indeterminate,
        'settled by resending the key': progress.settledByResend,
        'updates lost': progress.lost,
        'updates duplicated': progress.duplicated,
        'backlog drained after the kill (s)': (drainedAfterMs / 1000).toFixed(1),
        ...Object.fromEntries(
          SERVICE_NAMES.map((name) => [
            `${name} requests per replica`,
            stack.proxies[name]!.served.join(' / '),
          ]),
        ),
      },
    );
    if (progress.examples.length > 0)
      process.stdout.write(`  examples:\n    ${progress.examples.join('\n    ')}\n`);

    // Both replicas of every subgraph served traffic before the kill.
    for (const name of SERVICE_NAMES) expect(stack.proxies[name]!.served.every((n) => n > 0)).toBe(true);
    expect(progress.ok).toBeGreaterThanOrEqual(UPDATES);
    expectNoAnomalies(progress, events, { duplicateTasks: duplicateTasks[0]!.n });
    expect(drainedAfterMs).toBeLessThanOrEqual(DRAIN_LIMIT_MS);
  });
});
