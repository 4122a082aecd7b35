import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FlagRaiser } from '../domain/escalation';

export type EscalationFlagKind = 'NAMED_CRITICISM' | 'SERIOUSLY_BEHIND' | 'OVER_LIMIT_REPORT';

/** A fact the officer records for escalation: a district leader's criticism, or a platform 超限 report. */
@Entity({ name: 'escalation_flags' })
export class EscalationFlagEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'text' })
  kind!: EscalationFlagKind;

  /** For criticism and "seriously behind": who said it at the district-wide meeting. */
  @Column({ type: 'text', nullable: true })
  raisedBy!: FlagRaiser | null;

  /** For an over-limit report from the platform: the period it was for. */
  @Column({ type: 'text', nullable: true })
  period!: string | null;

  /** The meeting or notice, e.g. 全区重点工作推进会. */
  @Column({ type: 'text', nullable: true })
  occasion!: string | null;

  @Column({ type: 'date' })
  raisedOn!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
