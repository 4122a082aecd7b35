import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RollupWeekColumns } from '@eco/subgraph';

/** The agencies' part of one week's roll-up (周汇总): when it was cut. Written once. */
@Entity({ name: 'weekly_rollups' })
export class AgenciesWeeklyRollupEntity extends RollupWeekColumns {
  /** The `agencies.weekly-rollup.taken.v1` sent with it. */
  @Column({ type: 'uuid' })
  eventId!: string;
}

/** One outside agency's coordination tasks that week: figures at the cut-off and changes. */
@Entity({ name: 'weekly_rollup_agencies' })
export class AgencyWeekEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'date' })
  weekOf!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'int' })
  tasksOpen!: number;

  @Column({ type: 'int' })
  tasksDueThisWeek!: number;

  @Column({ type: 'int' })
  tasksOverdue!: number;

  @Column({ type: 'int' })
  tasksNew!: number;

  @Column({ type: 'int' })
  tasksCompleted!: number;

  @Column({ type: 'int' })
  tasksAcknowledged!: number;

  @Column({ type: 'int' })
  acknowledgementsOverdue!: number;

  @Column({ type: 'int' })
  progressReports!: number;

  @Column({ type: 'uuid', array: true })
  newTaskIds!: string[];

  @Column({ type: 'uuid', array: true })
  completedTaskIds!: string[];

  @Column({ type: 'uuid', array: true })
  newlyOverdueTaskIds!: string[];
}
