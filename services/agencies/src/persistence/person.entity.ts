import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@eco/auth';

@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];
}
