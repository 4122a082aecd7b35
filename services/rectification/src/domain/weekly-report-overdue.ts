import { randomUUID } from 'node:crypto';
import { localDateOf } from '@eco/calendar';
import { recordEvent, weeklyReportOverdueV1 } from '@eco/events';
import type { SubgraphRuntime } from '@eco/subgraph';
import { RectificationStore } from '../persistence/rectification.store';
import type { CampaignEntity } from '../persistence/campaign.entity';
import { departmentsOwing, obligationStatus, reportingWeeks } from './weekly-obligation';
import { rectificationCalendar } from './working-calendar';

/** Deadlines older than this are history, not news: a new deployment does not flood old weeks. */
export const OVERDUE_LOOKBACK_DAYS = 28;
const DAY_MS = 86_400_000;

export interface OverdueNotice {
  campaignId: string;
  agencyId: string;
  weekDate: string;
  dueAt: Date;
  eventId: string;
}

/**
 * 周报逾期: for each campaign, each department whose report for a week is MISSING at `now` (the
 * obligation rule of the weekly report queries) gets one `rectification.weekly-report.overdue.v1`.
 * The notice row and the outbox row commit together under a unique key, so a rerun, a restart or a
 * second replica sends nothing twice. Returns the notices this call sent.
 */
export async function noticeOverdueWeeklyReports(
  runtime: SubgraphRuntime,
  now: Date,
  lookbackDays = OVERDUE_LOOKBACK_DAYS,
): Promise<OverdueNotice[]> {
  const campaigns = await runtime.transaction('all', (manager) =>
    new RectificationStore(manager).campaignsWithWeeklyReports(),
  );
  const sent: OverdueNotice[] = [];
  // One transaction per campaign: a failing campaign does not hold back the others' notices.
  for (const campaign of campaigns) {
    try {
      sent.push(...(await noticeCampaign(runtime, campaign, now, lookbackDays)));
    } catch (error) {
      runtime.logger.error({ err: error, campaignId: campaign.id }, 'overdue weekly report check failed');
    }
  }
  return sent;
}

async function noticeCampaign(
  runtime: SubgraphRuntime,
  campaign: CampaignEntity,
  now: Date,
  lookbackDays: number,
): Promise<OverdueNotice[]> {
  const startOn = campaign.weeklyReportsStartOn!;
  const to = localDateOf(now);
  const earliest = localDateOf(now.getTime() - lookbackDays * DAY_MS);
  const from = earliest > startOn ? earliest : startOn;
  if (from > to) return [];
  const weeks = reportingWeeks(rectificationCalendar, startOn, from, to).filter(
    (w): w is typeof w & { dueAt: Date } => w.dueAt !== null && w.dueAt.getTime() < now.getTime(),
  );
  if (weeks.length === 0) return [];
  return runtime.transaction('all', async (manager) => {
    const store = new RectificationStore(manager);
    const [measures, reports] = await Promise.all([
      store.measuresOfCampaign(campaign.id),
      store.weeklyReportsOfCampaign(campaign.id, from, to),
    ]);
    const sent: OverdueNotice[] = [];
    for (const week of weeks) {
      for (const agencyId of departmentsOwing(measures, week.dueAt)) {
        const report = reports.find((r) => r.weekDate === week.weekDate && r.agencyId === agencyId);
        if (obligationStatus(week.dueAt, report?.submittedAt ?? null, now) !== 'MISSING') continue;
        const notice = { campaignId: campaign.id, agencyId, weekDate: week.weekDate, dueAt: week.dueAt };
        const eventId = randomUUID();
        if (!(await store.insertOverdueNotice({ ...notice, detectedAt: now, eventId }))) continue;
        await recordEvent(
          manager,
          weeklyReportOverdueV1,
          { ...notice, dueAt: week.dueAt.toISOString(), detectedAt: now.toISOString() },
          { producer: 'rectification', actor: null, eventId, occurredAt: now },
        );
        sent.push({ ...notice, eventId });
      }
    }
    return sent;
  });
}
