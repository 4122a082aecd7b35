import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaskSubjectKind } from '@eco/events';

export type CoordinationTaskStatus = 'OPEN' | 'ACKNOWLEDGED' | 'IN_PROGRESS' | 'COMPLETION_REQUESTED';

@Entity({ name: 'coordination_tasks' })
export class CoordinationTaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Inbox order (newest first) and the keyset cursor. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  subjectKind!: TaskSubjectKind;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'uuid', nullable: true })
  problemId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  findingId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: CoordinationTaskStatus;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  /** The acknowledgement SLA (签收时限): one working day after opening, by the PRC calendar. */
  @Column({ type: 'timestamptz', nullable: true })
  acknowledgeDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completionRequestedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedBy!: string | null;

  /** The event that opened the task. */
  @Column({ type: 'uuid' })
  sourceEventId!: string;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
