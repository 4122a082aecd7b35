import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InspectionPhase } from '../domain/target-phase';

/** One phase of a target with its planned and actual dates (the on-site plan is the target's window). */
@Entity({ name: 'target_phases' })
export class TargetPhaseEntity {
  @PrimaryColumn({ type: 'uuid' })
  targetId!: string;

  @PrimaryColumn({ type: 'text' })
  phase!: InspectionPhase;

  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ type: 'date', nullable: true })
  plannedStart!: string | null;

  @Column({ type: 'date', nullable: true })
  plannedEnd!: string | null;

  @Column({ type: 'date', nullable: true })
  actualStart!: string | null;

  @Column({ type: 'date', nullable: true })
  actualEnd!: string | null;
}
