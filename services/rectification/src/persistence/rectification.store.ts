import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { CampaignEntity } from './campaign.entity';
import { MeasureEntity } from './measure.entity';
import { MeasureUpdateEntity } from './measure-update.entity';
import { ProblemEntity } from './problem.entity';

/** All SQL of the rectification subgraph. Every read takes many keys at once (one statement). */
export class RectificationStore {
  constructor(private readonly manager: EntityManager) {}

  withManager(manager: EntityManager): RectificationStore {
    return new RectificationStore(manager);
  }

  campaignsByIds(ids: readonly string[]): Promise<CampaignEntity[]> {
    return this.manager.find(CampaignEntity, { where: { id: In([...ids]) } });
  }

  listCampaigns(): Promise<CampaignEntity[]> {
    return this.manager.find(CampaignEntity, { order: { periodStart: 'DESC', id: 'ASC' } });
  }

  problemsByIds(ids: readonly string[]): Promise<ProblemEntity[]> {
    return this.manager.find(ProblemEntity, { where: { id: In([...ids]) } });
  }

  problemsBySourceFindingIds(findingIds: readonly string[]): Promise<ProblemEntity[]> {
    return this.manager.find(ProblemEntity, { where: { sourceFindingId: In([...findingIds]) } });
  }

  /** Problems, oldest number first; `visibleTo` limits them to one outside agency's. */
  listProblems(filter: { campaignId?: string | null; visibleTo?: string }): Promise<ProblemEntity[]> {
    const query = this.manager
      .createQueryBuilder(ProblemEntity, 'p')
      .orderBy('p.opened_at', 'ASC')
      .addOrderBy('p.number', 'ASC');
    if (filter.campaignId) query.andWhere('p.campaign_id = :campaignId', { campaignId: filter.campaignId });
    if (filter.visibleTo)
      query.andWhere(':agency = ANY(p.visible_to_agency_ids)', { agency: filter.visibleTo });
    return query.getMany();
  }

  listProblemsOfCampaigns(campaignIds: readonly string[]): Promise<ProblemEntity[]> {
    return this.manager.find(ProblemEntity, {
      where: { campaignId: In([...campaignIds]) },
      order: { openedAt: 'ASC', number: 'ASC' },
    });
  }

  measuresByIds(ids: readonly string[]): Promise<MeasureEntity[]> {
    return this.manager.find(MeasureEntity, { where: { id: In([...ids]) } });
  }

  measuresByProblemIds(problemIds: readonly string[]): Promise<MeasureEntity[]> {
    return this.manager.find(MeasureEntity, {
      where: { problemId: In([...problemIds]) },
      order: { createdAt: 'ASC', sequence: 'ASC' },
    });
  }

  updatesByMeasureIds(measureIds: readonly string[]): Promise<MeasureUpdateEntity[]> {
    return this.manager.find(MeasureUpdateEntity, {
      where: { measureId: In([...measureIds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  async problemExists(id: string): Promise<boolean> {
    return (await this.manager.count(ProblemEntity, { where: { id } })) > 0;
  }

  async insertCampaign(campaign: Partial<CampaignEntity>): Promise<void> {
    await this.manager.insert(CampaignEntity, campaign);
  }

  async insertProblem(problem: Partial<ProblemEntity>): Promise<void> {
    await this.manager.insert(ProblemEntity, problem);
  }

  async insertMeasure(measure: Partial<MeasureEntity>): Promise<void> {
    await this.manager.insert(MeasureEntity, measure);
  }

  async insertUpdate(update: Partial<MeasureUpdateEntity>): Promise<void> {
    await this.manager.insert(MeasureUpdateEntity, update);
  }

  /** Adds agencies to who may see a problem (set union, no duplicates). */
  async widenProblemVisibility(problemId: string, agencyIds: string[]): Promise<void> {
    if (agencyIds.length === 0) return;
    await this.manager.query(
      `UPDATE ${this.table(ProblemEntity)}
          SET visible_to_agency_ids = ARRAY(SELECT DISTINCT unnest(visible_to_agency_ids || $2::uuid[]))
        WHERE id = $1`,
      [problemId, agencyIds],
    );
  }

  async lockProblem(problemId: string): Promise<ProblemEntity | null> {
    return this.manager.findOne(ProblemEntity, {
      where: { id: problemId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private table(entity: typeof ProblemEntity): string {
    const metadata = this.manager.connection.getMetadata(entity);
    return `"${metadata.schema}"."${metadata.tableName}"`;
  }
}
