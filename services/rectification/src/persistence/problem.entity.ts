import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'problems' })
export class ProblemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  campaignId!: string | null;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text', nullable: true })
  sourceNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  aspect!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'uuid', nullable: true })
  leadLeaderId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  responsibleDepartmentId!: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  coordinatingAgencyIds!: string[];

  /** Every outside agency named on the problem or any of its measures: who may see it. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  visibleToAgencyIds!: string[];

  @Column({ type: 'uuid', nullable: true, unique: true })
  sourceFindingId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  /** Bumped by every edit; an edit names the version it read (ADR 0008). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}
