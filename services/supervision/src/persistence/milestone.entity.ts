import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 时间节点 of an item's task-book plan. */
@Entity({ name: 'milestones' })
export class MilestoneEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'int', nullable: true })
  targetPercent!: number | null;

  @Column({ type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
