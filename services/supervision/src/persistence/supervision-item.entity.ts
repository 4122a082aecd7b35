import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SupervisionCategory } from '../domain/categories';

export type Light = 'GREEN' | 'YELLOW' | 'RED';

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

  @Column({ type: 'uuid', nullable: true })
  responsibleDepartmentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  responsiblePersonId!: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  involvedAgencyIds!: string[];

  @Column({ type: 'text', nullable: true })
  light!: Light | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
