import { localDateOf } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';
import type { CampaignEntity } from '../persistence/campaign.entity';
import type { MeasureEntity } from '../persistence/measure.entity';
import { campaignDeadlines } from './campaign-deadlines';

/** The campaign's report deadline (整改情况报告, 2 months after the report), or null before the report date is known. */
export function reportDeadlineOf(
  calendar: WorkingCalendar,
  campaign: Pick<CampaignEntity, 'sourceKind' | 'reportReceivedOn'> | null,
): { dueAt: Date; dueOn: string } | null {
  if (!campaign) return null;
  const report = campaignDeadlines(calendar, campaign).find((d) => d.kind === 'REPORT');
  return report ? { dueAt: report.dueAt, dueOn: localDateOf(report.dueAt) } : null;
}

/**
 * Seed 002 §2: an item unfinished when the report deadline has passed needs a follow-up plan with a
 * timetable and a route. True while such a measure has none. Long-term measures (长期坚持) have no
 * end and are never "unfinished at the deadline"; completed ones need nothing; a campaign without a
 * report date has no deadline yet.
 */
export function isFollowUpPlanRequired(args: {
  measure: Pick<MeasureEntity, 'status' | 'deadlineKind'>;
  reportDueAt: Date | null;
  hasPlan: boolean;
  now: Date;
}): boolean {
  const { measure, reportDueAt, hasPlan, now } = args;
  if (hasPlan || reportDueAt === null) return false;
  if (measure.status === 'COMPLETED' || measure.deadlineKind === 'LONG_TERM') return false;
  return now.getTime() > reportDueAt.getTime();
}
