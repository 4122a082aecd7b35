import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { recordEvent, weeklyReportSubmittedV1 } from '@eco/events';
import { parseInput } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { CampaignFiguresStore } from '../persistence/campaign-figures.store';
import type { CampaignEntity } from '../persistence/campaign.entity';
import type { RectificationStore } from '../persistence/rectification.store';
import type { WeeklyReportEntity } from '../persistence/weekly-report.entity';
import { canActForDepartment, canReadInternalReports } from './access-policy';
import { actorOf } from './actor';
import { rectificationError, RectificationErrorCode } from './rectification.errors';
import { inTransaction, systemClock } from './transaction';
import type { Clock } from './transaction';
import { departmentsOwing, obligationStatus, reportingWeeks } from './weekly-obligation';
import type { ObligationStatus } from './weekly-obligation';
import { rectificationCalendar } from './working-calendar';

const uuid = z.string().uuid('must be an id');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * Seed 003 annex 2: (1) progress on each item, about 300 characters, required (up to 600 taken);
 * (2) practices worth sharing, at most 500, required; (3) difficulties and suggestions, optional.
 */
const submitWeeklyReportSchema = z.object({
  campaignId: uuid,
  agencyId: uuid.nullish(),
  weekDate: isoDate,
  progress: z
    .string()
    .trim()
    .min(1, 'progress is required')
    .max(600, 'progress is about 300 characters, at most 600'),
  practices: z
    .string()
    .trim()
    .min(1, 'practices are required')
    .max(500, 'practices are at most 500 characters'),
  difficulties: z.string().trim().max(2_000).nullish(),
});

const weekRangeSchema = z
  .object({
    campaignId: uuid,
    from: isoDate,
    to: isoDate,
    agencyId: uuid.nullish(),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'to is before from' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, {
    path: ['to'],
    message: 'at most 400 days at once',
  });

export interface WeeklyObligation {
  agencyId: string;
  dueAt: Date;
  status: ObligationStatus;
  report: WeeklyReportEntity | null;
}

/** A reporting Wednesday with its obligations counted by status (counted by the database). */
export interface WeeklyReportWeekCounts {
  weekDate: string;
  dueAt: Date | null;
  holidayName: string | null;
  obligations: { status: ObligationStatus; count: number }[];
}

export interface WeeklyReportWeek {
  campaignId: string;
  weekDate: string;
  dueAt: Date | null;
  holidayName: string | null;
  obligations: WeeklyObligation[];
  /** The merged bureau report: every department's sections that week. */
  reports: WeeklyReportEntity[];
}

/** 周报: departments with open items report each Wednesday before 15:00, holidays excepted. */
export class WeeklyReportService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  async submitWeeklyReport(rawInput: unknown): Promise<WeeklyReportEntity> {
    const input = parseInput(submitWeeklyReportSchema, rawInput, RectificationErrorCode.InvalidInput);
    const agencyId = input.agencyId ?? this.principal.agencyId;
    if (!canActForDepartment(this.principal, agencyId)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        'only the department itself or the rectification office may submit its weekly report',
      );
    }
    return inTransaction(this.runtime, async (manager, store) => {
      const campaign = await this.campaign(store, input.campaignId);
      const [week] = reportingWeeks(
        rectificationCalendar,
        campaign.weeklyReportsStartOn!,
        input.weekDate,
        input.weekDate,
      );
      if (!week || !week.dueAt) {
        throw rectificationError(
          RectificationErrorCode.WeeklyReportWeekInvalid,
          'no weekly report is due that day',
          [
            {
              field: 'weekDate',
              message: week?.holidayName
                ? `${input.weekDate} is a holiday (${week.holidayName}); no report that week`
                : `not a reporting Wednesday of this campaign (from ${campaign.weeklyReportsStartOn})`,
            },
          ],
        );
      }
      const now = this.clock();
      const existing = await store.findWeeklyReport(campaign.id, agencyId, week.weekDate);
      const sections = {
        progress: input.progress,
        practices: input.practices,
        difficulties: input.difficulties ?? null,
      };
      let id: string;
      if (existing) {
        id = existing.id;
        await store.reviseWeeklyReport(id, { ...sections, revisedAt: now });
      } else {
        id = randomUUID();
        await store.insertWeeklyReport({
          ...sections,
          id,
          campaignId: campaign.id,
          agencyId,
          weekDate: week.weekDate,
          dueAt: week.dueAt,
          submittedByPersonId: this.principal.personId,
          submittedByName: this.principal.name,
          submittedAt: now,
          revisedAt: null,
        });
      }
      const submittedAt = existing?.submittedAt ?? now;
      await recordEvent(
        manager,
        weeklyReportSubmittedV1,
        {
          reportId: id,
          campaignId: campaign.id,
          agencyId,
          weekDate: week.weekDate,
          dueAt: week.dueAt.toISOString(),
          submittedAt: submittedAt.toISOString(),
          onTime: submittedAt.getTime() <= week.dueAt.getTime(),
        },
        { producer: 'rectification', actor: actorOf(this.principal), occurredAt: now },
      );
      return (await store.findWeeklyReport(campaign.id, agencyId, week.weekDate))!;
    });
  }

  /**
   * Each reporting week from `from` to `to` with who owes a report and its status as of `asOf`
   * (default now), and the reports received: the office's merged bureau report per week.
   */
  async weeks(store: RectificationStore, rawInput: unknown, asOf: Date | null): Promise<WeeklyReportWeek[]> {
    this.assertInternal();
    const input = parseInput(weekRangeSchema, rawInput, RectificationErrorCode.InvalidInput);
    const campaign = await this.campaign(store, input.campaignId);
    const now = asOf ?? this.clock();
    const [measures, reports] = await Promise.all([
      store.measuresOfCampaign(campaign.id),
      store.weeklyReportsOfCampaign(campaign.id, input.from, input.to),
    ]);
    return reportingWeeks(rectificationCalendar, campaign.weeklyReportsStartOn!, input.from, input.to).map(
      (week) => {
        const received = reports.filter(
          (r) => r.weekDate === week.weekDate && (!input.agencyId || r.agencyId === input.agencyId),
        );
        if (!week.dueAt) return { ...week, campaignId: campaign.id, obligations: [], reports: received };
        const dueAt = week.dueAt;
        const agencies = new Set([...departmentsOwing(measures, dueAt), ...received.map((r) => r.agencyId)]);
        const obligations = [...agencies]
          .filter((agencyId) => !input.agencyId || agencyId === input.agencyId)
          .sort()
          .map((agencyId) => {
            const report = received.find((r) => r.agencyId === agencyId) ?? null;
            return {
              agencyId,
              dueAt,
              status: obligationStatus(dueAt, report?.submittedAt ?? null, now),
              report,
            };
          });
        return { ...week, campaignId: campaign.id, obligations, reports: received };
      },
    );
  }

  /**
   * The same weeks as `weeks`, each with its obligations counted by status in one statement
   * instead of listed department by department (the overview's figures). A campaign without
   * weekly reports has no reporting weeks: none (where `weeks` refuses it).
   */
  async weekCounts(
    store: RectificationStore,
    figures: CampaignFiguresStore,
    rawInput: unknown,
    asOf: Date | null,
  ): Promise<WeeklyReportWeekCounts[]> {
    this.assertInternal();
    const input = parseInput(weekRangeSchema, rawInput, RectificationErrorCode.InvalidInput);
    const campaign = await this.existingCampaign(store, input.campaignId);
    if (!campaign.weeklyReportsStartOn) return [];
    const weeks = reportingWeeks(rectificationCalendar, campaign.weeklyReportsStartOn, input.from, input.to);
    const deadlines = weeks.flatMap((w) => (w.dueAt ? [{ weekDate: w.weekDate, dueAt: w.dueAt }] : []));
    const counts = await figures.weeklyReportCounts(campaign.id, deadlines, asOf ?? this.clock());
    return weeks.map((week) => ({
      ...week,
      obligations: counts
        .filter((c) => c.weekDate === week.weekDate)
        .map(({ status, count }) => ({ status, count })),
    }));
  }

  private assertInternal(): void {
    if (!canReadInternalReports(this.principal)) {
      throw rectificationError(RectificationErrorCode.Forbidden, 'weekly reports are internal to the bureau');
    }
  }

  private async existingCampaign(store: RectificationStore, campaignId: string): Promise<CampaignEntity> {
    const [campaign] = await store.campaignsByIds([campaignId]);
    if (!campaign) {
      throw rectificationError(RectificationErrorCode.CampaignNotFound, 'no such campaign', [
        { field: 'campaignId', message: 'not found' },
      ]);
    }
    return campaign;
  }

  private async campaign(store: RectificationStore, campaignId: string): Promise<CampaignEntity> {
    const campaign = await this.existingCampaign(store, campaignId);
    if (!campaign.weeklyReportsStartOn) {
      throw rectificationError(
        RectificationErrorCode.WeeklyReportsNotScheduled,
        'this campaign has no weekly reports (no first reporting Wednesday set)',
      );
    }
    return campaign;
  }
}
