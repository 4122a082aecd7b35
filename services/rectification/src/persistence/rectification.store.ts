import { In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { MeasureStatusFacts } from '../domain/problem-status';
import type { ProblemCloseoutKind } from './problem-closeout.entity';
import { AccountabilityRecordEntity } from './accountability-record.entity';
import { CampaignEntity } from './campaign.entity';
import { DisciplineFiguresEntity } from './discipline-figures.entity';
import { FollowUpPlanEntity } from './follow-up-plan.entity';
import { MeasureEntity } from './measure.entity';
import { MeasureUpdateEntity } from './measure-update.entity';
import { ProblemEntity } from './problem.entity';
import { ProblemCloseoutEntity } from './problem-closeout.entity';
import { WeeklyReportEntity } from './weekly-report.entity';
import { WeeklyReportOverdueNoticeEntity } from './weekly-report-overdue-notice.entity';

/** All SQL of the rectification subgraph. Every read takes many keys at once (one statement). */
/** What a problem's status follows from. */
export interface ProblemStatusFacts {
  problemId: string;
  measures: MeasureStatusFacts[];
  lastCloseout: ProblemCloseoutKind | null;
}

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
      order: { at: 'ASC', seq: 'ASC' },
    });
  }

  async problemExists(id: string): Promise<boolean> {
    return (await this.manager.count(ProblemEntity, { where: { id } })) > 0;
  }

  /** False when there is no such campaign. */
  async setReportReceivedOn(campaignId: string, receivedOn: string): Promise<boolean> {
    const result = await this.manager.update(
      CampaignEntity,
      { id: campaignId },
      { reportReceivedOn: receivedOn },
    );
    return (result.affected ?? 0) > 0;
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

  /** Several timeline entries in one statement. */
  async insertUpdates(updates: Partial<MeasureUpdateEntity>[]): Promise<void> {
    if (updates.length > 0) await this.manager.insert(MeasureUpdateEntity, updates);
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

  /** Many rows in one statement (bulk loads and fixtures). */
  async insertProblems(problems: Partial<ProblemEntity>[]): Promise<void> {
    if (problems.length > 0) await this.manager.insert(ProblemEntity, problems);
  }

  async insertMeasures(measures: Partial<MeasureEntity>[]): Promise<void> {
    if (measures.length > 0) await this.manager.insert(MeasureEntity, measures);
  }

  async updateMeasure(
    id: string,
    patch: Partial<Pick<MeasureEntity, 'status' | 'verification' | 'completedAt' | 'evidenceNotes'>>,
  ): Promise<void> {
    await this.manager.update(MeasureEntity, { id }, patch);
  }

  async lockMeasure(measureId: string): Promise<MeasureEntity | null> {
    return this.manager.findOne(MeasureEntity, {
      where: { id: measureId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Every measure of a campaign's problems, in one statement. */
  measuresOfCampaign(campaignId: string): Promise<MeasureEntity[]> {
    return this.manager
      .createQueryBuilder(MeasureEntity, 'm')
      .innerJoin(ProblemEntity, 'p', 'p.id = m.problem_id')
      .where('p.campaign_id = :campaignId', { campaignId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.sequence', 'ASC')
      .getMany();
  }

  async insertCloseout(record: ProblemCloseoutEntity): Promise<void> {
    await this.manager.insert(ProblemCloseoutEntity, record);
  }

  /**
   * What each problem's status follows from (its measures' status facts and its last close-out
   * record), in one statement and without loading the measures: a page of problems shows its
   * statuses for one query. domain/problem-status.ts derives the status from these facts.
   */
  async statusFactsByProblemIds(problemIds: readonly string[]): Promise<ProblemStatusFacts[]> {
    const measures = this.table(MeasureEntity);
    const closeouts = this.table(ProblemCloseoutEntity);
    return this.manager.query(
      `SELECT p.id AS "problemId",
              coalesce((SELECT json_agg(json_build_object('status', m.status, 'verification', m.verification,
                                                          'deadlineKind', m.deadline_kind))
                          FROM ${measures} m WHERE m.problem_id = p.id), '[]') AS measures,
              (SELECT c.kind FROM ${closeouts} c WHERE c.problem_id = p.id
                ORDER BY c.at DESC, c.id DESC LIMIT 1) AS "lastCloseout"
         FROM unnest($1::uuid[]) AS p(id)`,
      [problemIds],
    );
  }

  closeoutsByProblemIds(problemIds: readonly string[]): Promise<ProblemCloseoutEntity[]> {
    return this.manager.find(ProblemCloseoutEntity, {
      where: { problemId: In([...problemIds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  weeklyReportsOfCampaign(campaignId: string, from: string, to: string): Promise<WeeklyReportEntity[]> {
    return this.manager
      .createQueryBuilder(WeeklyReportEntity, 'r')
      .where('r.campaign_id = :campaignId', { campaignId })
      .andWhere('r.week_date BETWEEN :from AND :to', { from, to })
      .orderBy('r.week_date', 'ASC')
      .addOrderBy('r.agency_id', 'ASC')
      .getMany();
  }

  findWeeklyReport(
    campaignId: string,
    agencyId: string,
    weekDate: string,
  ): Promise<WeeklyReportEntity | null> {
    return this.manager.findOne(WeeklyReportEntity, {
      where: { campaignId, agencyId, weekDate },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insertWeeklyReport(report: WeeklyReportEntity): Promise<void> {
    await this.manager.insert(WeeklyReportEntity, report);
  }

  async reviseWeeklyReport(
    id: string,
    patch: Pick<WeeklyReportEntity, 'progress' | 'practices' | 'difficulties' | 'revisedAt'>,
  ): Promise<void> {
    await this.manager.update(WeeklyReportEntity, { id }, patch);
  }

  /** Campaigns with a weekly report schedule (a first reporting Wednesday). */
  campaignsWithWeeklyReports(): Promise<CampaignEntity[]> {
    return this.manager.find(CampaignEntity, {
      where: { weeklyReportsStartOn: Not(IsNull()) },
      order: { id: 'ASC' },
    });
  }

  /**
   * True when this call recorded the notice; false when one exists (a concurrent insert waits for
   * the other transaction and then skips), so only one caller goes on to send the event.
   */
  async insertOverdueNotice(notice: WeeklyReportOverdueNoticeEntity): Promise<boolean> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO ${this.table(WeeklyReportOverdueNoticeEntity)}
              (campaign_id, agency_id, week_date, due_at, detected_at, event_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [notice.campaignId, notice.agencyId, notice.weekDate, notice.dueAt, notice.detectedAt, notice.eventId],
    );
    return inserted.length > 0;
  }

  async upsertDisciplineFigures(figures: DisciplineFiguresEntity): Promise<void> {
    await this.manager.upsert(DisciplineFiguresEntity, figures, ['campaignId', 'asOf']);
  }

  /** The figures entered for the latest date on or before `asOf`. */
  latestDisciplineFigures(campaignId: string, asOf: string): Promise<DisciplineFiguresEntity | null> {
    return this.manager.findOne(DisciplineFiguresEntity, {
      where: { campaignId, asOf: LessThanOrEqual(asOf) },
      order: { asOf: 'DESC' },
    });
  }

  async insertAccountabilityRecord(record: AccountabilityRecordEntity): Promise<void> {
    await this.manager.insert(AccountabilityRecordEntity, record);
  }

  accountabilityByProblemIds(problemIds: readonly string[]): Promise<AccountabilityRecordEntity[]> {
    return this.manager.find(AccountabilityRecordEntity, {
      where: { problemId: In([...problemIds]) },
      order: { decidedOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  followUpPlansByMeasureIds(measureIds: readonly string[]): Promise<FollowUpPlanEntity[]> {
    return this.manager.find(FollowUpPlanEntity, { where: { measureId: In([...measureIds]) } });
  }

  /** Records a measure's follow-up plan, replacing the one it had. */
  async saveFollowUpPlan(plan: FollowUpPlanEntity): Promise<void> {
    await this.manager.upsert(FollowUpPlanEntity, plan, ['measureId']);
  }

  private table(
    entity:
      | typeof ProblemEntity
      | typeof MeasureEntity
      | typeof ProblemCloseoutEntity
      | typeof WeeklyReportOverdueNoticeEntity,
  ): string {
    const metadata = this.manager.connection.getMetadata(entity);
    return `"${metadata.schema}"."${metadata.tableName}"`;
  }
}
