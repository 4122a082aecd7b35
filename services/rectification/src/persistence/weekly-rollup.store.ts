import type { EntityManager } from 'typeorm';
import type { RollupInstants } from '@eco/calendar';
import {
  ROLLUP_PARTS,
  WeeklyRollupDepartmentEntity,
  WeeklyRollupEntity,
  WeeklyRollupPartEntity,
} from './weekly-rollup.entity';
import type { RollupPartName } from './weekly-rollup.entity';

/** A reporting Wednesday of one campaign falling due in the period (周报, seed 003). */
export interface WeeklyReportDeadline {
  campaignId: string;
  weekDate: string;
  dueAt: Date;
}

const FIGURE_COLUMNS = [
  'measures_open',
  'measures_due_this_week',
  'measures_overdue',
  'measures_completed',
  'measures_new',
  'problems_open',
  'problems_new',
  'problems_closed',
  'weekly_reports_owed',
  'weekly_reports_on_time',
  'weekly_reports_late',
  'weekly_reports_missing',
] as const;

/**
 * Every responsible department's week, from the stored facts as of the cut-off, in one set-based
 * statement: a measure's status at an instant is its last status change by then (or, before any,
 * its first change's "from", or its status if it never changed); a problem is closed at an instant
 * when its last close-out record by then says CLOSED. Parameters: $1 cut-off, $2 previous cut-off,
 * $3/$4 the week's Monday and the Monday after, $5–$7 the weekly-report deadlines of the period
 * (campaign, reporting Wednesday, due instant).
 */
export function departmentWeekSql(s: string): string {
  return `
    WITH last_c AS (
      SELECT DISTINCT ON (measure_id) measure_id, status_to
        FROM ${s}.measure_updates
       WHERE status_to IS NOT NULL AND at <= $1
       ORDER BY measure_id, at DESC, seq DESC
    ), last_p AS (
      SELECT DISTINCT ON (measure_id) measure_id, status_to
        FROM ${s}.measure_updates
       WHERE status_to IS NOT NULL AND at <= $2
       ORDER BY measure_id, at DESC, seq DESC
    ), first_change AS (
      SELECT DISTINCT ON (measure_id) measure_id, status_from
        FROM ${s}.measure_updates
       WHERE status_to IS NOT NULL
       ORDER BY measure_id DESC, at, seq
    ), measure_facts AS (
      SELECT m.id, p.campaign_id, m.responsible_agency_id, m.due_at, m.created_at,
             coalesce(m.responsible_agency_id, p.responsible_department_id) AS department_id,
             coalesce(c.status_to, f.status_from, m.status) AS status_c,
             CASE WHEN m.created_at <= $2 THEN coalesce(pp.status_to, f.status_from, m.status) END AS status_p
        FROM ${s}.measures m
        JOIN ${s}.problems p ON p.id = m.problem_id
        LEFT JOIN last_c c ON c.measure_id = m.id
        LEFT JOIN last_p pp ON pp.measure_id = m.id
        LEFT JOIN first_change f ON f.measure_id = m.id
       WHERE m.created_at <= $1
    ), closeout_c AS (
      SELECT DISTINCT ON (problem_id) problem_id, kind
        FROM ${s}.problem_closeouts WHERE at <= $1 ORDER BY problem_id, at DESC
    ), closeout_p AS (
      SELECT DISTINCT ON (problem_id) problem_id, kind
        FROM ${s}.problem_closeouts WHERE at <= $2 ORDER BY problem_id, at DESC
    ), deadlines AS (
      SELECT * FROM unnest($5::uuid[], $6::date[], $7::timestamptz[]) AS d(campaign_id, week_date, due_at)
    ), owing AS (
      SELECT DISTINCT d.campaign_id, d.week_date, m.responsible_agency_id AS department_id
        FROM deadlines d
        JOIN measure_facts m ON m.campaign_id = d.campaign_id
       WHERE m.responsible_agency_id IS NOT NULL AND m.created_at <= d.due_at
         AND CASE WHEN d.due_at = $1 THEN m.status_c
                  ELSE coalesce(
                    (SELECT u.status_to FROM ${s}.measure_updates u
                      WHERE u.measure_id = m.id AND u.status_to IS NOT NULL AND u.at <= d.due_at
                      ORDER BY u.at DESC, u.seq DESC LIMIT 1),
                    (SELECT u.status_from FROM ${s}.measure_updates u
                      WHERE u.measure_id = m.id AND u.status_to IS NOT NULL
                      ORDER BY u.at, u.seq LIMIT 1),
                    (SELECT status FROM ${s}.measures WHERE id = m.id))
             END <> 'COMPLETED'
    ), facts AS (
      SELECT department_id, 'measure' AS kind, id,
             status_c <> 'COMPLETED' AS open,
             due_at >= $3 AND due_at < $4 AS due_this_week,
             status_c <> 'COMPLETED' AND due_at < $1 AS overdue,
             status_c <> 'COMPLETED' AND due_at < $1
               AND NOT coalesce(status_p <> 'COMPLETED' AND due_at < $2, false) AS newly_overdue,
             status_c = 'COMPLETED' AND status_p IS DISTINCT FROM 'COMPLETED' AS completed,
             created_at > $2 AS is_new,
             NULL::boolean AS closed, NULL::boolean AS on_time, NULL::boolean AS late, NULL::boolean AS missing
        FROM measure_facts
      UNION ALL
      SELECT p.responsible_department_id, 'problem', p.id,
             c.kind IS DISTINCT FROM 'CLOSED', NULL, NULL, NULL, NULL,
             p.opened_at > $2,
             c.kind = 'CLOSED' AND pp.kind IS DISTINCT FROM 'CLOSED',
             NULL, NULL, NULL
        FROM ${s}.problems p
        LEFT JOIN closeout_c c ON c.problem_id = p.id
        LEFT JOIN closeout_p pp ON pp.problem_id = p.id
       WHERE p.opened_at <= $1
      UNION ALL
      SELECT r.agency_id, 'report', r.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             r.due_at > $2 AND r.due_at <= $1 AND r.submitted_at <= r.due_at,
             r.submitted_at > $2 AND r.submitted_at <= $1 AND r.submitted_at > r.due_at,
             NULL
        FROM ${s}.weekly_reports r
       WHERE (r.due_at > $2 AND r.due_at <= $1) OR (r.submitted_at > $2 AND r.submitted_at <= $1)
      UNION ALL
      SELECT o.department_id, 'owing', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NOT EXISTS (SELECT 1 FROM ${s}.weekly_reports r
                          WHERE r.campaign_id = o.campaign_id AND r.agency_id = o.department_id
                            AND r.week_date = o.week_date AND r.submitted_at <= $1)
        FROM owing o
    )
    SELECT department_id,
           count(*) FILTER (WHERE kind = 'measure' AND open)::int AS measures_open,
           count(*) FILTER (WHERE kind = 'measure' AND due_this_week)::int AS measures_due_this_week,
           count(*) FILTER (WHERE kind = 'measure' AND overdue)::int AS measures_overdue,
           count(*) FILTER (WHERE kind = 'measure' AND completed)::int AS measures_completed,
           count(*) FILTER (WHERE kind = 'measure' AND is_new)::int AS measures_new,
           count(*) FILTER (WHERE kind = 'problem' AND open)::int AS problems_open,
           count(*) FILTER (WHERE kind = 'problem' AND is_new)::int AS problems_new,
           count(*) FILTER (WHERE kind = 'problem' AND closed)::int AS problems_closed,
           count(*) FILTER (WHERE kind = 'owing')::int AS weekly_reports_owed,
           count(*) FILTER (WHERE kind = 'report' AND on_time)::int AS weekly_reports_on_time,
           count(*) FILTER (WHERE kind = 'report' AND late)::int AS weekly_reports_late,
           count(*) FILTER (WHERE kind = 'owing' AND missing)::int AS weekly_reports_missing,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'problem' AND is_new), '{}') AS new_problem_ids,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'problem' AND closed), '{}') AS closed_problem_ids,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'measure' AND newly_overdue), '{}')
             AS newly_overdue_measure_ids
      FROM facts
     GROUP BY department_id
    HAVING count(*) FILTER (WHERE open OR due_this_week OR overdue OR completed OR is_new OR closed
                                  OR kind = 'owing' OR on_time OR late) > 0`;
}

/** The statement's parameters, in order. */
export function departmentWeekParams(
  at: RollupInstants,
  deadlines: readonly WeeklyReportDeadline[],
): unknown[] {
  return [
    at.cutOffAt,
    at.periodStartsAt,
    at.weekStartsAt,
    at.weekEndsAt,
    deadlines.map((d) => d.campaignId),
    deadlines.map((d) => d.weekDate),
    deadlines.map((d) => d.dueAt),
  ];
}

/** All SQL of the weekly roll-up. */
export class WeeklyRollupStore {
  constructor(private readonly manager: EntityManager) {}

  /** The service's schema, quoted for SQL. */
  private get schema(): string {
    return `"${this.manager.connection.getMetadata(WeeklyRollupEntity).schema ?? 'rectification'}"`;
  }

  /**
   * Serialises everything about one week's roll-up (taking it, recording parts, announcing it) for
   * the rest of the transaction, across replicas: the week's row may not exist yet to lock.
   */
  rollupsByWeeks(weeks: readonly string[]): Promise<WeeklyRollupEntity[]> {
    return this.manager
      .createQueryBuilder(WeeklyRollupEntity, 'r')
      .where('r.week_of = ANY(CAST(:weeks AS date[]))', { weeks: [...weeks] })
      .getMany();
  }

  /** The roll-up of the week (Monday–Sunday) containing a date. */
  rollupContaining(date: string): Promise<WeeklyRollupEntity | null> {
    return this.manager
      .createQueryBuilder(WeeklyRollupEntity, 'r')
      .where('CAST(:date AS date) BETWEEN r.week_starts_on AND r.week_ends_on', { date })
      .getOne();
  }

  /** Roll-ups taken, newest first, optionally within dates (by the week they name). */
  listRollups(from: string | null, to: string | null, limit: number): Promise<WeeklyRollupEntity[]> {
    const query = this.manager
      .createQueryBuilder(WeeklyRollupEntity, 'r')
      .orderBy('r.week_of', 'DESC')
      .limit(limit);
    if (from) query.andWhere('r.week_of >= :from', { from });
    if (to) query.andWhere('r.week_of <= :to', { to });
    return query.getMany();
  }

  departmentsOfWeeks(weeks: readonly string[]): Promise<WeeklyRollupDepartmentEntity[]> {
    return this.manager
      .createQueryBuilder(WeeklyRollupDepartmentEntity, 'd')
      .where('d.week_of = ANY(CAST(:weeks AS date[]))', { weeks: [...weeks] })
      .orderBy('d.department_id', 'ASC', 'NULLS LAST')
      .getMany();
  }

  partsOfWeeks(weeks: readonly string[]): Promise<WeeklyRollupPartEntity[]> {
    return this.manager
      .createQueryBuilder(WeeklyRollupPartEntity, 'p')
      .where('p.week_of = ANY(CAST(:weeks AS date[]))', { weeks: [...weeks] })
      .getMany();
  }

  async insertRollup(rollup: WeeklyRollupEntity): Promise<void> {
    await this.manager.insert(WeeklyRollupEntity, rollup);
  }

  /**
   * For the rest of the transaction: no JIT compilation (row security's policies inflate the
   * planner's cost estimates until JIT kicks in, and compiling costs more than this one pass saves)
   * and sorts kept in memory.
   */
  private async tuneForAggregate(): Promise<void> {
    await this.manager.query(`SET LOCAL jit = off`);
    await this.manager.query(`SET LOCAL work_mem = '64MB'`);
  }

  /** Computes and stores every department's week in one INSERT … SELECT; returns the rows. */
  async insertDepartmentWeeks(
    at: RollupInstants,
    deadlines: readonly WeeklyReportDeadline[],
  ): Promise<WeeklyRollupDepartmentEntity[]> {
    const s = this.schema;
    await this.tuneForAggregate();
    await this.manager.query(
      `INSERT INTO ${s}.weekly_rollup_departments
         (id, week_of, department_id, ${FIGURE_COLUMNS.join(', ')},
          new_problem_ids, closed_problem_ids, newly_overdue_measure_ids)
       SELECT gen_random_uuid(), $8::date, w.*
         FROM (${departmentWeekSql(s)}) w`,
      [...departmentWeekParams(at, deadlines), at.weekOf],
    );
    return this.departmentsOfWeeks([at.weekOf]);
  }

  /** Records a part as in; false when it already was (a redelivered event, a rerun). */
  async insertPart(part: WeeklyRollupPartEntity): Promise<boolean> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO ${this.schema}.weekly_rollup_parts (week_of, part, cut_off_at, taken_at, totals, event_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING part`,
      [part.weekOf, part.part, part.cutOffAt, part.takenAt, JSON.stringify(part.totals), part.eventId],
    );
    return inserted.length > 0;
  }

  /** Marks the roll-up ready once, when its row exists and every part is in; the row when it did. */
  async markReadyIfComplete(
    weekOf: string,
    readyAt: Date,
    eventId: string,
  ): Promise<{ rollup: WeeklyRollupEntity; parts: WeeklyRollupPartEntity[] } | null> {
    const [rollup] = await this.rollupsByWeeks([weekOf]);
    if (!rollup || rollup.readyAt !== null) return null;
    const parts = await this.partsOfWeeks([weekOf]);
    if (!ROLLUP_PARTS.every((name: RollupPartName) => parts.some((p) => p.part === name))) return null;
    await this.manager.update(WeeklyRollupEntity, { weekOf }, { readyAt, readyEventId: eventId });
    return { rollup: { ...rollup, readyAt, readyEventId: eventId }, parts };
  }
}
