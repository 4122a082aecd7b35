import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 约谈 for slow or weak rectification; 问责 for perfunctory or false rectification (seed 002). */
export type AccountabilityKind = 'INTERVIEW' | 'ACCOUNTABILITY';

@Entity({ name: 'accountability_records' })
export class AccountabilityRecordEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  problemId!: string;

  @Column({ type: 'text' })
  kind!: AccountabilityKind;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  personIds!: string[];

  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'uuid', nullable: true })
  recordedByPersonId!: string | null;

  @Column({ type: 'text', nullable: true })
  recordedByName!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
