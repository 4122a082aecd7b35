import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MeasureStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
/** The rectification office's check of a completed measure against the ledger (对账). */
export type MeasureVerification = 'NONE' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
export type MeasureDeadlineKind = 'DATE' | 'DATE_RANGE' | 'MONTH_END' | 'LONG_TERM' | 'NONE';

@Entity({ name: 'measures' })
export class MeasureEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  problemId!: string;

  @Column({ type: 'text' })
  sequence!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid', nullable: true })
  responsibleAgencyId!: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  coordinatingAgencyIds!: string[];

  @Column({ type: 'text' })
  deadlineKind!: MeasureDeadlineKind;

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'text' })
  deadlineLabel!: string;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'text' })
  status!: MeasureStatus;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  evidenceNotes!: string[];

  @Column({ type: 'text', default: 'NONE' })
  verification!: MeasureVerification;

  /** When it last reached COMPLETED; null for measures completed before this was kept (see createdAt). */
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Bumped by every edit; an edit names the version it read (ADR 0008). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}
