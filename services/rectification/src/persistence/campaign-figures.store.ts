import type { EntityManager } from 'typeorm';
import type { ProblemStatus } from '../domain/problem-status';
import type { ObligationStatus } from '../domain/weekly-obligation';
import { MeasureEntity } from './measure.entity';
import type { MeasureStatus } from './measure.entity';
import { ProblemEntity } from './problem.entity';

/** Whose rows a figure counts: every row (bureau staff), or one outside agency's (a partner). */
export interface FigureScope {
  campaignId: string;
  /** A partner agency: the problems it is named on and, of their measures, those assigned to it. */
  visibleTo?: string;
}

export interface ProblemCountRow {
  departmentId: string | null;
  status: ProblemStatus;
  count: number;
}

export interface MeasureCountRow {
  departmentId: string | null;
  status: MeasureStatus;
  count: number;
  overdue: number;
  dueThisWeek: number;
}

export interface MeasureWeekCountRow {
  /** Monday of the week (Asia/Shanghai); null: completed before completion times were kept. */
  weekStartsOn: string | null;
  completed: number;
  due: number;
}

export interface WeeklyReportCountRow {
  weekDate: string;
  status: ObligationStatus;
  count: number;
}

/**
 * The campaign's figures counted in PostgreSQL (GROUP BY, one statement each), over the same rows
 * `problems(campaignId)` and their `measures` show the caller: a problem is in scope when the
 * partner is named on it (`visible_to_agency_ids`), a measure when it is also assigned to the
 * partner (`coordinating_agency_ids`) — access-policy's canSeeProblem / canSeeMeasure. Row-level
 * security (ADR 0006) holds the same line underneath.
 */
export class CampaignFiguresStore {
  constructor(private readonly manager: EntityManager) {}

  private get schema(): string {
    return `"${this.manager.connection.getMetadata(ProblemEntity).schema ?? 'rectification'}"`;
  }

  /** The problems in scope, as SQL with its parameters ($1 campaign, $2 the partner when there is one). */
  private problemsInScope(scope: FigureScope): { sql: string; params: unknown[] } {
    const s = this.schema;
    return scope.visibleTo
      ? {
          sql: `SELECT * FROM ${s}.problems WHERE campaign_id = $1 AND $2::uuid = ANY(visible_to_agency_ids)`,
          params: [scope.campaignId, scope.visibleTo],
        }
      : { sql: `SELECT * FROM ${s}.problems WHERE campaign_id = $1`, params: [scope.campaignId] };
  }

  /**
   * The measures in scope with their department (their own responsible unit, else their problem's
   * department), as SQL with its parameters; further parameters are numbered from `next`.
   */
  private measuresInScope(scope: FigureScope): { sql: string; params: unknown[]; next: number } {
    const s = this.schema;
    const own = scope.visibleTo ? `AND $2::uuid = ANY(m.coordinating_agency_ids)` : '';
    const problems = this.problemsInScope(scope);
    return {
      sql: `SELECT m.*, coalesce(m.responsible_agency_id, p.responsible_department_id) AS department_id
              FROM ${s}.measures m
              JOIN (${problems.sql}) p ON p.id = m.problem_id
             WHERE true ${own}`,
      params: problems.params,
      next: problems.params.length + 1,
    };
  }

  /**
   * Problems per responsible department and status. The status is derived as
   * domain/problem-status.ts derives it, from every measure of the problem (a partner's count too:
   * a problem's status does not depend on who looks) and its last close-out record.
   */
  async problemCounts(scope: FigureScope): Promise<ProblemCountRow[]> {
    const s = this.schema;
    const problems = this.problemsInScope(scope);
    return this.manager.query(
      `WITH p AS (${problems.sql}),
       last_closeout AS (
         SELECT DISTINCT ON (problem_id) problem_id, kind
           FROM ${s}.problem_closeouts
          WHERE problem_id IN (SELECT id FROM p)
          ORDER BY problem_id, at DESC, id DESC
       ),
       facts AS (
         SELECT p.id, p.responsible_department_id, c.kind AS last_closeout,
                count(m.id) AS measures,
                count(m.id) FILTER (WHERE m.status = 'COMPLETED' AND m.verification = 'ACCEPTED') AS accepted,
                count(m.id) FILTER (WHERE m.status = 'COMPLETED') AS completed,
                count(m.id) FILTER (WHERE m.status = 'NOT_STARTED') AS not_started
           FROM p
           LEFT JOIN ${s}.measures m ON m.problem_id = p.id
           LEFT JOIN last_closeout c ON c.problem_id = p.id
          GROUP BY p.id, p.responsible_department_id, c.kind
       )
       SELECT responsible_department_id AS "departmentId",
              CASE WHEN measures > 0 AND accepted = measures THEN 'CLOSED'
                   WHEN last_closeout = 'REOPENED' THEN 'REOPENED'
                   WHEN measures = 0 THEN 'OPEN'
                   WHEN completed = measures THEN 'MEASURES_COMPLETED'
                   WHEN not_started = measures THEN 'OPEN'
                   ELSE 'IN_PROGRESS' END AS status,
              count(*)::int AS count
         FROM facts
        GROUP BY 1, 2
        ORDER BY 1 NULLS LAST, 2`,
      problems.params,
    );
  }

  /**
   * Measures per department and status, with those not completed and past their deadline at `asOf`
   * (overdue) and those not completed and due from `asOf` to the end of its calendar week, Sunday
   * 24:00 Asia/Shanghai (due this week).
   */
  async measureCounts(scope: FigureScope, asOf: Date): Promise<MeasureCountRow[]> {
    const measures = this.measuresInScope(scope);
    const at = `$${measures.next}::timestamptz`;
    const weekEnd = `((date_trunc('week', ${at} AT TIME ZONE 'Asia/Shanghai') + interval '7 days') AT TIME ZONE 'Asia/Shanghai')`;
    return this.manager.query(
      `SELECT department_id AS "departmentId", status,
              count(*)::int AS count,
              count(*) FILTER (WHERE status <> 'COMPLETED' AND due_at < ${at})::int AS overdue,
              count(*) FILTER (WHERE status <> 'COMPLETED' AND due_at >= ${at} AND due_at < ${weekEnd})::int
                AS "dueThisWeek"
         FROM (${measures.sql}) m
        GROUP BY 1, 2
        ORDER BY 1 NULLS LAST, 2`,
      [...measures.params, asOf],
    );
  }

  /**
   * Measures completed and measures falling due per calendar week (Monday, Asia/Shanghai): summed
   * week by week, the completion chart. Completed measures without a completion time form the row
   * whose week is null.
   */
  async measureWeekCounts(scope: FigureScope): Promise<MeasureWeekCountRow[]> {
    const measures = this.measuresInScope(scope);
    const week = (column: string) =>
      `(date_trunc('week', ${column} AT TIME ZONE 'Asia/Shanghai'))::date::text`;
    return this.manager.query(
      `WITH m AS (${measures.sql})
       SELECT "weekStartsOn", sum(completed)::int AS completed, sum(due)::int AS due
         FROM (SELECT ${week('completed_at')} AS "weekStartsOn", 1 AS completed, 0 AS due
                 FROM m WHERE status = 'COMPLETED'
               UNION ALL
               SELECT ${week('due_at')}, 0, 1 FROM m WHERE due_at IS NOT NULL) w
        GROUP BY 1
        ORDER BY 1 NULLS FIRST`,
      measures.params,
    );
  }

  /** Measures not completed and due in [from, before), earliest deadline first, at most `limit`. */
  async measuresDue(
    scope: FigureScope,
    window: { from: Date | null; before: Date },
    limit: number,
  ): Promise<MeasureEntity[]> {
    const query = this.manager
      .createQueryBuilder(MeasureEntity, 'm')
      .innerJoin(ProblemEntity, 'p', 'p.id = m.problem_id')
      .where('p.campaign_id = :campaignId', { campaignId: scope.campaignId })
      .andWhere(`m.status <> 'COMPLETED'`)
      .andWhere('m.due_at < :before', { before: window.before })
      .orderBy('m.due_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit);
    if (window.from) query.andWhere('m.due_at >= :from', { from: window.from });
    if (scope.visibleTo) {
      query
        .andWhere(':agency = ANY(p.visible_to_agency_ids)', { agency: scope.visibleTo })
        .andWhere(':agency = ANY(m.coordinating_agency_ids)');
    }
    return query.getMany();
  }

  /**
   * Weekly-report obligations per reporting Wednesday and status, as weeklyReportWeeks lists them
   * (domain/weekly-obligation.ts): a department owes a week's report when it is responsible for a
   * measure not completed by the deadline (completed without a time: done from the start), and so
   * does any department that sent one; ON_TIME / LATE by the report's submission, else MISSING
   * once `asOf` is past the deadline, else DUE. `deadlines`: the weeks with a deadline.
   */
  async weeklyReportCounts(
    campaignId: string,
    deadlines: readonly { weekDate: string; dueAt: Date }[],
    asOf: Date,
  ): Promise<WeeklyReportCountRow[]> {
    if (deadlines.length === 0) return [];
    const s = this.schema;
    return this.manager.query(
      `WITH d AS (
         SELECT * FROM unnest($2::date[], $3::timestamptz[]) AS d(week_date, due_at)
       ), owing AS (
         SELECT d.week_date, d.due_at, m.responsible_agency_id AS agency_id
           FROM d
           JOIN ${s}.measures m ON m.responsible_agency_id IS NOT NULL
           JOIN ${s}.problems p ON p.id = m.problem_id AND p.campaign_id = $1
          WHERE CASE WHEN m.status = 'COMPLETED' THEN coalesce(m.completed_at, '-infinity')
                     ELSE 'infinity' END > d.due_at
         UNION
         SELECT d.week_date, d.due_at, r.agency_id
           FROM d JOIN ${s}.weekly_reports r ON r.campaign_id = $1 AND r.week_date = d.week_date
       )
       SELECT o.week_date::text AS "weekDate",
              CASE WHEN r.id IS NOT NULL THEN CASE WHEN r.submitted_at <= o.due_at THEN 'ON_TIME' ELSE 'LATE' END
                   WHEN $4::timestamptz > o.due_at THEN 'MISSING'
                   ELSE 'DUE' END AS status,
              count(*)::int AS count
         FROM owing o
         LEFT JOIN ${s}.weekly_reports r
                ON r.campaign_id = $1 AND r.week_date = o.week_date AND r.agency_id = o.agency_id
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [campaignId, deadlines.map((d) => d.weekDate), deadlines.map((d) => d.dueAt), asOf],
    );
  }
}
