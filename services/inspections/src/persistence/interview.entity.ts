import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IntervieweeRole = 'LEADERSHIP_MEMBER' | 'MIDDLE_MANAGER' | 'OTHER_STAFF';

/** 个别访谈: read and written by the round's inspection group only. */
@Entity({ name: 'interviews' })
export class InterviewEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'text' })
  intervieweeName!: string;

  @Column({ type: 'text' })
  intervieweeRole!: IntervieweeRole;

  @Column({ type: 'text' })
  notes!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
