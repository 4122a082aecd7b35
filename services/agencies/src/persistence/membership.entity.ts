import { Entity, PrimaryColumn } from 'typeorm';

export type MembershipKind = 'MEMBER' | 'LIAISON' | 'IN_CHARGE';

/** A person's tie to an agency beyond their home one: member, the unit's liaison (联络员), or leader in charge (分管). */
@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: MembershipKind;
}
