import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department's weekly progress report (周报) for one reporting Wednesday; revisions overwrite it. */
@Entity({ name: 'weekly_reports' })
export class WeeklyReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  campaignId!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'date' })
  weekDate!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text' })
  progress!: string;

  @Column({ type: 'text' })
  practices!: string;

  @Column({ type: 'text', nullable: true })
  difficulties!: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedByPersonId!: string | null;

  @Column({ type: 'text', nullable: true })
  submittedByName!: string | null;

  /** The first submission: on time or late is judged by it, not by later revisions. */
  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revisedAt!: Date | null;
}
