import type { Principal } from '@eco/auth';
import { pageSize } from '@eco/subgraph';
import type {
  CampaignFiguresStore,
  FigureScope,
  MeasureCountRow,
  MeasureWeekCountRow,
  ProblemCountRow,
} from '../persistence/campaign-figures.store';
import type { MeasureEntity } from '../persistence/measure.entity';
import { partnerAgencyOf } from './access-policy';
import { systemClock } from './transaction';
import type { Clock } from './transaction';

/** Rows a due-list answers at most. */
export const MAX_DUE_LISTED = 100;

/**
 * A campaign's figures for the dashboard, counted by the database instead of sent row by row:
 * problems and measures per department and status, the completion chart's weeks and the measures
 * falling due. Each counts exactly what `problems(campaignId)` shows the caller (a partner agency:
 * the problems it is named on and its own measures of them), so a figure never reveals a row the
 * caller could not list.
 */
export class CampaignFiguresService {
  constructor(
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  private scope(campaignId: string): FigureScope {
    return { campaignId, visibleTo: partnerAgencyOf(this.principal) };
  }

  problemCounts(store: CampaignFiguresStore, campaignId: string): Promise<ProblemCountRow[]> {
    return store.problemCounts(this.scope(campaignId));
  }

  measureCounts(
    store: CampaignFiguresStore,
    campaignId: string,
    asOf: Date | null,
  ): Promise<MeasureCountRow[]> {
    return store.measureCounts(this.scope(campaignId), asOf ?? this.clock());
  }

  measureWeekCounts(store: CampaignFiguresStore, campaignId: string): Promise<MeasureWeekCountRow[]> {
    return store.measureWeekCounts(this.scope(campaignId));
  }

  /** Unfinished measures due in [dueFrom, dueBefore), earliest first; `first` 1–100, default 20. */
  measuresDue(
    store: CampaignFiguresStore,
    args: { campaignId: string; dueFrom: Date | null; dueBefore: Date; first: number | null },
  ): Promise<MeasureEntity[]> {
    const limit = pageSize(args.first, MAX_DUE_LISTED);
    return store.measuresDue(
      this.scope(args.campaignId),
      { from: args.dueFrom, before: args.dueBefore },
      limit,
    );
  }
}
