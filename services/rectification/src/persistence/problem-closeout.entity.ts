import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ProblemCloseoutKind = 'CLOSED' | 'REOPENED';

/** One close-out (销号) or reopening (回头看 found a rebound) of a problem; append-only. */
@Entity({ name: 'problem_closeouts' })
export class ProblemCloseoutEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  problemId!: string;

  @Column({ type: 'text' })
  kind!: ProblemCloseoutKind;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorPersonId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorAgencyId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
