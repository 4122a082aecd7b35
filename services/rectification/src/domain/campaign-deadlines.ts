import { explainDeadline, shanghaiInstant } from '@eco/calendar';
import type { DeadlineRule, WorkingCalendar } from '@eco/calendar';
import type { CampaignEntity } from '../persistence/campaign.entity';

export interface CampaignDeadline {
  kind: 'PLAN' | 'REPORT';
  dueAt: Date;
  explanationZh: string;
  explanationEn: string;
  provisional: boolean;
}

/**
 * Seed 002 §二(三): an inspected unit sends its plan within two weeks of receiving the report, an
 * audited unit within 15 working days; both send the rectification report within two months.
 */
export function campaignDeadlineRules(sourceKind: CampaignEntity['sourceKind']): {
  plan: DeadlineRule;
  report: DeadlineRule;
} {
  return {
    plan:
      sourceKind === 'AUDIT'
        ? { kind: 'working-days', days: 15, endOfDay: true }
        : { kind: 'calendar-period', unit: 'week', amount: 2 },
    report: { kind: 'calendar-period', unit: 'month', amount: 2 },
  };
}

/**
 * The plan and report deadlines of a campaign whose report-received date is known. Counting runs
 * from the close of the receiving day, so the day of receipt itself is not one of the 15 working days.
 */
export function campaignDeadlines(
  calendar: WorkingCalendar,
  campaign: Pick<CampaignEntity, 'sourceKind' | 'reportReceivedOn'>,
): CampaignDeadline[] {
  if (!campaign.reportReceivedOn) return [];
  const anchor = shanghaiInstant(campaign.reportReceivedOn, calendar.dateDeadlineTime);
  const rules = campaignDeadlineRules(campaign.sourceKind);
  return (['PLAN', 'REPORT'] as const).map((kind) => {
    const explanation = explainDeadline(calendar, kind === 'PLAN' ? rules.plan : rules.report, anchor);
    return {
      kind,
      dueAt: explanation.dueAt!,
      explanationZh: explanation.text.zh,
      explanationEn: explanation.text.en,
      provisional: explanation.provisional,
    };
  });
}
