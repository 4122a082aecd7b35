import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of a round's check-item list (检查项目清单). A new import supersedes the whole list. */
@Entity({ name: 'checklist_items' })
export class ChecklistItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'int' })
  categoryNumber!: number;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'int' })
  itemNumber!: number;

  @Column({ type: 'text' })
  item!: string;

  @Column({ type: 'text' })
  checks!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  assignedStaff!: string[];

  @Column({ type: 'int', nullable: true })
  sourceRow!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}
