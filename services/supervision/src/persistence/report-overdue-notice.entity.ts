import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One overdue monthly report, announced once (the key makes a rerun send nothing twice). */
@Entity({ name: 'report_overdue_notices' })
export class ReportOverdueNoticeEntity {
  @PrimaryColumn({ type: 'uuid' })
  itemId!: string;

  @PrimaryColumn({ type: 'text' })
  period!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz' })
  detectedAt!: Date;

  @Column({ type: 'uuid' })
  eventId!: string;
}
