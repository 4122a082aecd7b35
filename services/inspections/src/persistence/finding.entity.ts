import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FindingStatus = 'DRAFT' | 'CONFIRMED';
export type FindingSeverity = 'GENERAL' | 'SIGNIFICANT' | 'SERIOUS';

@Entity({ name: 'findings' })
export class FindingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'uuid' })
  targetAgencyId!: string;

  /** The round's target for that unit; null in a round run without a target list. */
  @Column({ type: 'uuid', nullable: true })
  targetId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  checkItemId!: string | null;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', default: 'GENERAL' })
  severity!: FindingSeverity;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  evidence!: string[];

  @Column({ type: 'text' })
  status!: FindingStatus;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The written feedback (一对一反馈) that confirmed it. */
  @Column({ type: 'uuid', nullable: true })
  feedbackId!: string | null;

  /** 移交纪检监察 */
  @Column({ type: 'date', nullable: true })
  referredToDisciplineOn!: string | null;

  @Column({ type: 'text', nullable: true })
  referralNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  referredBy!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
