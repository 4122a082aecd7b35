import { randomUUID } from 'node:crypto';
import { recordEvent, supervisionReportOverdueV1 } from '@eco/events';
import type { SubgraphRuntime } from '@eco/subgraph';
import { ReportingStore } from '../persistence/reporting.store';
import { SupervisionStore } from '../persistence/supervision.store';
import { itemObligations } from './item-obligations';
import { periodOf } from './periods';
import { Schedules } from './reporting-facts';

/** Deadlines older than this are history, not news: a new deployment does not flood old months. */
export const OVERDUE_LOOKBACK_DAYS = 40;
const DAY_MS = 86_400_000;

export interface ReportOverdueNotice {
  itemId: string;
  period: string;
  dueAt: Date;
  eventId: string;
}

/**
 * 报送滞后: every monthly report MISSING at `now` (its deadline passed, nothing received) gets one
 * `supervision.report.overdue.v1`. The notice row and the outbox row commit together under the
 * (item, period) key, so a rerun, a restart or a second replica sends nothing twice.
 */
export async function noticeOverdueReports(
  runtime: SubgraphRuntime,
  now: Date,
  lookbackDays = OVERDUE_LOOKBACK_DAYS,
): Promise<ReportOverdueNotice[]> {
  const since = new Date(now.getTime() - lookbackDays * DAY_MS);
  return runtime.transaction('all', async (manager) => {
    const store = new SupervisionStore(manager);
    const reporting = new ReportingStore(manager);
    const items = (await store.listItems({})).filter(
      (i) => i.status === 'OPEN' || (i.closedAt !== null && i.closedAt.getTime() > since.getTime()),
    );
    if (items.length === 0) return [];
    const ids = items.map((i) => i.id);
    const [scheduleRows, reports] = await Promise.all([
      reporting.schedules(),
      reporting.reportsByItemIds(ids),
    ]);
    const schedules = new Schedules(scheduleRows);
    const range = { from: periodOf(since), to: periodOf(now) };
    const sent: ReportOverdueNotice[] = [];
    for (const item of items) {
      for (const owed of itemObligations(item, schedules, reports, now, range)) {
        if (owed.status !== 'MISSING' || owed.dueAt.getTime() < since.getTime()) continue;
        const eventId = randomUUID();
        const notice = { itemId: item.id, period: owed.period, dueAt: owed.dueAt };
        if (!(await reporting.insertOverdueNotice({ ...notice, detectedAt: now, eventId }))) continue;
        await recordEvent(
          manager,
          supervisionReportOverdueV1,
          {
            itemId: item.id,
            title: item.title,
            period: owed.period,
            departmentId: item.responsibleDepartmentId,
            dueAt: owed.dueAt.toISOString(),
            detectedAt: now.toISOString(),
          },
          { producer: 'supervision', actor: null, eventId, occurredAt: now },
        );
        sent.push({ ...notice, eventId });
      }
    }
    return sent;
  });
}
