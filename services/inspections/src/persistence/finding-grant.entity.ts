import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An outside agency that may read a finding because rectification assigned it a measure of the
 * problem opened from it. Fed by events; the only source of partner visibility here.
 */
@Entity({ name: 'finding_grants' })
export class FindingGrantEntity {
  @PrimaryColumn({ type: 'uuid' })
  findingId!: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  grantedAt!: Date;
}
