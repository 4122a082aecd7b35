import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One step of a follow-up plan's timetable (时间表). */
export interface FollowUpStepRecord {
  step: string;
  /** YYYY-MM-DD (Asia/Shanghai). */
  dueOn: string;
}

/**
 * The current follow-up plan (后续整改计划) of a measure unfinished at its campaign's report deadline:
 * route (整改路径) and timetable. One per measure; recording again replaces it, and every recording
 * stays in the measure's timeline as a FOLLOW_UP_PLAN entry.
 */
@Entity({ name: 'measure_follow_up_plans' })
export class FollowUpPlanEntity {
  @PrimaryColumn({ type: 'uuid' })
  measureId!: string;

  @Column({ type: 'text' })
  route!: string;

  @Column({ type: 'jsonb' })
  timetable!: FollowUpStepRecord[];

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedByPersonId!: string | null;

  @Column({ type: 'text', nullable: true })
  recordedByName!: string | null;
}
