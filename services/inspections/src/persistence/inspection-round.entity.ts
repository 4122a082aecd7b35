import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'rounds' })
export class InspectionRoundEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  roundNumber!: number;

  @Column({ type: 'int' })
  startYear!: number;

  @Column({ type: 'int' })
  endYear!: number;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text', nullable: true })
  planDocumentNumber!: string | null;

  @Column({ type: 'uuid', nullable: true })
  groupLeaderId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  deputyGroupLeaderId!: string | null;

  @Column({ type: 'date', nullable: true })
  periodStart!: string | null;

  @Column({ type: 'date', nullable: true })
  periodEnd!: string | null;

  @Column({ type: 'int', default: 0 })
  findingCount!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
