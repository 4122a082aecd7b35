import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 领导批示件 handling (seed 001 annex 1): claim, approved feedback, tracking, closing report. */
@Entity({ name: 'leader_instructions' })
export class LeaderInstructionEntity {
  /** The item's id: one per item. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** When the 督办单 reached the platform. */
  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz' })
  claimDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  claimedBy!: string | null;

  /** The feedback date the 领导批示件办理通知 sets. */
  @Column({ type: 'date' })
  instructionDueOn!: string;

  /** One working day before it: when the approved feedback must be entered. */
  @Column({ type: 'timestamptz' })
  feedbackDueAt!: Date;

  @Column({ type: 'text', nullable: true })
  feedbackText!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  feedbackSubmittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  feedbackApprovedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  feedbackApprovedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  feedbackEnteredAt!: Date | null;

  /** 专报: the report to the district leader once the instruction is carried out. */
  @Column({ type: 'text', nullable: true })
  closingReport!: string | null;

  @Column({ type: 'date', nullable: true })
  closingReportedToLeaderOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closingReportSubmittedAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
