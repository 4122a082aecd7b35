import type { EntityManager } from 'typeorm';
import type { RollupInstants } from '@eco/calendar';
import { SupervisionWeeklyDepartmentEntity, SupervisionWeeklyRollupEntity } from './weekly-rollup.entity';

/** A monthly report falling due in the period (the schedules are computed by the calendar). */
export interface MonthlyReportDeadline {
  itemId: string;
  period: string;
  dueAt: Date;
}

const FIGURE_COLUMNS = [
  'items_open',
  'items_due_this_week',
  'items_overdue',
  'items_new',
  'items_closed',
  'lights_green',
  'lights_yellow',
  'lights_red',
  'light_changes',
  'escalations_triggered',
  'reports_owed',
  'reports_on_time',
  'reports_late',
  'reports_missing',
] as const;

/**
 * Every responsible department's supervised items as of the cut-off, in one set-based statement.
 * An item's light at an instant is its latest period's latest record by then (the history is
 * append-only); an item is open at an instant until its closing. $1 cut-off, $2 previous cut-off,
 * $3/$4 the week's Monday and the Monday after, $5–$7 the monthly reports due in the period.
 */
export function departmentWeekSql(s: string): string {
  return `
    WITH light_c AS (
      SELECT DISTINCT ON (item_id) item_id, light FROM ${s}.light_records
       WHERE recorded_at <= $1 ORDER BY item_id, period DESC, recorded_at DESC, sequence DESC
    ), light_p AS (
      SELECT DISTINCT ON (item_id) item_id, light FROM ${s}.light_records
       WHERE recorded_at <= $2 ORDER BY item_id, period DESC, recorded_at DESC, sequence DESC
    ), item_facts AS (
      SELECT i.id, i.responsible_department_id AS department_id, i.due_at, i.created_at, i.closed_at,
             (i.closed_at IS NULL OR i.closed_at > $1) AS open_c,
             (i.created_at <= $2 AND (i.closed_at IS NULL OR i.closed_at > $2)) AS open_p,
             lc.light AS light_c,
             CASE WHEN i.created_at <= $2 THEN lp.light END AS light_p
        FROM ${s}.items i
        LEFT JOIN light_c lc ON lc.item_id = i.id
        LEFT JOIN light_p lp ON lp.item_id = i.id
       WHERE i.created_at <= $1
    ), deadlines AS (
      SELECT * FROM unnest($5::uuid[], $6::text[], $7::timestamptz[]) AS d(item_id, period, due_at)
    ), facts AS (
      SELECT department_id, 'item' AS kind, id,
             open_c AS open,
             due_at >= $3 AND due_at < $4 AS due_this_week,
             open_c AND due_at < $1 AS overdue,
             open_c AND due_at < $1 AND NOT coalesce(open_p AND due_at < $2, false) AS newly_overdue,
             created_at > $2 AS is_new,
             NOT open_c AND closed_at > $2 AS closed,
             CASE WHEN open_c THEN light_c END AS light,
             light_c IS NOT NULL AND light_c IS DISTINCT FROM light_p AS light_changed,
             light_c = 'RED' AND light_p IS DISTINCT FROM 'RED' AS turned_red,
             NULL::boolean AS on_time, NULL::boolean AS late, NULL::boolean AS missing
        FROM item_facts
      UNION ALL
      SELECT i.responsible_department_id, 'escalation', e.id,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM ${s}.escalations e JOIN ${s}.items i ON i.id = e.item_id
       WHERE e.triggered_at > $2 AND e.triggered_at <= $1
      UNION ALL
      SELECT i.responsible_department_id, 'report', r.id,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             r.due_at > $2 AND r.due_at <= $1 AND r.submitted_at <= r.due_at,
             r.submitted_at > $2 AND r.submitted_at <= $1 AND r.submitted_at > r.due_at,
             NULL
        FROM ${s}.monthly_reports r JOIN ${s}.items i ON i.id = r.item_id
       WHERE (r.due_at > $2 AND r.due_at <= $1) OR (r.submitted_at > $2 AND r.submitted_at <= $1)
      UNION ALL
      SELECT i.responsible_department_id, 'owing', d.item_id,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NOT EXISTS (SELECT 1 FROM ${s}.monthly_reports r
                          WHERE r.item_id = d.item_id AND r.period = d.period AND r.submitted_at <= $1)
        FROM deadlines d JOIN ${s}.items i ON i.id = d.item_id
    )
    SELECT department_id,
           count(*) FILTER (WHERE kind = 'item' AND open)::int AS items_open,
           count(*) FILTER (WHERE kind = 'item' AND due_this_week)::int AS items_due_this_week,
           count(*) FILTER (WHERE kind = 'item' AND overdue)::int AS items_overdue,
           count(*) FILTER (WHERE kind = 'item' AND is_new)::int AS items_new,
           count(*) FILTER (WHERE kind = 'item' AND closed)::int AS items_closed,
           count(*) FILTER (WHERE kind = 'item' AND light = 'GREEN')::int AS lights_green,
           count(*) FILTER (WHERE kind = 'item' AND light = 'YELLOW')::int AS lights_yellow,
           count(*) FILTER (WHERE kind = 'item' AND light = 'RED')::int AS lights_red,
           count(*) FILTER (WHERE kind = 'item' AND light_changed)::int AS light_changes,
           count(*) FILTER (WHERE kind = 'escalation')::int AS escalations_triggered,
           count(*) FILTER (WHERE kind = 'owing')::int AS reports_owed,
           count(*) FILTER (WHERE kind = 'report' AND on_time)::int AS reports_on_time,
           count(*) FILTER (WHERE kind = 'report' AND late)::int AS reports_late,
           count(*) FILTER (WHERE kind = 'owing' AND missing)::int AS reports_missing,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'item' AND is_new), '{}') AS new_item_ids,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'item' AND closed), '{}') AS closed_item_ids,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'item' AND turned_red), '{}') AS turned_red_item_ids,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'item' AND newly_overdue), '{}')
             AS newly_overdue_item_ids,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'escalation'), '{}') AS escalation_ids
      FROM facts
     GROUP BY department_id
    HAVING count(*) FILTER (WHERE open OR due_this_week OR is_new OR closed OR light_changed
                                  OR kind IN ('escalation', 'owing') OR on_time OR late) > 0`;
}

/** All SQL of supervision's part of the weekly roll-up. */
export class SupervisionWeeklyRollupStore {
  constructor(private readonly manager: EntityManager) {}

  private get schema(): string {
    return `"${this.manager.connection.getMetadata(SupervisionWeeklyRollupEntity).schema ?? 'supervision'}"`;
  }

  /** Serialises taking one week's part across replicas for the rest of the transaction. */
  rollupsByWeeks(weeks: readonly string[]): Promise<SupervisionWeeklyRollupEntity[]> {
    return this.manager
      .createQueryBuilder(SupervisionWeeklyRollupEntity, 'r')
      .where('r.week_of = ANY(CAST(:weeks AS date[]))', { weeks: [...weeks] })
      .getMany();
  }

  departmentsOfWeeks(weeks: readonly string[]): Promise<SupervisionWeeklyDepartmentEntity[]> {
    return this.manager
      .createQueryBuilder(SupervisionWeeklyDepartmentEntity, 'd')
      .where('d.week_of = ANY(CAST(:weeks AS date[]))', { weeks: [...weeks] })
      .orderBy('d.department_id', 'ASC', 'NULLS LAST')
      .getMany();
  }

  async insertRollup(rollup: SupervisionWeeklyRollupEntity): Promise<void> {
    await this.manager.insert(SupervisionWeeklyRollupEntity, rollup);
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
    deadlines: readonly MonthlyReportDeadline[],
  ): Promise<SupervisionWeeklyDepartmentEntity[]> {
    const s = this.schema;
    await this.tuneForAggregate();
    await this.manager.query(
      `INSERT INTO ${s}.weekly_rollup_departments
         (id, week_of, department_id, ${FIGURE_COLUMNS.join(', ')},
          new_item_ids, closed_item_ids, turned_red_item_ids, newly_overdue_item_ids, escalation_ids)
       SELECT gen_random_uuid(), $8::date, w.* FROM (${departmentWeekSql(s)}) w`,
      [
        at.cutOffAt,
        at.periodStartsAt,
        at.weekStartsAt,
        at.weekEndsAt,
        deadlines.map((d) => d.itemId),
        deadlines.map((d) => d.period),
        deadlines.map((d) => d.dueAt),
        at.weekOf,
      ],
    );
    return this.departmentsOfWeeks([at.weekOf]);
  }
}
