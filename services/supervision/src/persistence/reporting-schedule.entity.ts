import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SupervisionCategory } from '../domain/categories';

/** The office's reporting day for a category, overriding annex 6's default. */
@Entity({ name: 'reporting_schedules' })
export class ReportingScheduleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', unique: true })
  category!: SupervisionCategory;

  @Column({ type: 'int' })
  dayOfMonth!: number;

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
