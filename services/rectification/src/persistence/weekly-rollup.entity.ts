import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RollupWeekColumns } from '@eco/subgraph';
import type { WeeklyRule } from '@eco/calendar';

/** One week's roll-up (周汇总): when its cut-off fell and which parts are in. Written once. */
@Entity({ name: 'weekly_rollups' })
export class WeeklyRollupEntity extends RollupWeekColumns {
  @Column({ type: 'boolean' })
  moved!: boolean;

  /** Whether any campaign's weekly reports (周报) fell due in the period. */
  @Column({ type: 'boolean' })
  weeklyReportsOwed!: boolean;

  /** The schedule in force when it was taken. */
  @Column({ type: 'jsonb' })
  schedule!: WeeklyRule;

  @Column({ type: 'text' })
  calendarVersion!: string;

  /** When every part was in and `rectification.weekly-rollup.ready.v1` went out. */
  @Column({ type: 'timestamptz', nullable: true })
  readyAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  readyEventId!: string | null;
}

/** One responsible department's week: its figures at the cut-off and what changed since the last. */
@Entity({ name: 'weekly_rollup_departments' })
export class WeeklyRollupDepartmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'date' })
  weekOf!: string;

  /** Null: items without a responsible department. */
  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'int' })
  measuresOpen!: number;

  @Column({ type: 'int' })
  measuresDueThisWeek!: number;

  @Column({ type: 'int' })
  measuresOverdue!: number;

  @Column({ type: 'int' })
  measuresCompleted!: number;

  @Column({ type: 'int' })
  measuresNew!: number;

  @Column({ type: 'int' })
  problemsOpen!: number;

  @Column({ type: 'int' })
  problemsNew!: number;

  @Column({ type: 'int' })
  problemsClosed!: number;

  @Column({ type: 'int' })
  weeklyReportsOwed!: number;

  @Column({ type: 'int' })
  weeklyReportsOnTime!: number;

  @Column({ type: 'int' })
  weeklyReportsLate!: number;

  @Column({ type: 'int' })
  weeklyReportsMissing!: number;

  @Column({ type: 'uuid', array: true })
  newProblemIds!: string[];

  @Column({ type: 'uuid', array: true })
  closedProblemIds!: string[];

  @Column({ type: 'uuid', array: true })
  newlyOverdueMeasureIds!: string[];
}

export type RollupPartName = 'rectification' | 'supervision' | 'agencies';
export const ROLLUP_PARTS: readonly RollupPartName[] = ['rectification', 'supervision', 'agencies'];

/** A part of a week's roll-up that is in: ours, or another subgraph's (from its event). */
@Entity({ name: 'weekly_rollup_parts' })
export class WeeklyRollupPartEntity {
  @PrimaryColumn({ type: 'date' })
  weekOf!: string;

  @PrimaryColumn({ type: 'text' })
  part!: RollupPartName;

  @Column({ type: 'timestamptz' })
  cutOffAt!: Date;

  @Column({ type: 'timestamptz' })
  takenAt!: Date;

  @Column({ type: 'jsonb' })
  totals!: Record<string, number>;

  /** The event that brought another subgraph's part. */
  @Column({ type: 'uuid', nullable: true })
  eventId!: string | null;
}
