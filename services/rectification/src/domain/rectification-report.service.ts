import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { parseInput } from '@eco/subgraph';
import type { CampaignEntity } from '../persistence/campaign.entity';
import type { MeasureEntity } from '../persistence/measure.entity';
import type { ProblemEntity } from '../persistence/problem.entity';
import type { RectificationStore } from '../persistence/rectification.store';
import { canReadInternalReports } from './access-policy';
import { computeProgressNotice } from './progress-notice';
import type { ProgressNotice } from './progress-notice';
import { rectificationError, RectificationErrorCode } from './rectification.errors';

const uuid = z.string().uuid('must be an id');
const noticeSchema = z.object({
  campaignId: uuid,
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
});

/** The notice with the campaign it is about. */
export interface CampaignProgressNotice extends ProgressNotice {
  campaign: CampaignEntity;
}

/** One row of the ledger (台账): a measure with its problem's columns; a problem without measures has one. */
export interface LedgerRow {
  problem: ProblemEntity;
  measure: MeasureEntity | null;
  /** 序号 on the problem's first row only, as the seed's table prints it. */
  firstOfProblem: boolean;
}

/** 序号 as the seed writes it: our number and the source's, 1 (21). */
export function displayNumberOf(problem: Pick<ProblemEntity, 'number' | 'sourceNumber'>): string {
  return problem.sourceNumber && problem.sourceNumber !== problem.number
    ? `${problem.number} (${problem.sourceNumber})`
    : problem.number;
}

const byNumber = (a: ProblemEntity, b: ProblemEntity) =>
  a.number.localeCompare(b.number, 'zh', { numeric: true }) || a.openedAt.getTime() - b.openedAt.getTime();

/** The office's read-outs: the ledger (台账) and the public progress notice. Internal only. */
export class RectificationReportService {
  constructor(private readonly principal: Principal) {}

  /** Seed 003 annex 1 columns, one row per measure; three statements whatever the size. */
  async ledger(store: RectificationStore, campaignId: string): Promise<LedgerRow[]> {
    this.assertInternal();
    await this.assertCampaign(store, campaignId);
    const problems = (await store.listProblemsOfCampaigns([campaignId])).sort(byNumber);
    const measures = problems.length ? await store.measuresByProblemIds(problems.map((p) => p.id)) : [];
    return problems.flatMap((problem): LedgerRow[] => {
      const own = measures.filter((m) => m.problemId === problem.id);
      if (own.length === 0) return [{ problem, measure: null, firstOfProblem: true }];
      return own.map((measure, i) => ({ problem, measure, firstOfProblem: i === 0 }));
    });
  }

  /**
   * Seed 004: N problems and M measures as of a date, completed of each, and the discipline
   * figures, with the campaign (its name and source kind word the notice's text).
   */
  async progressNotice(store: RectificationStore, rawInput: unknown): Promise<CampaignProgressNotice> {
    this.assertInternal();
    const input = parseInput(noticeSchema, rawInput, RectificationErrorCode.InvalidInput);
    const campaign = await this.assertCampaign(store, input.campaignId);
    const [problems, measures, figures] = await Promise.all([
      store.listProblemsOfCampaigns([input.campaignId]),
      store.measuresOfCampaign(input.campaignId),
      store.latestDisciplineFigures(input.campaignId, input.asOf),
    ]);
    return { ...computeProgressNotice(input.asOf, problems, measures, figures), campaign };
  }

  private async assertCampaign(store: RectificationStore, campaignId: string): Promise<CampaignEntity> {
    const [campaign] = await store.campaignsByIds([campaignId]);
    if (!campaign) throw rectificationError(RectificationErrorCode.CampaignNotFound, 'no such campaign');
    return campaign;
  }

  private assertInternal(): void {
    if (!canReadInternalReports(this.principal)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        'the ledger and notice are internal to the bureau',
      );
    }
  }
}
