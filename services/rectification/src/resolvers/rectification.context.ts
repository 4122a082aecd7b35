import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import type { BaseContext, SubgraphRuntime } from '@eco/subgraph';
import { AccountabilityService } from '../domain/accountability.service';
import { CampaignFiguresService } from '../domain/campaign-figures.service';
import { CampaignService } from '../domain/campaign.service';
import { FollowUpPlanService } from '../domain/follow-up-plan.service';
import { MeasureProgressService } from '../domain/measure-progress.service';
import { RectificationReportService } from '../domain/rectification-report.service';
import { RectificationService } from '../domain/rectification.service';
import { WeeklyReportService } from '../domain/weekly-report.service';
import { WeeklyRollupService } from '../domain/weekly-rollup.service';
import { CampaignFiguresStore } from '../persistence/campaign-figures.store';
import { RectificationStore } from '../persistence/rectification.store';
import { WeeklyRollupStore } from '../persistence/weekly-rollup.store';
import { createRectificationLoaders } from './rectification.loaders';
import type { RectificationLoaders } from './rectification.loaders';

export interface RectificationContext extends BaseContext {
  store: RectificationStore;
  /** The dashboard's counts, computed by the database. */
  figuresStore: CampaignFiguresStore;
  loaders: RectificationLoaders;
  service: RectificationService;
  progress: MeasureProgressService;
  followUpPlans: FollowUpPlanService;
  campaigns: CampaignService;
  weeklyReports: WeeklyReportService;
  reports: RectificationReportService;
  accountability: AccountabilityService;
  weeklyRollups: WeeklyRollupService;
  figures: CampaignFiguresService;
}

export function createRectificationContext(
  principal: Principal,
  runtime: SubgraphRuntime,
  reads: EntityManager,
): RectificationContext {
  const store = new RectificationStore(reads);
  const rollups = new WeeklyRollupStore(reads);
  return {
    principal,
    store,
    figuresStore: new CampaignFiguresStore(reads),
    loaders: createRectificationLoaders(store, rollups),
    service: new RectificationService(runtime, principal),
    progress: new MeasureProgressService(runtime, principal),
    followUpPlans: new FollowUpPlanService(runtime, principal),
    campaigns: new CampaignService(runtime, principal),
    weeklyReports: new WeeklyReportService(runtime, principal),
    reports: new RectificationReportService(principal),
    accountability: new AccountabilityService(runtime, principal),
    weeklyRollups: new WeeklyRollupService(principal, rollups),
    figures: new CampaignFiguresService(principal),
  };
}
