import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeasureStatus } from './measure.entity';

export type MeasureUpdateKind =
  | 'CREATED'
  | 'ASSIGNED_TO_AGENCIES'
  | 'AGENCY_ACKNOWLEDGED'
  | 'AGENCY_PROGRESS'
  | 'AGENCY_COMPLETION_REQUESTED'
  | 'STATUS_CHANGED'
  | 'SUBMITTED_FOR_VERIFICATION'
  | 'VERIFICATION_ACCEPTED'
  | 'VERIFICATION_RETURNED'
  | 'REOPENED'
  /** A follow-up plan recorded (the route in the note); a later one replaces it on the measure. */
  | 'FOLLOW_UP_PLAN';

export interface EvidenceRecord {
  name: string;
  url: string | null;
  sha256: string | null;
  sizeBytes: number | null;
}

/** One entry of a measure's timeline; append-only. */
@Entity({ name: 'measure_updates' })
export class MeasureUpdateEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  measureId!: string;

  /** Insertion order, for entries that share a timestamp. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ type: 'text' })
  kind!: MeasureUpdateKind;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorPersonId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorAgencyId!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence!: EvidenceRecord[];

  /** For STATUS_CHANGED (and reopening): the status before and after. */
  @Column({ type: 'text', nullable: true })
  statusFrom!: MeasureStatus | null;

  @Column({ type: 'text', nullable: true })
  statusTo!: MeasureStatus | null;

  /** Case numbers and other written evidence given with this entry (e.g. 立案号 20230414049). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  evidenceNotes!: string[];

  /** The event this entry came from, when it came from another service. */
  @Column({ type: 'uuid', nullable: true })
  sourceEventId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
