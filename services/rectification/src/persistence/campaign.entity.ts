import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface LeadingGroupMemberRecord {
  name: string;
  role: 'LEADER' | 'DEPUTY' | 'MEMBER';
  personId: string | null;
}

@Entity({ name: 'campaigns' })
export class CampaignEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  sourceKind!: 'INTERNAL_INSPECTION' | 'MUNICIPAL_INSPECTION' | 'AUDIT';

  @Column({ type: 'text' })
  sourceTitle!: string;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'uuid', nullable: true })
  officeAgencyId!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  leadingGroup!: LeadingGroupMemberRecord[];

  /** The day the inspection or audit report reached the unit: the plan and report deadlines run from it. */
  @Column({ type: 'date', nullable: true })
  reportReceivedOn!: string | null;

  /** The first reporting Wednesday of the weekly progress reports (seed 003: 2023-09-13). */
  @Column({ type: 'date', nullable: true })
  weeklyReportsStartOn!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Bumped by every edit; an edit names the version it read (ADR 0008). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}
