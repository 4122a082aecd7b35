import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AgencyKind =
  | 'BUREAU_LEADERSHIP'
  | 'INTERNAL_DEPARTMENT'
  | 'AFFILIATED_UNIT'
  | 'TOWN'
  | 'SUB_DISTRICT'
  | 'ENFORCEMENT_BUREAU'
  | 'OTHER_OFFICE';

export const PARTNER_KINDS: readonly AgencyKind[] = [
  'TOWN',
  'SUB_DISTRICT',
  'ENFORCEMENT_BUREAU',
  'OTHER_OFFICE',
];

@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: AgencyKind;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;
}
