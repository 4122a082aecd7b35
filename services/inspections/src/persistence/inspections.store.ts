import { In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { FindingEntity } from './finding.entity';
import { FindingGrantEntity } from './finding-grant.entity';
import { InspectionRoundEntity } from './inspection-round.entity';

/** SQL of rounds and findings. Every read takes many keys at once (one statement). */
export class InspectionsStore {
  constructor(private readonly manager: EntityManager) {}

  roundsByIds(ids: readonly string[]): Promise<InspectionRoundEntity[]> {
    return this.manager.find(InspectionRoundEntity, { where: { id: In([...ids]) } });
  }

  listRounds(): Promise<InspectionRoundEntity[]> {
    return this.manager.find(InspectionRoundEntity, { order: { year: 'DESC', createdAt: 'DESC' } });
  }

  lockRound(id: string): Promise<InspectionRoundEntity | null> {
    return this.manager.findOne(InspectionRoundEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findingsByIds(ids: readonly string[]): Promise<FindingEntity[]> {
    return this.manager.find(FindingEntity, { where: { id: In([...ids]) } });
  }

  findingsByRoundIds(roundIds: readonly string[]): Promise<FindingEntity[]> {
    return this.manager.find(FindingEntity, {
      where: { roundId: In([...roundIds]) },
      order: { recordedAt: 'ASC' },
    });
  }

  findingsByTargetIds(targetIds: readonly string[]): Promise<FindingEntity[]> {
    return this.manager.find(FindingEntity, {
      where: { targetId: In([...targetIds]) },
      order: { recordedAt: 'ASC' },
    });
  }

  findingsByFeedbackIds(feedbackIds: readonly string[]): Promise<FindingEntity[]> {
    return this.manager.find(FindingEntity, {
      where: { feedbackId: In([...feedbackIds]) },
      order: { recordedAt: 'ASC' },
    });
  }

  grantsByFindingIds(findingIds: readonly string[]): Promise<FindingGrantEntity[]> {
    return this.manager.find(FindingGrantEntity, { where: { findingId: In([...findingIds]) } });
  }

  async insertRound(round: Partial<InspectionRoundEntity>): Promise<void> {
    await this.manager.insert(InspectionRoundEntity, round);
  }

  /** Takes the round's next finding number under a row lock, so concurrent findings never share one. */
  async nextFindingNumber(roundId: string): Promise<string | null> {
    // TypeORM returns [rows, affectedCount] for an UPDATE.
    const [rows]: [{ finding_count: number }[], number] = await this.manager.query(
      `UPDATE ${this.table(InspectionRoundEntity)} SET finding_count = finding_count + 1 WHERE id = $1 RETURNING finding_count`,
      [roundId],
    );
    return rows[0] ? String(rows[0].finding_count) : null;
  }

  async insertFinding(finding: Partial<FindingEntity>): Promise<void> {
    await this.manager.insert(FindingEntity, finding);
  }

  /** DRAFT → CONFIRMED only if still a draft at the version read. */
  async confirmFinding(id: string, version: number, by: string, at: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(FindingEntity)
      .set({ status: 'CONFIRMED', confirmedBy: by, confirmedAt: at, version: () => 'version + 1' })
      .where("id = :id AND version = :version AND status = 'DRAFT'", { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * The feedback confirms its drafts and claims the findings confirmed before it; answers how many
   * rows it changed (the caller locked the target, so none changes under it).
   */
  async attachFindingsToFeedback(
    findingIds: readonly string[],
    feedbackId: string,
    by: string,
    at: Date,
  ): Promise<number> {
    if (findingIds.length === 0) return 0;
    const confirmed = await this.manager
      .createQueryBuilder()
      .update(FindingEntity)
      .set({
        status: 'CONFIRMED',
        confirmedBy: by,
        confirmedAt: at,
        feedbackId,
        version: () => 'version + 1',
      })
      .where("id IN (:...ids) AND status = 'DRAFT' AND feedback_id IS NULL", { ids: [...findingIds] })
      .execute();
    const claimed = await this.manager.update(
      FindingEntity,
      { id: In([...findingIds]), status: 'CONFIRMED', feedbackId: IsNull() },
      { feedbackId },
    );
    return (confirmed.affected ?? 0) + (claimed.affected ?? 0);
  }

  async grantFinding(findingId: string, agencyIds: string[]): Promise<void> {
    if (agencyIds.length === 0) return;
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(FindingGrantEntity)
      .values(agencyIds.map((agencyId) => ({ findingId, agencyId })))
      .orIgnore()
      .execute();
  }

  private table(entity: typeof InspectionRoundEntity): string {
    const metadata = this.manager.connection.getMetadata(entity);
    return `"${metadata.schema}"."${metadata.tableName}"`;
  }
}
