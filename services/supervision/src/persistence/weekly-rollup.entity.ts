import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RollupWeekColumns } from '@eco/subgraph';

/** Supervision's part of one week's roll-up (周汇总): when it was cut. Written once. */
@Entity({ name: 'weekly_rollups' })
export class SupervisionWeeklyRollupEntity extends RollupWeekColumns {
  /** The `supervision.weekly-rollup.taken.v1` sent with it. */
  @Column({ type: 'uuid' })
  eventId!: string;
}

/** One responsible department's supervised items that week: figures at the cut-off and changes. */
@Entity({ name: 'weekly_rollup_departments' })
export class SupervisionWeeklyDepartmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'date' })
  weekOf!: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'int' })
  itemsOpen!: number;

  @Column({ type: 'int' })
  itemsDueThisWeek!: number;

  @Column({ type: 'int' })
  itemsOverdue!: number;

  @Column({ type: 'int' })
  itemsNew!: number;

  @Column({ type: 'int' })
  itemsClosed!: number;

  @Column({ type: 'int' })
  lightsGreen!: number;

  @Column({ type: 'int' })
  lightsYellow!: number;

  @Column({ type: 'int' })
  lightsRed!: number;

  @Column({ type: 'int' })
  lightChanges!: number;

  @Column({ type: 'int' })
  escalationsTriggered!: number;

  @Column({ type: 'int' })
  reportsOwed!: number;

  @Column({ type: 'int' })
  reportsOnTime!: number;

  @Column({ type: 'int' })
  reportsLate!: number;

  @Column({ type: 'int' })
  reportsMissing!: number;

  @Column({ type: 'uuid', array: true })
  newItemIds!: string[];

  @Column({ type: 'uuid', array: true })
  closedItemIds!: string[];

  @Column({ type: 'uuid', array: true })
  turnedRedItemIds!: string[];

  @Column({ type: 'uuid', array: true })
  newlyOverdueItemIds!: string[];

  @Column({ type: 'uuid', array: true })
  escalationIds!: string[];
}
