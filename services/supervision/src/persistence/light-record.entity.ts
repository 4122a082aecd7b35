import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Light, LightSource } from '../domain/lights';

/** One light given to an item for a period; append-only, so the full history stays. */
@Entity({ name: 'light_records' })
export class LightRecordEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'text' })
  light!: Light;

  @Column({ type: 'text' })
  source!: LightSource;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedByPersonId!: string | null;

  @Column({ type: 'text', nullable: true })
  recordedByName!: string | null;

  /** Insertion order (bigserial): breaks ties between records of one instant. */
  @Column({ type: 'bigint', insert: false, update: false, transformer: { to: (v) => v, from: Number } })
  sequence!: number;
}
