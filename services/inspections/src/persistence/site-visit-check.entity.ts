import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SiteVisitResult = 'RECTIFIED' | 'INSUFFICIENT' | 'FALSE_RECTIFICATION';

/** One earlier problem a site visit checked (是否存在虚假整改或整改不到位). */
@Entity({ name: 'site_visit_checks' })
export class SiteVisitCheckEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  activityId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'uuid', nullable: true })
  findingId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  problemId!: string | null;

  @Column({ type: 'text' })
  result!: SiteVisitResult;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
