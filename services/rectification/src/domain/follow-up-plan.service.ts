import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { claimVersion, expectedVersion, parseInput } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { FollowUpPlanEntity } from '../persistence/follow-up-plan.entity';
import { MeasureEntity } from '../persistence/measure.entity';
import type { RectificationStore } from '../persistence/rectification.store';
import { canActForDepartment } from './access-policy';
import { isFollowUpPlanRequired, reportDeadlineOf } from './follow-up-plan';
import { rectificationError, RectificationErrorCode } from './rectification.errors';
import { inTransaction, systemClock } from './transaction';
import type { Clock } from './transaction';
import { rectificationCalendar } from './working-calendar';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a calendar date',
  );

const recordFollowUpPlanSchema = z
  .object({
    expectedVersion,
    measureId: z.string().uuid('must be an id'),
    route: z.string().trim().min(1, 'the route (整改路径) is required').max(1_000),
    timetable: z
      .array(z.object({ step: z.string().trim().min(1).max(300), dueOn: isoDate }))
      .min(1, 'a timetable needs at least one step')
      .max(20, 'at most 20 steps'),
  })
  .superRefine((input, ctx) => {
    input.timetable.forEach((s, i) => {
      const previous = input.timetable[i - 1];
      if (previous && s.dueOn < previous.dueOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['timetable', i, 'dueOn'],
          message: `the steps' dates must be in order: ${s.dueOn} is before ${previous.dueOn}`,
        });
      }
    });
  });

/**
 * Seed 002 §2 (DOMAIN.md §2): unfinished items at the report deadline need a follow-up plan with a
 * timetable and a route. The responsible department (clerk or head) or the office records it;
 * recording again replaces it, each recording stays in the measure's timeline (FOLLOW_UP_PLAN).
 */
export class FollowUpPlanService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Whether the measure needs a plan now, by this service's clock. */
  isRequired(
    measure: MeasureEntity,
    campaign: Parameters<typeof reportDeadlineOf>[1],
    plan: FollowUpPlanEntity | null,
  ): boolean {
    return isFollowUpPlanRequired({
      measure,
      reportDueAt: reportDeadlineOf(rectificationCalendar, campaign)?.dueAt ?? null,
      hasPlan: plan !== null,
      now: this.clock(),
    });
  }

  async recordFollowUpPlan(rawInput: unknown): Promise<MeasureEntity> {
    const input = parseInput(recordFollowUpPlanSchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (manager, store) => {
      const measure = await this.lockForDepartment(store, input.measureId);
      await claimVersion(
        manager,
        MeasureEntity,
        measure.id,
        input.expectedVersion,
        RectificationErrorCode.MeasureNotFound,
      );
      if (measure.status === 'COMPLETED') {
        throw rectificationError(
          RectificationErrorCode.FollowUpPlanNotNeeded,
          'the measure is completed: it needs no follow-up plan',
          [{ field: 'measureId', message: 'the measure is completed' }],
        );
      }
      const [problem] = await store.problemsByIds([measure.problemId]);
      const [campaign] = problem?.campaignId ? await store.campaignsByIds([problem.campaignId]) : [];
      const deadline = reportDeadlineOf(rectificationCalendar, campaign ?? null);
      if (!deadline) {
        throw rectificationError(
          RectificationErrorCode.ReportDeadlineUnknown,
          'the campaign has no report deadline yet: record the day its report was received first',
          [{ field: 'measureId', message: 'no report deadline for this measure’s campaign' }],
        );
      }
      const early = input.timetable.findIndex((s) => s.dueOn < deadline.dueOn);
      if (early >= 0) {
        throw rectificationError(RectificationErrorCode.InvalidInput, 'the input is not valid', [
          {
            field: `timetable.${early}.dueOn`,
            message: `not before the report deadline, ${deadline.dueOn}`,
          },
        ]);
      }
      const now = this.clock();
      const plan: FollowUpPlanEntity = {
        measureId: measure.id,
        route: input.route,
        timetable: input.timetable.map((s) => ({ step: s.step, dueOn: s.dueOn })),
        recordedAt: now,
        recordedByPersonId: this.principal.personId,
        recordedByName: this.principal.name,
      };
      await store.saveFollowUpPlan(plan);
      await store.insertUpdate({
        id: randomUUID(),
        measureId: measure.id,
        kind: 'FOLLOW_UP_PLAN',
        note: input.route,
        statusFrom: null,
        statusTo: null,
        evidence: [],
        evidenceNotes: [],
        actorPersonId: this.principal.personId,
        actorName: this.principal.name,
        actorAgencyId: this.principal.agencyId,
        sourceEventId: null,
        at: now,
      });
      return measure;
    });
  }

  /** The problem first, then the measure (the order every close-out path takes); department or office only. */
  private async lockForDepartment(store: RectificationStore, measureId: string): Promise<MeasureEntity> {
    const [found] = await store.measuresByIds([measureId]);
    const problem = found ? await store.lockProblem(found.problemId) : null;
    const measure = problem ? await store.lockMeasure(measureId) : null;
    if (!measure) {
      throw rectificationError(RectificationErrorCode.MeasureNotFound, 'no such measure', [
        { field: 'measureId', message: 'not found' },
      ]);
    }
    if (!canActForDepartment(this.principal, measure.responsibleAgencyId)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        'only the responsible department or the rectification office may record its follow-up plan',
      );
    }
    return measure;
  }
}
