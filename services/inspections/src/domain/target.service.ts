import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput, updateAtVersion } from '@eco/subgraph';
import type { FieldError } from '@eco/subgraph';
import type { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import { InspectionTargetEntity } from '../persistence/inspection-target.entity';
import type { TargetPhaseEntity } from '../persistence/target-phase.entity';
import { groupMemberIds } from './access-policy';
import { expectedVersion, idempotencyKey, localDate, optionalText, text, uuid } from './input-schemas';
import { inspectionsCalendar, shanghaiToday } from './inspections-calendar';
import { inspectionsError, InspectionsErrorCode } from './inspections.errors';
import { noticeUpAWeekOn, windowProblems } from './on-site-window';
import type { WindowProblem } from './on-site-window';
import { INSPECTION_PHASES, refuseTransition } from './target-phase';
import type { InspectionPhase } from './target-phase';
import { assertVersion, InspectionsUseCases } from './use-case';
import type { Tx } from './use-case';

const windowFields = { onSiteFrom: localDate.nullish(), onSiteUntil: localDate.nullish() };
const bothOrNeither = (
  w: { onSiteFrom?: string | null; onSiteUntil?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (!w.onSiteFrom !== !w.onSiteUntil)
    ctx.addIssue({
      code: 'custom',
      path: [w.onSiteFrom ? 'onSiteUntil' : 'onSiteFrom'],
      message: 'give both ends of the window',
    });
};

const addTargetSchema = z
  .object({
    roundId: uuid,
    agencyId: uuid,
    ...windowFields,
    preparationStartedOn: localDate.nullish(),
    idempotencyKey,
  })
  .superRefine(bothOrNeither);

const scheduleSchema = z.object({
  targetId: uuid,
  expectedVersion,
  onSiteFrom: localDate,
  onSiteUntil: localDate,
  idempotencyKey,
});

const extendSchema = z.object({
  targetId: uuid,
  expectedVersion,
  until: localDate,
  reason: text(1_000),
  decidedById: uuid,
  decidedOn: localDate,
  idempotencyKey,
});

const phaseEnum = z.enum(INSPECTION_PHASES);

const planPhasesSchema = z.object({
  targetId: uuid,
  expectedVersion,
  phases: z
    .array(z.object({ phase: phaseEnum, plannedStart: localDate.nullish(), plannedEnd: localDate.nullish() }))
    .min(1)
    .max(INSPECTION_PHASES.length)
    .superRefine((phases, ctx) => {
      phases.forEach((p, i) => {
        if (p.phase === 'ON_SITE')
          ctx.addIssue({
            code: 'custom',
            path: [i, 'phase'],
            message: 'the on-site plan is the window: schedule or extend it',
          });
        if (p.plannedStart && p.plannedEnd && p.plannedEnd < p.plannedStart)
          ctx.addIssue({ code: 'custom', path: [i, 'plannedEnd'], message: 'before plannedStart' });
      });
      if (new Set(phases.map((p) => p.phase)).size !== phases.length)
        ctx.addIssue({ code: 'custom', path: [], message: 'a phase is listed twice' });
    }),
  idempotencyKey,
});

const notifySchema = z.object({
  targetId: uuid,
  expectedVersion,
  notifiedOn: localDate,
  reference: optionalText(200),
  idempotencyKey,
});

const publicNoticeSchema = z
  .object({
    targetId: uuid,
    expectedVersion,
    postedOn: localDate,
    removedOn: localDate.nullish(),
    idempotencyKey,
  })
  .superRefine((n, ctx) => {
    if (n.removedOn && n.removedOn < n.postedOn)
      ctx.addIssue({ code: 'custom', path: ['removedOn'], message: 'before postedOn' });
  });

const advanceSchema = z.object({
  targetId: uuid,
  expectedVersion,
  to: phaseEnum,
  on: localDate,
  idempotencyKey,
});

const rectificationCheckSchema = z.object({
  targetId: uuid,
  expectedVersion,
  planReceivedOn: localDate.nullish(),
  reportReceivedOn: localDate,
  checkedOn: localDate,
  conclusion: text(5_000),
  assessmentNote: optionalText(2_000),
  idempotencyKey,
});

function windowErrors(problems: WindowProblem[], fields: { from: string; until: string }): FieldError[] {
  return problems.map((p) => {
    switch (p.kind) {
      case 'ENDS_BEFORE_START':
        return { field: fields.until, message: 'before the start of the window' };
      case 'OUTSIDE_ROUND':
        return { field: fields.until, message: `outside the round's period ${p.periodStart}–${p.periodEnd}` };
      case 'TOO_LONG':
        return {
          field: fields.until,
          message: `about a week on site: at most until ${p.latestEnd}; longer needs the group's decision (extendOnSiteWindow)`,
        };
    }
  });
}

/** Judges a window against the round's period and the one-week rule; refuses with the first kind of problem. */
function assertWindow(
  round: InspectionRoundEntity,
  window: { from: string; until: string },
  options: { extension: boolean; fields: { from: string; until: string } },
): void {
  if (!round.periodStart || !round.periodEnd) {
    throw inspectionsError(
      InspectionsErrorCode.RoundPeriodNotSet,
      "set the round's period before scheduling units",
    );
  }
  const problems = windowProblems(
    inspectionsCalendar,
    window,
    { start: round.periodStart, end: round.periodEnd },
    options,
  );
  if (problems.length === 0) return;
  const code =
    problems[0]!.kind === 'TOO_LONG'
      ? InspectionsErrorCode.TargetWindowTooLong
      : problems[0]!.kind === 'OUTSIDE_ROUND'
        ? InspectionsErrorCode.TargetWindowOutsideRound
        : InspectionsErrorCode.InvalidInput;
  throw inspectionsError(
    code,
    'the on-site window is not acceptable',
    windowErrors(problems, options.fields),
  );
}

/** The inspected units of a round: windows, notices, phases and the check of their rectification. */
export class TargetService extends InspectionsUseCases {
  async addTarget(rawInput: unknown): Promise<InspectionTargetEntity> {
    this.assertCanRun();
    const input = parseInput(addTargetSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const round = await this.openRound(tx, input.roundId);
      if ((await tx.targets.targetsByRoundIds([round.id])).some((t) => t.agencyId === input.agencyId)) {
        throw inspectionsError(
          InspectionsErrorCode.TargetAlreadyInRound,
          'this unit is already inspected in this round',
          [{ field: 'agencyId', message: 'already a target' }],
        );
      }
      if (input.onSiteFrom && input.onSiteUntil) {
        assertWindow(
          round,
          { from: input.onSiteFrom, until: input.onSiteUntil },
          {
            extension: false,
            fields: { from: 'onSiteFrom', until: 'onSiteUntil' },
          },
        );
      }
      const id = randomUUID();
      await tx.targets.insertTarget(
        {
          id,
          roundId: round.id,
          agencyId: input.agencyId,
          sequence: await tx.targets.nextSequence(round.id),
          onSiteFrom: input.onSiteFrom ?? null,
          onSiteUntil: input.onSiteUntil ?? null,
          originallyPlannedUntil: input.onSiteUntil ?? null,
          phase: 'PREPARATION',
        },
        INSPECTION_PHASES.map((phase, ordinal) => ({
          targetId: id,
          phase,
          ordinal,
          actualStart:
            phase === 'PREPARATION' ? (input.preparationStartedOn ?? shanghaiToday(this.clock())) : null,
        })),
      );
      return (await tx.targets.targetsByIds([id]))[0]!;
    });
  }

  /** Sets (or moves) the planned week on site, while the unit is still being prepared for. */
  async scheduleWindow(rawInput: unknown): Promise<InspectionTargetEntity> {
    this.assertCanRun();
    const input = parseInput(scheduleSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.editTarget(input.targetId, input.expectedVersion, async (_tx, target, round) => {
      if (target.phase !== 'PREPARATION') {
        throw inspectionsError(
          InspectionsErrorCode.TargetWindowNotSchedulable,
          'the visit has begun: only the group may extend the window (extendOnSiteWindow)',
        );
      }
      assertWindow(
        round,
        { from: input.onSiteFrom, until: input.onSiteUntil },
        {
          extension: false,
          fields: { from: 'onSiteFrom', until: 'onSiteUntil' },
        },
      );
      return {
        onSiteFrom: input.onSiteFrom,
        onSiteUntil: input.onSiteUntil,
        originallyPlannedUntil: input.onSiteUntil,
      };
    });
  }

  /** 经巡察工作组研究决定可视情延长: a later end, with the reason and the group member who decided. */
  async extendWindow(rawInput: unknown): Promise<InspectionTargetEntity> {
    this.assertCanRun();
    const input = parseInput(extendSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.editTarget(input.targetId, input.expectedVersion, async (tx, target, round) => {
      if (target.onSiteFrom === null || target.onSiteUntil === null) {
        throw inspectionsError(
          InspectionsErrorCode.TargetWindowNotScheduled,
          'schedule the window before extending it',
        );
      }
      if (target.phase !== 'PREPARATION' && target.phase !== 'ON_SITE') {
        throw inspectionsError(
          InspectionsErrorCode.TargetWindowNotExtendable,
          'the unit is no longer being inspected on site',
        );
      }
      if (input.until <= target.onSiteUntil) {
        throw inspectionsError(InspectionsErrorCode.InvalidInput, 'the input is not valid', [
          { field: 'until', message: `not after the current end ${target.onSiteUntil}` },
        ]);
      }
      if (!groupMemberIds(round).has(input.decidedById)) {
        throw inspectionsError(
          InspectionsErrorCode.DeciderNotInGroup,
          'an extension is decided by the inspection group',
          [{ field: 'decidedById', message: "not in the round's inspection group" }],
        );
      }
      assertWindow(
        round,
        { from: target.onSiteFrom, until: input.until },
        {
          extension: true,
          fields: { from: 'onSiteFrom', until: 'until' },
        },
      );
      await tx.targets.insertExtension({
        id: randomUUID(),
        targetId: target.id,
        previousUntil: target.onSiteUntil,
        newUntil: input.until,
        reason: input.reason,
        decidedBy: input.decidedById,
        decidedOn: input.decidedOn,
        recordedBy: this.principal.personId,
        recordedAt: this.clock(),
      });
      return { onSiteUntil: input.until };
    });
  }

  /** Planned dates of the phases other than on site (whose plan is the window). */
  async planPhases(rawInput: unknown): Promise<InspectionTargetEntity> {
    this.assertCanRun();
    const input = parseInput(planPhasesSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.editTarget(input.targetId, input.expectedVersion, async (tx, target) => {
      for (const p of input.phases) {
        await tx.targets.updatePhase(target.id, p.phase, {
          plannedStart: p.plannedStart ?? null,
          plannedEnd: p.plannedEnd ?? null,
        });
      }
      return {};
    });
  }

  /** 统一向被巡察单位发出通知: the unit is told when and what. */
  async notifyUnit(rawInput: unknown): Promise<InspectionTargetEntity> {
    this.assertCanRun();
    const input = parseInput(notifySchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.editTarget(input.targetId, input.expectedVersion, async (_tx, target) => {
      this.assertPhase(target, ['PREPARATION'], 'notifying the unit');
      return { unitNotifiedOn: input.notifiedOn, unitNoticeReference: input.reference || null };
    });
  }

  /**
   * The public notice on the unit's board: up a week before the visit and throughout it. Once the
   * visit has begun its posting date cannot move past the rule, and it cannot come down before the
   * visit ends.
   */
  async recordPublicNotice(rawInput: unknown): Promise<InspectionTargetEntity> {
    this.assertCanRun();
    const input = parseInput(publicNoticeSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.editTarget(input.targetId, input.expectedVersion, async (tx, target) => {
      const phases = await tx.targets.phasesByTargetIds([target.id]);
      const onSite = phases.find((p) => p.phase === 'ON_SITE')!;
      if (
        onSite.actualStart !== null &&
        noticeUpAWeekOn(inspectionsCalendar, input.postedOn) > onSite.actualStart
      ) {
        throw inspectionsError(
          InspectionsErrorCode.PublicNoticeTooLate,
          'the notice must have been up a week when the visit began',
          [{ field: 'postedOn', message: `the visit began on ${onSite.actualStart}` }],
        );
      }
      if (input.removedOn) {
        const visitEnd = onSite.actualEnd;
        if (visitEnd === null || input.removedOn < visitEnd) {
          throw inspectionsError(
            InspectionsErrorCode.PublicNoticeRemovedDuringVisit,
            'the public notice stays up throughout the visit',
            [
              {
                field: 'removedOn',
                message: visitEnd === null ? 'the visit has not ended' : `the visit ended on ${visitEnd}`,
              },
            ],
          );
        }
      }
      return { publicNoticePostedOn: input.postedOn, publicNoticeRemovedOn: input.removedOn ?? null };
    });
  }

  /** Moves the unit to its next phase on date `on`, if the plan's rules allow it (target-phase.ts). */
  async advancePhase(rawInput: unknown): Promise<InspectionTargetEntity> {
    this.assertCanRun();
    const input = parseInput(advanceSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.editTarget(input.targetId, input.expectedVersion, async (tx, target) => {
      const phases = await tx.targets.phasesByTargetIds([target.id]);
      const [mobilisation, feedback] = await Promise.all([
        tx.activities.mobilisationMeetingOf(target.id),
        tx.targets.feedbacksByTargetIds([target.id]),
      ]);
      const refusal = refuseTransition(
        {
          phase: target.phase,
          currentPhaseStartedOn: phases.find((p) => p.phase === target.phase)?.actualStart ?? null,
          onSiteWindowScheduled: target.onSiteFrom !== null,
          unitNotifiedOn: target.unitNotifiedOn,
          noticeUpAWeekOn: target.publicNoticePostedOn
            ? noticeUpAWeekOn(inspectionsCalendar, target.publicNoticePostedOn)
            : null,
          mobilisationMeetingHeld: mobilisation !== null,
          feedbackIssued: feedback.length > 0,
          rectificationChecked: target.rectificationCheck !== null,
        },
        input.to,
        input.on,
      );
      if (refusal)
        throw inspectionsError(refusal.code, refusal.message, [
          { field: refusal.field, message: refusal.message },
        ]);
      await moveToPhase(tx, target, input.to, input.on);
      return { phase: input.to };
    });
  }

  /** 落实监督整改: the unit's report back received and checked by the Audit Office (feeds the annual assessment). */
  async recordRectificationCheck(rawInput: unknown): Promise<InspectionTargetEntity> {
    this.assertCanRun();
    const input = parseInput(rectificationCheckSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.editTarget(input.targetId, input.expectedVersion, async (tx, target) => {
      this.assertPhase(target, ['RECTIFICATION_SUPERVISION'], "checking the unit's rectification");
      const [feedback] = await tx.targets.feedbacksByTargetIds([target.id]);
      const errors: FieldError[] = [];
      for (const field of ['planReceivedOn', 'reportReceivedOn', 'checkedOn'] as const) {
        const date = input[field];
        if (date && date < feedback!.issuedOn)
          errors.push({ field, message: `before the feedback of ${feedback!.issuedOn}` });
      }
      if (input.checkedOn < input.reportReceivedOn)
        errors.push({ field: 'checkedOn', message: 'before the report was received' });
      if (errors.length > 0)
        throw inspectionsError(InspectionsErrorCode.InvalidInput, 'the input is not valid', errors);
      return {
        rectificationCheck: {
          planReceivedOn: input.planReceivedOn ?? null,
          reportReceivedOn: input.reportReceivedOn,
          checkedOn: input.checkedOn,
          conclusion: input.conclusion,
          assessmentNote: input.assessmentNote || null,
          recordedBy: this.principal.personId,
          recordedAt: this.clock().toISOString(),
        },
      };
    });
  }

  /** Locks the target, checks the caller's version, applies the use case's change and bumps the version. */
  private editTarget(
    targetId: string,
    expected: number | null | undefined,
    change: (
      tx: Tx,
      target: InspectionTargetEntity,
      round: InspectionRoundEntity,
    ) => Promise<Partial<InspectionTargetEntity>>,
  ): Promise<InspectionTargetEntity> {
    return this.inTransaction(async (tx) => {
      const { target, round } = await this.openTarget(tx, targetId);
      assertVersion(target, expected);
      const changes = await change(tx, target, round);
      return updateAtVersion(
        tx.manager,
        InspectionTargetEntity,
        target.id,
        target.version,
        changes as never,
        InspectionsErrorCode.TargetNotFound,
      );
    });
  }
}

/** Closes the current phase on `on` and opens `to` on the same day. */
export async function moveToPhase(
  tx: Tx,
  target: InspectionTargetEntity,
  to: InspectionPhase,
  on: string,
): Promise<void> {
  await tx.targets.updatePhase(target.id, target.phase, { actualEnd: on });
  await tx.targets.updatePhase(target.id, to, { actualStart: on } satisfies Partial<TargetPhaseEntity>);
}
