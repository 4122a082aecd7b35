import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InspectionPhase } from '../domain/target-phase';

/** The unit's report back and the Audit Office's check of it (落实监督整改). */
export interface RectificationCheckRecord {
  planReceivedOn: string | null;
  reportReceivedOn: string;
  checkedOn: string;
  conclusion: string;
  assessmentNote: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** 被巡察单位: one unit inspected in a round. */
@Entity({ name: 'targets' })
export class InspectionTargetEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'int' })
  sequence!: number;

  /** The planned on-site window (进驻时间), extensions included; null until scheduled. */
  @Column({ type: 'date', nullable: true })
  onSiteFrom!: string | null;

  @Column({ type: 'date', nullable: true })
  onSiteUntil!: string | null;

  /** The window's end as scheduled, before any extension. */
  @Column({ type: 'date', nullable: true })
  originallyPlannedUntil!: string | null;

  @Column({ type: 'text', default: 'PREPARATION' })
  phase!: InspectionPhase;

  @Column({ type: 'date', nullable: true })
  unitNotifiedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  unitNoticeReference!: string | null;

  @Column({ type: 'date', nullable: true })
  publicNoticePostedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  publicNoticeRemovedOn!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  rectificationCheck!: RectificationCheckRecord | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
