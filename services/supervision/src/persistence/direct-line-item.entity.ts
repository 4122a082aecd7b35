import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DirectLineItemStatus =
  'AWAITING_TRIAGE' | 'AWAITING_CLAIM' | 'CLAIMED' | 'HARD_CASE' | 'ANSWERED' | 'DECLINED';

/** A township's @件 as the General Office and the department handle it, with every clock. */
@Entity({ name: 'direct_line_items' })
export class DirectLineItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  requestId!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  kind!: 'POLICY_QUESTION' | 'PROBLEM';

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  raisedByName!: string;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'text' })
  status!: DirectLineItemStatus;

  @Column({ type: 'timestamptz' })
  triageDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  triagedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  interimDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  interimRepliedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answerDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
