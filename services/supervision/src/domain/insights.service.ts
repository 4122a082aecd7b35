import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import { parseInput } from '@eco/subgraph';
import { DirectLineStore } from '../persistence/direct-line.store';
import { EscalationStore } from '../persistence/escalation.store';
import type { MonthlyReportEntity } from '../persistence/monthly-report.entity';
import { ReportingStore } from '../persistence/reporting.store';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { SupervisionStore } from '../persistence/supervision.store';
import { WorkflowStore } from '../persistence/workflow.store';
import { canReadInternal } from './access-policy';
import { computeAssessmentScore } from './assessment-score';
import type { AssessmentScore, ScoredItem } from './assessment-score';
import { isInTaskBook } from './categories';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { directLineClocks } from './direct-line-clocks';
import { itemObligations } from './item-obligations';
import { effectiveLights } from './lights';
import { meetingSlots } from './progress-meetings';
import { buildMonthlyReport, buildQuarterlyReport, monthWindow, quarterWindow } from './quarterly-report';
import type {
  MonthlySupervisionReport,
  QuarterFacts,
  QuarterlyReport,
  ReportWindow,
} from './quarterly-report';
import { Schedules } from './reporting-facts';
import { supervisionError, SupervisionErrorCode } from './supervision.errors';
import { supervisionCalendar } from './working-calendar';
import { uuid } from './input-schemas';

const INVALID = SupervisionErrorCode.InvalidInput;
const year = z.number().int().min(2000).max(2100);
const scoreSchema = z.object({ departmentId: uuid, year, asOf: z.date().nullish() });
const monthSchema = z.object({ year, month: z.number().int().min(1).max(12) });
const quarterSchema = z.object({
  year,
  month: z
    .number()
    .int()
    .refine((m) => [2, 5, 8, 11].includes(m), 'February, May, August or November'),
});

/** The report as it stood at an instant: its revision if made by then, else as first received. */
const sectionsAsOf = (report: MonthlyReportEntity, asOf: Date) =>
  report.revisedAt && report.revisedAt.getTime() <= asOf.getTime() ? report.sections : report.firstSections;

/** Read models computed from the stored facts: task book, assessment score, quarterly report, meetings. */
export class InsightsService {
  constructor(
    private readonly reads: EntityManager,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  private assertInternal(): void {
    if (!canReadInternal(this.principal)) {
      throw supervisionError(
        SupervisionErrorCode.Forbidden,
        'supervision reports are internal to the bureau',
      );
    }
  }

  /**
   * 年度工作任务书: each department's planned items of the year (goal, measures, responsible person,
   * milestones via the item), merged into the bureau's book in department order.
   */
  async taskBook(
    forYear: number,
    departmentId: string | null,
  ): Promise<{
    year: number;
    departments: { departmentId: string | null; items: SupervisionItemEntity[] }[];
  }> {
    this.assertInternal();
    parseInput(z.object({ year, departmentId: uuid.nullish() }), { year: forYear, departmentId }, INVALID);
    const items = (await new SupervisionStore(this.reads).listItems({ year: forYear, departmentId })).filter(
      (i) => isInTaskBook(i.category),
    );
    const departments = [...new Set(items.map((i) => i.responsibleDepartmentId))].sort((a, b) =>
      (a ?? '').localeCompare(b ?? ''),
    );
    return {
      year: forYear,
      departments: departments.map((d) => ({
        departmentId: d,
        items: items
          .filter((i) => i.responsibleDepartmentId === d)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
      })),
    };
  }

  /** Annex 5's score of one department for one year, with every input it used. */
  async assessmentScore(rawInput: unknown): Promise<AssessmentScore> {
    this.assertInternal();
    const input = parseInput(scoreSchema, rawInput, INVALID);
    return (await this.scores(input.year, [input.departmentId], input.asOf ?? null))[0]!;
  }

  /** Every department with items in the year, scored together (a fixed number of statements). */
  async assessmentScores(forYear: number, asOf: Date | null): Promise<AssessmentScore[]> {
    this.assertInternal();
    parseInput(z.object({ year }), { year: forYear }, INVALID);
    const items = await new SupervisionStore(this.reads).listItems({ year: forYear });
    const departments = [
      ...new Set(items.map((i) => i.responsibleDepartmentId).filter((d): d is string => !!d)),
    ].sort();
    return this.scores(forYear, departments, asOf);
  }

  private async scores(
    forYear: number,
    departmentIds: string[],
    asOfInput: Date | null,
  ): Promise<AssessmentScore[]> {
    const asOf = asOfInput ?? this.clock();
    const store = new SupervisionStore(this.reads);
    const reporting = new ReportingStore(this.reads);
    const items = (await store.listItems({ year: forYear })).filter(
      (i) => i.responsibleDepartmentId !== null && departmentIds.includes(i.responsibleDepartmentId),
    );
    const ids = items.map((i) => i.id);
    const [milestones, records, reports, scheduleRows] = await Promise.all([
      ids.length ? store.milestonesByItemIds(ids) : [],
      ids.length ? reporting.lightRecordsByItemIds(ids) : [],
      ids.length ? reporting.reportsByItemIds(ids) : [],
      reporting.schedules(),
    ]);
    const schedules = new Schedules(scheduleRows);
    const received = reports.filter((r) => r.submittedAt.getTime() <= asOf.getTime());
    return departmentIds.map((departmentId) => {
      const own = items.filter((i) => i.responsibleDepartmentId === departmentId);
      const scored: ScoredItem[] = own.map((item) => {
        const inYear = received.filter((r) => r.itemId === item.id && r.period.startsWith(String(forYear)));
        const withPercent = inYear.filter((r) => sectionsAsOf(r, asOf).cumulativePercent !== null);
        const last = withPercent[withPercent.length - 1];
        return {
          id: item.id,
          title: item.title,
          category: item.category,
          goal: item.goal,
          measures: item.measures,
          responsiblePersonId: item.responsiblePersonId,
          milestones: milestones.filter((m) => m.itemId === item.id),
          lights: effectiveLights(
            records.filter((r) => r.itemId === item.id),
            asOf,
          ).filter((l) => l.period.startsWith(String(forYear))),
          lastCumulativePercent: last ? sectionsAsOf(last, asOf).cumulativePercent : null,
        };
      });
      const obligations = own.flatMap((item) =>
        itemObligations(item, schedules, received, asOf, { from: `${forYear}-01`, to: `${forYear}-12` }).map(
          (o) => ({
            itemId: o.itemId,
            period: o.period,
            dueAt: o.dueAt,
            submittedAt: o.report?.submittedAt ?? null,
          }),
        ),
      );
      return computeAssessmentScore({ departmentId, year: forYear, asOf, items: scored, obligations });
    });
  }

  /** 季度督查情况报告, generated from the data as it stands now. */
  async quarterlyReport(rawInput: unknown): Promise<QuarterlyReport> {
    this.assertInternal();
    const input = parseInput(quarterSchema, rawInput, INVALID);
    const window = quarterWindow(supervisionCalendar, input.year, input.month);
    return buildQuarterlyReport(window, await this.periodFacts(window, this.clock()));
  }

  /**
   * 月度督查情况报告: the month's figures, like a quarter's, from the facts as of the month's end (or
   * now, while it runs), so a past month's report reads the same whenever it is asked for.
   */
  async monthlyReport(rawInput: unknown): Promise<MonthlySupervisionReport> {
    this.assertInternal();
    const input = parseInput(monthSchema, rawInput, INVALID);
    const window = monthWindow(input.year, input.month, this.clock());
    return buildMonthlyReport(window, await this.periodFacts(window, window.asOf));
  }

  /** Everything a period report sums up, as of `now` (lights as shown at the window's end). */
  private async periodFacts(
    window: ReportWindow & { coversFrom?: string },
    now: Date,
  ): Promise<QuarterFacts> {
    const store = new SupervisionStore(this.reads);
    const reporting = new ReportingStore(this.reads);
    const items = await store.listItems({});
    const ids = items.map((i) => i.id);
    const [records, reports, scheduleRows, escalations, directLine] = await Promise.all([
      ids.length ? reporting.lightRecordsByItemIds(ids) : [],
      ids.length ? reporting.reportsByItemIds(ids) : [],
      reporting.schedules(),
      ids.length ? new EscalationStore(this.reads).escalationsByItemIds(ids) : [],
      new DirectLineStore(this.reads).listItems({}),
    ]);
    const schedules = new Schedules(scheduleRows);
    const asOfEnd = new Date(Math.min(window.endsAt.getTime() - 1, now.getTime()));
    const received = reports.filter((r) => r.submittedAt.getTime() <= now.getTime());
    const range = { from: window.coversFrom ?? window.coversTo, to: window.coversTo };
    return {
      now,
      items: items.map((i) => ({
        id: i.id,
        title: i.title,
        category: i.category,
        departmentId: i.responsibleDepartmentId,
        createdAt: i.createdAt,
        closedAt: i.closedAt,
        lights: effectiveLights(
          records.filter((r) => r.itemId === i.id),
          asOfEnd,
        ),
      })),
      obligations: items.flatMap((item) =>
        itemObligations(item, schedules, received, now, range).map((o) => ({
          itemId: o.itemId,
          dueAt: o.dueAt,
          submittedAt: o.report?.submittedAt ?? null,
          overLimit: (o.report?.overLimitFields.length ?? 0) > 0,
        })),
      ),
      escalations,
      directLine: directLine.map((d) => ({
        raisedAt: d.raisedAt,
        status: d.status,
        breached: directLineClocks(d, now).breached,
      })),
    };
  }

  async meetings(forYear: number) {
    this.assertInternal();
    parseInput(z.object({ year }), { year: forYear }, INVALID);
    const meetings = await new WorkflowStore(this.reads).meetingsBetween(
      `${forYear}-01-01`,
      `${forYear}-12-31`,
    );
    return meetingSlots(forYear, meetings);
  }
}
