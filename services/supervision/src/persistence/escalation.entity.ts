import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EscalationLevel, EscalationTrigger, InterviewRole } from '../domain/escalation';

export type EscalationState = 'TRIGGERED' | 'SCHEDULED' | 'HELD' | 'WAIVED';

/** One 约谈问询: its level, what triggered it, who talks to whom, and where it stands. */
@Entity({ name: 'escalations' })
export class EscalationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'int' })
  level!: EscalationLevel;

  @Column({ type: 'jsonb' })
  triggers!: EscalationTrigger[];

  @Column({ type: 'text' })
  state!: EscalationState;

  @Column({ type: 'text' })
  interviewerRole!: InterviewRole;

  @Column({ type: 'uuid', nullable: true })
  interviewerPersonId!: string | null;

  @Column({ type: 'text' })
  intervieweeRole!: InterviewRole;

  @Column({ type: 'uuid', nullable: true })
  intervieweePersonId!: string | null;

  @Column({ type: 'timestamptz' })
  triggeredAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'text', nullable: true })
  waivedReason!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
