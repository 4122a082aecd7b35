import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Discipline figures the office enters for the public notice, as of a date (seed 004). */
@Entity({ name: 'discipline_figures' })
export class DisciplineFiguresEntity {
  @PrimaryColumn({ type: 'uuid' })
  campaignId!: string;

  @PrimaryColumn({ type: 'date' })
  asOf!: string;

  /** 党纪政务立案 */
  @Column({ type: 'integer' })
  casesFiled!: number;

  /** 党纪政务处分 (people) */
  @Column({ type: 'integer' })
  peopleDisciplined!: number;

  /** 诫勉谈话 (people) */
  @Column({ type: 'integer' })
  admonishmentTalks!: number;

  /** 新建制度 */
  @Column({ type: 'integer' })
  regulationsCreated!: number;

  /** 修订完善制度 */
  @Column({ type: 'integer' })
  regulationsRevised!: number;

  @Column({ type: 'uuid', nullable: true })
  recordedByPersonId!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
