import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An extension of a unit's on-site window, decided by the inspection group (经巡察工作组研究决定). */
@Entity({ name: 'window_extensions' })
export class WindowExtensionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'date' })
  previousUntil!: string;

  @Column({ type: 'date' })
  newUntil!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  decidedBy!: string;

  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
