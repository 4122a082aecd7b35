// The weekly roll-up (issue #8) on a large rectification history: 100,000 problems, 300,000
// measures and 1,000,000 timeline entries generated straight into the real tables of a fresh,
// migrated database; then, for a few weeks, rectification's part of the roll-up as the service
// takes it (per-week lock, the set-based INSERT … SELECT as the application role under row-level
// security, the audit trail, the outbox) next to the same figures as raw SQL aggregates.
//
//   npx tsx bench/src/rollup-bench.ts [--problems 100000] [--weeks 3] [--keep]
//
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be a superuser: the load
// runs with triggers off (session_replication_role = replica), as a restore does.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase } from '@eco/db';
import { agencyIdOf } from '@eco/demo-data';
import { InProcessTransport } from '@eco/events';
import { createLogger } from '@eco/logging';
import {
  createRectificationSubgraph,
  DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
  takeWeeklyRollup,
} from '@eco/rectification-service';
import { rollupCutOff } from '@eco/calendar';
import { rectificationCalendar } from '@eco/rectification-service/src/domain/working-calendar';
import { departmentWeekSql } from '@eco/rectification-service/src/persistence/weekly-rollup.store';
import { migrateServices } from '@eco/stack';
import { startSubgraph } from '@eco/subgraph';
import { describeMachine, machineLines } from './harness/machine';
import { printResult } from './harness/report';

const DEPARTMENTS = [
  'general-office',
  'audit-office',
  'hr',
  'finance',
  'sanitation',
  'env-inspection',
  'infrastructure',
  'env-affairs-centre',
  'greening-centre',
  'coordination-centre',
  'infrastructure-centre',
  'finance-centre',
  'waste-centre',
].map(agencyIdOf);
const CAMPAIGNS = 20;
const MEASURES_PER_PROBLEM = 3;
const UPDATES = 1_000_000;
const BATCH = 20_000;
/** Three ordinary weeks in the middle of the generated history (no holiday Wednesday). */
const WEEKS = ['2025-06-11', '2025-06-18', '2025-06-25', '2025-07-02', '2025-07-09'];

/** Stable ids from numbers, one namespace per table: `00000000-000k-4000-8000-<n>`. */
const idSql = (kind: number, n: string) =>
  `('00000000-000${kind}-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const openedAtSql = (i: string) =>
  `(TIMESTAMPTZ '2023-01-01 09:00+08' + ((${i}) % 1400) * interval '1 day' + ((${i}) % 480) * interval '1 minute')`;

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Loads the history with server-side generate_series in batched multi-row INSERT … SELECT. */
async function generate(client: Client, problems: number): Promise<Record<string, number>> {
  const measures = problems * MEASURES_PER_PROBLEM;
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET synchronous_commit = off`);
  await client.query(
    `INSERT INTO rectification.campaigns (id, name, source_kind, source_title, period_start, period_end, weekly_reports_start_on, created_at)
     SELECT ${idSql(1, 'c')}, '整改工作' || c, 'MUNICIPAL_INSPECTION', '巡视反馈意见', DATE '2023-01-01', DATE '2026-12-31',
            CASE WHEN c % 4 <> 0 THEN DATE '2023-09-13' END, TIMESTAMPTZ '2023-01-01 08:00+08'
       FROM generate_series(1, ${CAMPAIGNS}) c`,
  );
  for (let lo = 1; lo <= problems; lo += BATCH) {
    const hi = Math.min(problems, lo + BATCH - 1);
    await client.query(
      `INSERT INTO rectification.problems (id, campaign_id, number, title, description, responsible_department_id, opened_at)
       SELECT ${idSql(2, 'i')}, ${idSql(1, `1 + i % ${CAMPAIGNS}`)}, i::text, '问题' || i, '问题描述' || i,
              ($1::uuid[])[1 + i % ${DEPARTMENTS.length}], ${openedAtSql('i')}
         FROM generate_series(${lo}, ${hi}) i`,
      [DEPARTMENTS],
    );
    // Three measures a problem (seed 004: 186 for 64); k numbers them. Every 4th is long-term;
    // 10 % never started, 45 % completed, the rest in progress.
    await client.query(
      `INSERT INTO rectification.measures
         (id, problem_id, sequence, text, responsible_agency_id, deadline_kind, deadline_label, due_at, status, completed_at, created_at)
       SELECT ${idSql(3, 'k')}, ${idSql(2, 'i')}, (j + 1)::text, '整改措施' || k, ($1::uuid[])[1 + i % ${DEPARTMENTS.length}],
              CASE WHEN k % 4 = 0 THEN 'LONG_TERM' ELSE 'DATE' END,
              CASE WHEN k % 4 = 0 THEN '长期坚持' ELSE '限期' END,
              CASE WHEN k % 4 = 0 THEN NULL ELSE created + (20 + k % 280) * interval '1 day' END,
              CASE WHEN k % 10 = 0 THEN 'NOT_STARTED' WHEN k % 20 < 11 THEN 'COMPLETED' ELSE 'IN_PROGRESS' END,
              CASE WHEN k % 10 <> 0 AND k % 20 < 11 THEN created + (10 + k % 200) * interval '1 day' END,
              created
         FROM generate_series(${lo}, ${hi}) i, generate_series(0, ${MEASURES_PER_PROBLEM - 1}) j,
              LATERAL (SELECT (i - 1) * ${MEASURES_PER_PROBLEM} + j + 1 AS k,
                              ${openedAtSql('i')} + (j + 1) * interval '1 day' AS created) m`,
      [DEPARTMENTS],
    );
  }
  // The timeline: CREATED; NOT_STARTED → IN_PROGRESS 3 days in; IN_PROGRESS → COMPLETED when done;
  // progress notes (no status) for the first measures until there are 1,000,000 entries.
  const timeline = (kind: string, filter: string, at: string, from: string, to: string, seq: number) =>
    `INSERT INTO rectification.measure_updates (id, measure_id, kind, status_from, status_to, at)
     SELECT ${idSql(4, `k * 4 + ${seq}`)}, m.id, '${kind}', ${from}, ${to}, ${at}
       FROM rectification.measures m, LATERAL (SELECT ('x' || right(m.id::text, 12))::bit(48)::bigint AS k) n
      WHERE ${filter} AND n.k BETWEEN $1 AND $2`;
  const statusChanges = Math.round(measures * 0.9) + Math.round(measures * 0.45);
  const notes = Math.max(0, UPDATES - measures - statusChanges);
  for (let lo = 1; lo <= measures; lo += BATCH * 3) {
    const hi = Math.min(measures, lo + BATCH * 3 - 1);
    await client.query(timeline('CREATED', 'true', 'm.created_at', 'NULL', 'NULL', 0), [lo, hi]);
    await client.query(
      timeline(
        'STATUS_CHANGED',
        "m.status <> 'NOT_STARTED'",
        "m.created_at + interval '3 days'",
        "'NOT_STARTED'",
        "'IN_PROGRESS'",
        1,
      ),
      [lo, hi],
    );
    await client.query(
      timeline(
        'STATUS_CHANGED',
        "m.status = 'COMPLETED'",
        'm.completed_at',
        "'IN_PROGRESS'",
        "'COMPLETED'",
        2,
      ),
      [lo, hi],
    );
    await client.query(
      timeline('AGENCY_PROGRESS', `n.k <= ${notes}`, "m.created_at + interval '7 days'", 'NULL', 'NULL', 3),
      [lo, hi],
    );
  }
  // 销号 for every 7th problem, 250 days after it opened; the weekly reports of every campaign's
  // departments (80 % on time, 10 % a day late, 10 % missing).
  await client.query(
    `INSERT INTO rectification.problem_closeouts (id, problem_id, kind, at)
     SELECT ${idSql(5, 'i')}, ${idSql(2, 'i')}, 'CLOSED', ${openedAtSql('i')} + interval '250 days'
       FROM generate_series(7, ${problems}, 7) i`,
  );
  await client.query(
    `INSERT INTO rectification.weekly_reports (id, campaign_id, agency_id, week_date, due_at, progress, practices, submitted_at)
     SELECT gen_random_uuid(), c.id, d.agency, w::date, (w::date + TIME '15:00') AT TIME ZONE 'Asia/Shanghai', '进展', '做法',
            (w::date + TIME '15:00') AT TIME ZONE 'Asia/Shanghai'
              + CASE WHEN n % 10 = 1 THEN interval '1 day' ELSE interval '-2 hours' END
       FROM rectification.campaigns c
       CROSS JOIN unnest($1::uuid[]) WITH ORDINALITY AS d(agency, o)
       CROSS JOIN generate_series(DATE '2023-09-13', DATE '2026-11-18', interval '7 days') w
       CROSS JOIN LATERAL (SELECT abs(hashtext(c.id::text || d.agency::text || w::text)) AS n) h
      WHERE c.weekly_reports_start_on IS NOT NULL AND n % 10 <> 0`,
    [DEPARTMENTS],
  );
  await client.query(`SET session_replication_role = origin`);
  const counts = await client.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM rectification.problems) AS problems,
            (SELECT count(*)::int FROM rectification.measures) AS measures,
            (SELECT count(*)::int FROM rectification.measure_updates) AS measure_updates,
            (SELECT count(*)::int FROM rectification.problem_closeouts) AS problem_closeouts,
            (SELECT count(*)::int FROM rectification.weekly_reports) AS weekly_reports`,
  );
  return counts.rows[0]!;
}

/**
 * The same measure figures as one hand-written aggregate, formulated independently of the
 * service's statement (ordered array_agg per measure instead of DISTINCT ON), run as the owner with
 * no transaction, lock, insert, row-level security or audit trail around it.
 */
const RAW_AGGREGATE = `
  WITH per_measure AS (
    SELECT measure_id,
           (array_agg(status_to ORDER BY at DESC, seq DESC) FILTER (WHERE at <= $1))[1] AS at_cut_off,
           (array_agg(status_to ORDER BY at DESC, seq DESC) FILTER (WHERE at <= $2))[1] AS at_previous,
           (array_agg(status_from ORDER BY at, seq))[1] AS initial
      FROM rectification.measure_updates WHERE status_to IS NOT NULL
     GROUP BY measure_id
  ), as_of AS (
    SELECT m.due_at, m.created_at,
           coalesce(m.responsible_agency_id, p.responsible_department_id) AS department_id,
           coalesce(c.at_cut_off, c.initial, m.status) AS at_cut_off,
           CASE WHEN m.created_at <= $2 THEN coalesce(c.at_previous, c.initial, m.status) END AS at_previous
      FROM rectification.measures m
      JOIN rectification.problems p ON p.id = m.problem_id
      LEFT JOIN per_measure c ON c.measure_id = m.id
     WHERE m.created_at <= $1
  )
  SELECT department_id,
         count(*) FILTER (WHERE at_cut_off <> 'COMPLETED')::int AS measures_open,
         count(*) FILTER (WHERE due_at >= $3 AND due_at < $4)::int AS measures_due_this_week,
         count(*) FILTER (WHERE at_cut_off <> 'COMPLETED' AND due_at < $1)::int AS measures_overdue,
         count(*) FILTER (WHERE at_cut_off = 'COMPLETED' AND at_previous IS DISTINCT FROM 'COMPLETED')::int
           AS measures_completed,
         count(*) FILTER (WHERE created_at > $2)::int AS measures_new
    FROM as_of GROUP BY department_id ORDER BY department_id`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      problems: { type: 'string', default: '100000' },
      weeks: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
    },
  });
  const problems = Number(values.problems);
  const weeks = WEEKS.slice(0, Math.max(1, Math.min(WEEKS.length, Number(values.weeks))));
  const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  console.log(machineLines(await describeMachine(postgresUrl, natsUrl)).join('\n'));
  const logger = createLogger('rollup-bench', 'warn');
  const database = await createTestDatabase(postgresUrl, 'bench_rollup');
  const client = new Client({ connectionString: database.url });
  let subgraph: Awaited<ReturnType<typeof startSubgraph>> | null = null;
  try {
    await migrateServices(database.url, logger);
    await client.connect();
    let started = performance.now();
    const counts = await generate(client, problems);
    const loadSeconds = seconds(started);
    started = performance.now();
    await client.query(
      `VACUUM ANALYZE rectification.problems, rectification.measures, rectification.measure_updates,
                      rectification.problem_closeouts, rectification.weekly_reports`,
    );
    const vacuumSeconds = seconds(started);

    // The service as deployed: the application role, row-level security, audit trail and outbox.
    subgraph = await startSubgraph(
      createRectificationSubgraph({
        overdueCheckIntervalMs: 86_400_000,
        weeklyRollup: DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
        rollupCheckIntervalMs: 86_400_000,
      }),
      {
        databaseUrl: database.url,
        transport: new InProcessTransport(logger),
        internalTokenSecret: 'rollup-bench-internal-token-secret-0123456789',
        logger,
        poolSize: 2,
      },
    );
    const rows: (string | number)[][] = [];
    const ratios: number[] = [];
    const rollupTimes: number[] = [];
    let mismatches = 0;
    for (const weekOf of weeks) {
      const cutOff = rollupCutOff(rectificationCalendar, DEFAULT_WEEKLY_ROLLUP_SCHEDULE, weekOf)!;
      const weekStartsAt = new Date(`${cutOff.weekStartsOn}T00:00:00+08:00`);
      const weekEndsAt = new Date(weekStartsAt.getTime() + 7 * 86_400_000);
      const params = [cutOff.cutOffAt, cutOff.previousCutOffAt, weekStartsAt, weekEndsAt];

      started = performance.now();
      const raw = (await client.query(RAW_AGGREGATE, params)).rows;
      const rawSeconds = seconds(started);
      started = performance.now();
      // The service's own SELECT as a plain query: what the service adds around it is the overhead.
      await client.query(departmentWeekSql('"rectification"'), [...params, [], [], []]);
      const statementSeconds = seconds(started);

      started = performance.now();
      const taken = await takeWeeklyRollup(
        subgraph.runtime,
        DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
        weekOf,
        cutOff.cutOffAt,
      );
      const rollupSeconds = seconds(started);
      if (!taken?.taken) throw new Error(`week ${weekOf} was not taken`);

      // The snapshot's figures must be the raw aggregate's.
      const stored = (
        await client.query(
          `SELECT department_id, measures_open, measures_due_this_week, measures_overdue, measures_completed, measures_new
             FROM rectification.weekly_rollup_departments WHERE week_of = $1 ORDER BY department_id`,
          [weekOf],
        )
      ).rows;
      const same =
        JSON.stringify(stored) ===
        JSON.stringify(raw.filter((r) => stored.some((s) => s.department_id === r.department_id)));
      if (!same || stored.length !== raw.length) mismatches += 1;
      const departments = await client.query<{ n: number; overdue: number; newly: number }>(
        `SELECT count(*)::int AS n, sum(measures_overdue)::int AS overdue,
                sum(cardinality(newly_overdue_measure_ids))::int AS newly
           FROM rectification.weekly_rollup_departments WHERE week_of = $1`,
        [weekOf],
      );
      ratios.push(rollupSeconds / rawSeconds);
      rollupTimes.push(rollupSeconds);
      rows.push([
        weekOf,
        rollupSeconds,
        rawSeconds,
        statementSeconds,
        rollupSeconds / rawSeconds,
        departments.rows[0]!.n,
        departments.rows[0]!.overdue,
        departments.rows[0]!.newly,
        same ? 'yes' : 'NO',
      ]);
    }
    const ratio = median(ratios);
    const rollup = median(rollupTimes);
    printResult({
      title: `Weekly roll-up (rectification's part) on ${counts.problems} problems, ${counts.measures} measures, ${counts.measure_updates} timeline entries`,
      columns: [
        'week',
        'roll-up (s)',
        'raw SQL aggregate (s)',
        'service statement, raw (s)',
        'roll-up ÷ raw',
        'departments',
        'overdue',
        'newly overdue',
        'figures = raw',
      ],
      rows,
      targets: [
        {
          target: 'roll-up ≤ 6 × raw SQL aggregate',
          measured: `${ratio.toFixed(2)} × (median)`,
          met: ratio <= 6,
        },
        { target: 'roll-up < 5 s', measured: `${rollup.toFixed(2)} s (median)`, met: rollup < 5 },
        {
          target: 'roll-up figures equal the raw aggregate',
          measured: `${weeks.length - mismatches}/${weeks.length} weeks`,
          met: mismatches === 0,
        },
      ],
      notes: [
        `data: ${JSON.stringify(counts)}, generated server-side (generate_series, batched INSERT … SELECT, triggers off) in ${loadSeconds.toFixed(1)} s; VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s (not counted)`,
        'roll-up: takeWeeklyRollup as the job calls it — per-week advisory lock, the week row, one INSERT … SELECT of every department (as the application role, under row-level security, audit trail on), our part, the outbox — one transaction',
        'raw SQL aggregate: an independently written query of the measure figures (ordered array_agg per measure), as the owner, outside any transaction; "service statement, raw" is the service\'s own SELECT run the same way',
        'each week is taken once (a second call returns the stored snapshot), so each row is one cold-ish measurement; the medians count',
      ],
    });
  } finally {
    await subgraph?.stop();
    await client.end().catch(() => undefined);
    if (values.keep) console.log(`kept database ${database.url}`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
