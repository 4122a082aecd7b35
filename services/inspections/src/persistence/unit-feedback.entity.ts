import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 一对一反馈: the written feedback to one inspected unit; the rectification deadlines run from it. */
@Entity({ name: 'unit_feedbacks' })
export class UnitFeedbackEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'date' })
  issuedOn!: string;

  @Column({ type: 'timestamptz' })
  planDueAt!: Date;

  @Column({ type: 'timestamptz' })
  reportDueAt!: Date;

  @Column({ type: 'uuid' })
  issuedBy!: string;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;
}
