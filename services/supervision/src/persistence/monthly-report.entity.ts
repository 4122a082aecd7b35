import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportSections, ReportTemplate } from '../domain/report-templates';

/** A department's monthly report on an item for one period; revisions keep the first submission. */
@Entity({ name: 'monthly_reports' })
export class MonthlyReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  /** YYYY-MM */
  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'text' })
  template!: ReportTemplate;

  /** The report as it stands (latest revision). */
  @Column({ type: 'jsonb' })
  sections!: ReportSections;

  /** The report as first received: lateness and over-limit are judged on it. */
  @Column({ type: 'jsonb' })
  firstSections!: ReportSections;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  overLimitFields!: string[];

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'uuid' })
  submittedByPersonId!: string;

  @Column({ type: 'text' })
  submittedByName!: string;

  @Column({ type: 'timestamptz', nullable: true })
  revisedAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
