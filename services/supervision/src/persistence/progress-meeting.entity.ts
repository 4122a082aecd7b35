import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 双月例会: the bi-monthly key-work progress meeting's record. */
@Entity({ name: 'progress_meetings' })
export class ProgressMeetingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  attendees!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  itemIds!: string[];

  /** 问题与瓶颈 */
  @Column({ type: 'text', nullable: true })
  problems!: string | null;

  /** 对策建议与部署 */
  @Column({ type: 'text', nullable: true })
  decisions!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
