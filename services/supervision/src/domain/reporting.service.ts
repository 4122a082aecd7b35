import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import { localDateOf, shanghaiInstant } from '@eco/calendar';
import { parseInput, rowScopeOf, updateAtVersion } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { LightRecordEntity } from '../persistence/light-record.entity';
import { MonthlyReportEntity } from '../persistence/monthly-report.entity';
import { ReportingScheduleEntity } from '../persistence/reporting-schedule.entity';
import { ReportingStore } from '../persistence/reporting.store';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { SupervisionStore } from '../persistence/supervision.store';
import { canActForItem, isSupervisionOffice } from './access-policy';
import { actorOf } from './actor';
import { platformOf, SUPERVISION_CATEGORIES } from './categories';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { expectedVersion, isoDate, period, uuid } from './input-schemas';
import { evaluateEscalation, recordLight } from './item-monitoring';
import { LIGHTS } from './lights';
import { addMonths, periodOf } from './periods';
import type { Period } from './periods';
import { lightFromPlan } from './plan-light';
import { owedPeriods } from './report-obligations';
import { checkReport, templateOf } from './report-templates';
import type { ReportSections } from './report-templates';
import { Schedules } from './reporting-facts';
import { openItem } from './supervision.service';
import { notFound, supervisionError, SupervisionErrorCode } from './supervision.errors';

const INVALID = SupervisionErrorCode.InvalidInput;
/** A hard cap on any one section: beyond a template's limit is 超限 (counted), beyond this is bad input. */
const SECTION_MAX = 5_000;
const section = z.string().trim().max(SECTION_MAX, `at most ${SECTION_MAX} characters`).nullish();

const submitReportSchema = z.object({
  itemId: uuid,
  period,
  expectedVersion,
  progress: section,
  difficulties: section,
  nextSteps: z
    .array(z.object({ text: z.string().trim().min(1).max(SECTION_MAX), dueOn: isoDate.nullish() }))
    .max(30)
    .nullish(),
  permits: section,
  thisMonth: section,
  nextMonth: section,
  notes: section,
  cumulativePercent: z.number().min(0).max(100).nullish(),
});

const setScheduleSchema = z.object({
  category: z.enum(SUPERVISION_CATEGORIES),
  /** Up to the 28th, so every month has the day. */
  dayOfMonth: z.number().int().min(1).max(28),
  expectedVersion,
});

const recordLightSchema = z.object({
  itemId: uuid,
  period,
  light: z.enum(LIGHTS),
  /** PLATFORM: copied from the district platform; OFFICER: the General Office's own judgement. */
  source: z.enum(['PLATFORM', 'OFFICER']),
  note: z.string().trim().max(1000).nullish(),
});

const computeLightSchema = z.object({ itemId: uuid, period });

const blank = (value: string | null | undefined) => (value ? value : null);

/** Monthly reports, reporting schedules and lights. */
export class ReportingService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.runtime.transaction(rowScopeOf(this.principal), work);
  }

  /** The office sets a category's reporting day (annex 6: the nodes follow the higher authority's). */
  async setSchedule(rawInput: unknown): Promise<ReportingScheduleEntity> {
    const input = parseInput(setScheduleSchema, rawInput, INVALID);
    if (!isSupervisionOffice(this.principal)) {
      throw supervisionError(SupervisionErrorCode.Forbidden, "reporting schedules are the General Office's");
    }
    return this.write(async (manager) => {
      const store = new ReportingStore(manager);
      const existing = await store.scheduleOf(input.category);
      const changes = {
        dayOfMonth: input.dayOfMonth,
        updatedBy: this.principal.personId,
        updatedAt: this.clock(),
      };
      if (!existing) {
        if (input.expectedVersion) {
          throw notFound(SupervisionErrorCode.ReportingScheduleNotFound, 'category', 'configured schedule');
        }
        await store.insertSchedule({ id: randomUUID(), category: input.category, ...changes });
        return (await store.scheduleOf(input.category))!;
      }
      return updateAtVersion(
        manager,
        ReportingScheduleEntity,
        existing.id,
        input.expectedVersion ?? existing.version,
        changes,
        SupervisionErrorCode.ReportingScheduleNotFound,
      );
    });
  }

  /**
   * A department's monthly report on its item (annex 1 / 2 templates). Missing sections are refused;
   * sections over the template's limits are taken and the report counts as 超限. Judged on the
   * first submission: a revision (with expectedVersion) changes the text, not the lateness or the
   * over-limit count. An item off the platforms gets its light computed from its plan.
   */
  async submitReport(rawInput: unknown): Promise<MonthlyReportEntity> {
    const input = parseInput(submitReportSchema, rawInput, INVALID);
    const now = this.clock();
    return this.write(async (manager) => {
      const items = new SupervisionStore(manager);
      const item = await openItem(items, input.itemId);
      if (!canActForItem(this.principal, item)) {
        throw supervisionError(SupervisionErrorCode.Forbidden, "only the item's department reports on it");
      }
      const reporting = new ReportingStore(manager);
      const schedules = new Schedules(await reporting.schedules());
      const owed = this.owedPeriod(item, schedules, input.period, now);
      const sections: ReportSections = {
        progress: blank(input.progress),
        difficulties: blank(input.difficulties),
        nextSteps: (input.nextSteps ?? []).map((s) => ({ text: s.text, dueOn: s.dueOn ?? null })),
        permits: blank(input.permits),
        thisMonth: blank(input.thisMonth),
        nextMonth: blank(input.nextMonth),
        notes: blank(input.notes),
        cumulativePercent: input.cumulativePercent ?? null,
      };
      const template = templateOf(item.category);
      const check = checkReport(template, sections);
      if (check.fieldErrors.length > 0) {
        throw supervisionError(
          INVALID,
          `the report does not fill the ${template} template`,
          check.fieldErrors,
        );
      }
      const existing = await reporting.findReport(item.id, input.period);
      let report: MonthlyReportEntity;
      if (existing) {
        report = await updateAtVersion(
          manager,
          MonthlyReportEntity,
          existing.id,
          input.expectedVersion ?? existing.version,
          { sections, revisedAt: now },
          SupervisionErrorCode.MonthlyReportNotFound,
        );
      } else {
        const id = randomUUID();
        await reporting.insertReport({
          id,
          itemId: item.id,
          period: input.period,
          template,
          sections,
          firstSections: sections,
          overLimitFields: check.overLimit.map((o) => o.field),
          dueAt: owed.dueAt,
          submittedAt: now,
          submittedByPersonId: this.principal.personId,
          submittedByName: this.principal.name,
          revisedAt: null,
        });
        report = (await reporting.findReport(item.id, input.period))!;
      }
      const computed =
        platformOf(item.category) === null &&
        (await this.computeFromPlan(manager, item, input.period, schedules));
      if (computed) await recordLight(manager, item, computed, now, actorOf(this.principal));
      else await evaluateEscalation(manager, item.id, now, actorOf(this.principal));
      return report;
    });
  }

  /** A light entered from the platform, or set by the officer: appended to the item's history. */
  async recordLight(rawInput: unknown): Promise<LightRecordEntity> {
    const input = parseInput(recordLightSchema, rawInput, INVALID);
    if (!isSupervisionOffice(this.principal)) {
      throw supervisionError(SupervisionErrorCode.Forbidden, "entering lights is the General Office's");
    }
    const now = this.clock();
    return this.write(async (manager) => {
      const item = await openItem(new SupervisionStore(manager), input.itemId);
      this.assertNotFuture(input.period, now);
      return recordLight(
        manager,
        item,
        { period: input.period, light: input.light, source: input.source, reason: input.note ?? null },
        now,
        actorOf(this.principal),
      );
    });
  }

  /** A light computed from the item's progress against its milestones, appended to its history. */
  async computeLight(rawInput: unknown): Promise<LightRecordEntity> {
    const input = parseInput(computeLightSchema, rawInput, INVALID);
    const now = this.clock();
    return this.write(async (manager) => {
      const item = await openItem(new SupervisionStore(manager), input.itemId);
      if (!canActForItem(this.principal, item)) {
        throw supervisionError(
          SupervisionErrorCode.Forbidden,
          'only the office or the department may do this',
        );
      }
      this.assertNotFuture(input.period, now);
      const schedules = new Schedules(await new ReportingStore(manager).schedules());
      const computed = await this.computeFromPlan(manager, item, input.period, schedules);
      if (!computed) {
        throw supervisionError(
          SupervisionErrorCode.LightNotComputable,
          'the item has no milestones or % targets to compare its progress with',
        );
      }
      return recordLight(manager, item, computed, now, actorOf(this.principal));
    });
  }

  /** The plan light as of the period's reporting node (or its last day), from the latest % reported. */
  private async computeFromPlan(
    manager: EntityManager,
    item: SupervisionItemEntity,
    forPeriod: Period,
    schedules: Schedules,
  ) {
    const [milestones, reports] = await Promise.all([
      new SupervisionStore(manager).milestonesByItemIds([item.id]),
      new ReportingStore(manager).reportsByItemIds([item.id]),
    ]);
    const deadline = schedules.deadline(item, forPeriod);
    const asOfDate = deadline
      ? localDateOf(deadline.nodeAt)
      : localDateOf(shanghaiInstant(`${addMonths(forPeriod, 1)}-01`).getTime() - 1);
    const reported = reports
      .filter((r) => r.period <= forPeriod && r.sections.cumulativePercent !== null)
      .pop();
    const result = lightFromPlan(milestones, reported?.sections.cumulativePercent ?? null, asOfDate);
    if (result.light === null) return null;
    return { period: forPeriod, light: result.light, source: 'COMPUTED' as const, reason: result.reason };
  }

  private owedPeriod(item: SupervisionItemEntity, schedules: Schedules, forPeriod: Period, now: Date) {
    const deadline = schedules.deadline(item, forPeriod);
    if (!deadline) {
      throw supervisionError(
        SupervisionErrorCode.ReportNotOwed,
        `${item.category} has no monthly report until the office sets its reporting day`,
      );
    }
    const [owed] = owedPeriods(item, forPeriod, forPeriod, () => deadline.dueAt);
    if (!owed || forPeriod > addMonths(periodOf(now), 1)) {
      throw supervisionError(SupervisionErrorCode.ReportNotOwed, 'the item owes no report for that period', [
        {
          field: 'period',
          message: `not a reporting period of this item (from ${periodOf(item.createdAt)})`,
        },
      ]);
    }
    return owed;
  }

  private assertNotFuture(forPeriod: Period, now: Date): void {
    if (forPeriod > periodOf(now)) {
      throw supervisionError(INVALID, 'the input is not valid', [
        { field: 'period', message: 'a light is given for a month that has begun' },
      ]);
    }
  }
}
