import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of an item's timeline; append-only. */
@Entity({ name: 'item_updates' })
export class SupervisionItemUpdateEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'text' })
  kind!: 'AGENCY_ACKNOWLEDGED' | 'AGENCY_PROGRESS' | 'AGENCY_COMPLETION_REQUESTED';

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorPersonId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorAgencyId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  sourceEventId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
