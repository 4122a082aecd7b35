import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A missing weekly report noticed after its deadline; the key allows one notice per week. */
@Entity({ name: 'weekly_report_overdue_notices' })
export class WeeklyReportOverdueNoticeEntity {
  @PrimaryColumn({ type: 'uuid' })
  campaignId!: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId!: string;

  @PrimaryColumn({ type: 'date' })
  weekDate!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz' })
  detectedAt!: Date;

  /** The `rectification.weekly-report.overdue.v1` event sent for it. */
  @Column({ type: 'uuid' })
  eventId!: string;
}
