import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FindingStatus = 'DRAFT' | 'CONFIRMED';

@Entity({ name: 'findings' })
export class FindingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'uuid' })
  targetAgencyId!: string;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  status!: FindingStatus;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
