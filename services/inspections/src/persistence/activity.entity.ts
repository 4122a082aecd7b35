import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MobilisationAttendance } from '../domain/attendance-rule';

export type ActivityKind = 'MOBILISATION_MEETING' | 'DOCUMENT_REVIEW' | 'SITE_VISIT';

/**
 * An on-site activity of the group at one unit. Interviews live in their own table: their very
 * existence is the group's alone.
 */
@Entity({ name: 'activities' })
export class ActivityEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'text' })
  kind!: ActivityKind;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Mobilisation meeting: who attended, by group. */
  @Column({ type: 'jsonb', nullable: true })
  attendance!: MobilisationAttendance | null;

  /** Document review: the materials read (清单台账, 会议纪要, 制度, ...). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  documents!: string[];

  @Column({ type: 'uuid', nullable: true })
  checkItemId!: string | null;

  /** Site visit: where. */
  @Column({ type: 'text', nullable: true })
  site!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
