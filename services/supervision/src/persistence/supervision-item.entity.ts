import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SupervisionCategory } from '../domain/categories';
import type { Light } from '../domain/lights';

export type { Light } from '../domain/lights';
export type SupervisionItemStatus = 'OPEN' | 'CLOSED';

@Entity({ name: 'items' })
export class SupervisionItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: SupervisionCategory;

  @Column({ type: 'text', nullable: true })
  sourcePlatform!: string | null;

  /** 事项编号 on the platform. */
  @Column({ type: 'text', nullable: true })
  platformNumber!: string | null;

  /** The task-book year. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'uuid', nullable: true })
  responsibleDepartmentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  responsiblePersonId!: string | null;

  /** 分管局领导: the deputy chief in charge. */
  @Column({ type: 'uuid', nullable: true })
  leadLeaderId!: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  involvedAgencyIds!: string[];

  /** The light the latest period shows (the history is in light_records). */
  @Column({ type: 'text', nullable: true })
  light!: Light | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** 预期目标 */
  @Column({ type: 'text', nullable: true })
  goal!: string | null;

  /** 具体举措 */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  measures!: string[];

  @Column({ type: 'text', default: 'OPEN' })
  status!: SupervisionItemStatus;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  closingNote!: string | null;

  /** The @件 this item tracks (category TOWNSHIP_DIRECT_LINE). */
  @Column({ type: 'uuid', nullable: true })
  directLineItemId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
