import type { EntityManager } from 'typeorm';
import type { RollupInstants } from '@eco/calendar';
import { AgenciesWeeklyRollupEntity, AgencyWeekEntity } from './weekly-rollup.entity';

const FIGURE_COLUMNS = [
  'tasks_open',
  'tasks_due_this_week',
  'tasks_overdue',
  'tasks_new',
  'tasks_completed',
  'tasks_acknowledged',
  'acknowledgements_overdue',
  'progress_reports',
] as const;

/**
 * Every outside agency's coordination tasks as of the cut-off, in one set-based statement. A task
 * is open at an instant until its agency asked for completion (its part done; the owning office
 * decides); signing for (签收) and asking for completion happen once. $1 cut-off, $2 previous
 * cut-off, $3/$4 the week's Monday and the Monday after.
 */
export function agencyWeekSql(s: string): string {
  return `
    WITH task_facts AS (
      SELECT t.id, t.agency_id, t.due_at, t.opened_at, t.acknowledge_due_at, t.acknowledged_at,
             (t.completion_requested_at IS NULL OR t.completion_requested_at > $1) AS open_c,
             (t.opened_at <= $2 AND (t.completion_requested_at IS NULL OR t.completion_requested_at > $2)) AS open_p,
             t.completion_requested_at
        FROM ${s}.coordination_tasks t
       WHERE t.opened_at <= $1
    ), facts AS (
      SELECT agency_id, 'task' AS kind, id,
             open_c AS open,
             due_at >= $3 AND due_at < $4 AS due_this_week,
             open_c AND due_at < $1 AS overdue,
             open_c AND due_at < $1 AND NOT coalesce(open_p AND due_at < $2, false) AS newly_overdue,
             opened_at > $2 AS is_new,
             completion_requested_at > $2 AND completion_requested_at <= $1 AS completed,
             acknowledged_at > $2 AND acknowledged_at <= $1 AS acknowledged,
             open_c AND acknowledge_due_at < $1 AND (acknowledged_at IS NULL OR acknowledged_at > $1)
               AS acknowledgement_overdue
        FROM task_facts
      UNION ALL
      SELECT t.agency_id, 'progress', u.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM ${s}.task_updates u JOIN ${s}.coordination_tasks t ON t.id = u.task_id
       WHERE u.kind = 'PROGRESS' AND u.at > $2 AND u.at <= $1
    )
    SELECT agency_id,
           count(*) FILTER (WHERE kind = 'task' AND open)::int AS tasks_open,
           count(*) FILTER (WHERE kind = 'task' AND due_this_week)::int AS tasks_due_this_week,
           count(*) FILTER (WHERE kind = 'task' AND overdue)::int AS tasks_overdue,
           count(*) FILTER (WHERE kind = 'task' AND is_new)::int AS tasks_new,
           count(*) FILTER (WHERE kind = 'task' AND completed)::int AS tasks_completed,
           count(*) FILTER (WHERE kind = 'task' AND acknowledged)::int AS tasks_acknowledged,
           count(*) FILTER (WHERE kind = 'task' AND acknowledgement_overdue)::int AS acknowledgements_overdue,
           count(*) FILTER (WHERE kind = 'progress')::int AS progress_reports,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'task' AND is_new), '{}') AS new_task_ids,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'task' AND completed), '{}') AS completed_task_ids,
           coalesce(array_agg(id ORDER BY id) FILTER (WHERE kind = 'task' AND newly_overdue), '{}')
             AS newly_overdue_task_ids
      FROM facts
     GROUP BY agency_id
    HAVING count(*) FILTER (WHERE open OR due_this_week OR is_new OR completed OR acknowledged
                                  OR kind = 'progress') > 0`;
}

/** All SQL of the agencies' part of the weekly roll-up. */
export class AgenciesWeeklyRollupStore {
  constructor(private readonly manager: EntityManager) {}

  private get schema(): string {
    return `"${this.manager.connection.getMetadata(AgenciesWeeklyRollupEntity).schema ?? 'agencies'}"`;
  }

  /** Serialises taking one week's part across replicas for the rest of the transaction. */
  rollupsByWeeks(weeks: readonly string[]): Promise<AgenciesWeeklyRollupEntity[]> {
    return this.manager
      .createQueryBuilder(AgenciesWeeklyRollupEntity, 'r')
      .where('r.week_of = ANY(CAST(:weeks AS date[]))', { weeks: [...weeks] })
      .getMany();
  }

  /** The agencies' rows of the weeks; `agencyId` limits them to one agency's (a partner's own). */
  agencyWeeksOf(weeks: readonly string[], agencyId?: string): Promise<AgencyWeekEntity[]> {
    const query = this.manager
      .createQueryBuilder(AgencyWeekEntity, 'a')
      .where('a.week_of = ANY(CAST(:weeks AS date[]))', { weeks: [...weeks] })
      .orderBy('a.agency_id', 'ASC');
    if (agencyId) query.andWhere('a.agency_id = :agencyId', { agencyId });
    return query.getMany();
  }

  async insertRollup(rollup: AgenciesWeeklyRollupEntity): Promise<void> {
    await this.manager.insert(AgenciesWeeklyRollupEntity, rollup);
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

  /** Computes and stores every agency's week in one INSERT … SELECT; returns the rows. */
  async insertAgencyWeeks(at: RollupInstants): Promise<AgencyWeekEntity[]> {
    const s = this.schema;
    await this.tuneForAggregate();
    await this.manager.query(
      `INSERT INTO ${s}.weekly_rollup_agencies
         (id, week_of, agency_id, ${FIGURE_COLUMNS.join(', ')}, new_task_ids, completed_task_ids, newly_overdue_task_ids)
       SELECT gen_random_uuid(), $5::date, w.* FROM (${agencyWeekSql(s)}) w`,
      [at.cutOffAt, at.periodStartsAt, at.weekStartsAt, at.weekEndsAt, at.weekOf],
    );
    return this.agencyWeeksOf([at.weekOf]);
  }
}
