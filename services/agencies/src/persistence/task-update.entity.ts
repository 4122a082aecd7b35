import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface EvidenceRecord {
  name: string;
  url: string | null;
  sha256: string | null;
  sizeBytes: number | null;
}

/** One entry of a task's history; append-only. */
@Entity({ name: 'task_updates' })
export class TaskUpdateEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @Column({ type: 'text' })
  kind!: 'ACKNOWLEDGED' | 'PROGRESS' | 'COMPLETION_REQUESTED';

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  personName!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence!: EvidenceRecord[];

  @Column({ type: 'timestamptz' })
  at!: Date;
}
