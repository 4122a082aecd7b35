import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { InspectionTargetEntity } from './inspection-target.entity';
import { TargetPhaseEntity } from './target-phase.entity';
import { UnitFeedbackEntity } from './unit-feedback.entity';
import { WindowExtensionEntity } from './window-extension.entity';

/** SQL of targets, their phases, window extensions and feedback. Reads take many keys at once. */
export class TargetStore {
  constructor(private readonly manager: EntityManager) {}

  targetsByIds(ids: readonly string[]): Promise<InspectionTargetEntity[]> {
    return this.manager.find(InspectionTargetEntity, { where: { id: In([...ids]) } });
  }

  targetsByRoundIds(roundIds: readonly string[]): Promise<InspectionTargetEntity[]> {
    return this.manager.find(InspectionTargetEntity, {
      where: { roundId: In([...roundIds]) },
      order: { sequence: 'ASC' },
    });
  }

  lockTarget(id: string): Promise<InspectionTargetEntity | null> {
    return this.manager.findOne(InspectionTargetEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insertTarget(
    target: Partial<InspectionTargetEntity>,
    phases: Partial<TargetPhaseEntity>[],
  ): Promise<void> {
    await this.manager.insert(InspectionTargetEntity, target);
    await this.manager.insert(TargetPhaseEntity, phases);
  }

  async nextSequence(roundId: string): Promise<number> {
    const [row]: { next: number }[] = await this.manager.query(
      `SELECT coalesce(max(sequence), 0) + 1 AS next FROM ${this.table(InspectionTargetEntity)} WHERE round_id = $1`,
      [roundId],
    );
    return Number(row!.next);
  }

  phasesByTargetIds(targetIds: readonly string[]): Promise<TargetPhaseEntity[]> {
    return this.manager.find(TargetPhaseEntity, {
      where: { targetId: In([...targetIds]) },
      order: { ordinal: 'ASC' },
    });
  }

  async updatePhase(
    targetId: string,
    phase: TargetPhaseEntity['phase'],
    changes: Partial<Pick<TargetPhaseEntity, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>>,
  ): Promise<void> {
    await this.manager.update(TargetPhaseEntity, { targetId, phase }, changes);
  }

  extensionsByTargetIds(targetIds: readonly string[]): Promise<WindowExtensionEntity[]> {
    return this.manager.find(WindowExtensionEntity, {
      where: { targetId: In([...targetIds]) },
      order: { recordedAt: 'ASC' },
    });
  }

  async insertExtension(extension: WindowExtensionEntity): Promise<void> {
    await this.manager.insert(WindowExtensionEntity, extension);
  }

  feedbacksByIds(ids: readonly string[]): Promise<UnitFeedbackEntity[]> {
    return this.manager.find(UnitFeedbackEntity, { where: { id: In([...ids]) } });
  }

  feedbacksByTargetIds(targetIds: readonly string[]): Promise<UnitFeedbackEntity[]> {
    return this.manager.find(UnitFeedbackEntity, { where: { targetId: In([...targetIds]) } });
  }

  async insertFeedback(feedback: UnitFeedbackEntity): Promise<void> {
    await this.manager.insert(UnitFeedbackEntity, feedback);
  }

  private table(entity: typeof InspectionTargetEntity): string {
    const metadata = this.manager.connection.getMetadata(entity);
    return `"${metadata.schema}"."${metadata.tableName}"`;
  }
}
