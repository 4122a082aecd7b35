import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inspectionRoundClosedV1, recordEvent, unitFeedbackIssuedV1 } from '@eco/events';
import { parseInput, updateAtVersion } from '@eco/subgraph';
import { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import { InspectionTargetEntity } from '../persistence/inspection-target.entity';
import type { UnitFeedbackEntity } from '../persistence/unit-feedback.entity';
import { expectedVersion, idempotencyKey, localDate, text, uuid } from './input-schemas';
import { feedbackDeadlines } from './feedback-deadlines';
import { inspectionsCalendar } from './inspections-calendar';
import { inspectionsError, InspectionsErrorCode } from './inspections.errors';
import { recordFindingConfirmed } from './inspections.service';
import { moveToPhase } from './target.service';
import { assertVersion, InspectionsUseCases, PRODUCER } from './use-case';

const issueFeedbackSchema = z.object({
  targetId: uuid,
  expectedVersion,
  issuedOn: localDate,
  title: text(200),
  content: text(50_000),
  findingIds: z
    .array(uuid)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'a finding is listed twice'),
  idempotencyKey,
});

const roundReportSchema = z.object({
  roundId: uuid,
  expectedVersion,
  submittedOn: localDate,
  title: text(200),
  summary: text(50_000),
  idempotencyKey,
});

const closeRoundSchema = z.object({ roundId: uuid, expectedVersion, closedOn: localDate, idempotencyKey });

/** The summary stage and the round's end (seed 000 §五(三)(四)). */
export class FeedbackService extends InspectionsUseCases {
  /**
   * 一对一反馈: the written feedback to one unit. It confirms the findings it lists (each becomes a
   * rectification problem), starts the plan (2 weeks) and report (2 months) deadlines, and moves the
   * unit from the summary to rectification supervision. Drafts it does not list were not raised with
   * the unit and stay drafts.
   */
  async issueFeedback(
    rawInput: unknown,
  ): Promise<{ target: InspectionTargetEntity; feedback: UnitFeedbackEntity }> {
    this.assertCanRun();
    const input = parseInput(issueFeedbackSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const { target, round } = await this.openTarget(tx, input.targetId);
      assertVersion(target, input.expectedVersion);
      this.assertPhase(target, ['SUMMARY'], "the unit's feedback");
      const summary = (await tx.targets.phasesByTargetIds([target.id])).find((p) => p.phase === 'SUMMARY')!;
      if (summary.actualStart && input.issuedOn < summary.actualStart) {
        throw inspectionsError(InspectionsErrorCode.InvalidInput, 'the input is not valid', [
          { field: 'issuedOn', message: `before the summary began on ${summary.actualStart}` },
        ]);
      }
      const findings = new Map((await tx.rounds.findingsByIds(input.findingIds)).map((f) => [f.id, f]));
      const foreign = input.findingIds.flatMap((id, i) =>
        findings.get(id)?.targetId === target.id
          ? []
          : [{ field: `findingIds.${i}`, message: 'not a finding of this unit' }],
      );
      if (foreign.length > 0) {
        throw inspectionsError(
          InspectionsErrorCode.FeedbackFindingNotOfTarget,
          'the feedback lists findings of this unit only',
          foreign,
        );
      }

      const [plan, report] = feedbackDeadlines(inspectionsCalendar, input.issuedOn);
      const at = this.clock();
      const feedback: UnitFeedbackEntity = {
        id: randomUUID(),
        roundId: round.id,
        targetId: target.id,
        title: input.title,
        content: input.content,
        issuedOn: input.issuedOn,
        planDueAt: plan!.dueAt,
        reportDueAt: report!.dueAt,
        issuedBy: this.principal.personId,
        issuedAt: at,
      };
      await tx.targets.insertFeedback(feedback);
      const drafts = input.findingIds.filter((id) => findings.get(id)!.status === 'DRAFT');
      await tx.rounds.attachFindingsToFeedback(input.findingIds, feedback.id, this.principal.personId, at);
      // Each newly confirmed finding opens its problem; its event goes out before the feedback's.
      for (const confirmed of await tx.rounds.findingsByIds(drafts)) {
        await recordFindingConfirmed(tx, confirmed, round.name, this.actor());
      }
      await recordEvent(
        tx.manager,
        unitFeedbackIssuedV1,
        {
          feedbackId: feedback.id,
          roundId: round.id,
          roundName: round.name,
          targetId: target.id,
          targetAgencyId: target.agencyId,
          title: feedback.title,
          issuedOn: feedback.issuedOn,
          planDueAt: feedback.planDueAt.toISOString(),
          reportDueAt: feedback.reportDueAt.toISOString(),
          findingIds: input.findingIds,
        },
        { producer: PRODUCER, actor: this.actor() },
      );
      await moveToPhase(tx, target, 'RECTIFICATION_SUPERVISION', input.issuedOn);
      const moved = await updateAtVersion(
        tx.manager,
        InspectionTargetEntity,
        target.id,
        target.version,
        { phase: 'RECTIFICATION_SUPERVISION' },
        InspectionsErrorCode.TargetNotFound,
      );
      return { target: moved, feedback };
    });
  }

  /** 巡察报告上报局党组: once every unit has had its feedback. */
  async submitRoundReport(rawInput: unknown): Promise<InspectionRoundEntity> {
    this.assertCanRun();
    const input = parseInput(roundReportSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const round = await this.openRound(tx, input.roundId);
      assertVersion(round, input.expectedVersion);
      const targets = await tx.targets.targetsByRoundIds([round.id]);
      if (targets.length === 0) {
        throw inspectionsError(InspectionsErrorCode.RoundHasNoTargets, 'the round inspects no unit yet');
      }
      const feedbacks = new Set(
        (await tx.targets.feedbacksByTargetIds(targets.map((t) => t.id))).map((f) => f.targetId),
      );
      const outstanding = targets.filter((t) => !feedbacks.has(t.id));
      if (outstanding.length > 0) {
        throw inspectionsError(
          InspectionsErrorCode.RoundFeedbackOutstanding,
          'the round report follows the feedback to every unit',
          outstanding.map((t) => ({ field: 'roundId', message: `no feedback yet to target ${t.id}` })),
        );
      }
      return updateAtVersion(
        tx.manager,
        InspectionRoundEntity,
        round.id,
        round.version,
        {
          report: {
            title: input.title,
            summary: input.summary,
            submittedOn: input.submittedOn,
            submittedBy: this.principal.personId,
            submittedAt: this.clock().toISOString(),
          },
        },
        InspectionsErrorCode.RoundNotFound,
      );
    });
  }

  /** Closes the round once its report is in and every unit's rectification has been checked and closed. */
  async closeRound(rawInput: unknown): Promise<InspectionRoundEntity> {
    this.assertCanRun();
    const input = parseInput(closeRoundSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const round = await this.openRound(tx, input.roundId);
      assertVersion(round, input.expectedVersion);
      if (!round.report) {
        throw inspectionsError(
          InspectionsErrorCode.RoundReportMissing,
          'submit the round report to the Party group first',
        );
      }
      const targets = await tx.targets.targetsByRoundIds([round.id]);
      const open = targets.filter((t) => t.phase !== 'CLOSED');
      if (open.length > 0) {
        throw inspectionsError(
          InspectionsErrorCode.RoundTargetsNotClosed,
          "every unit's rectification must be checked and the unit closed first",
          open.map((t) => ({ field: 'roundId', message: `target ${t.id} is ${t.phase}` })),
        );
      }
      const findings = await tx.rounds.findingsByRoundIds([round.id]);
      const closed = await updateAtVersion(
        tx.manager,
        InspectionRoundEntity,
        round.id,
        round.version,
        { status: 'CLOSED', closedOn: input.closedOn, closedAt: this.clock() },
        InspectionsErrorCode.RoundNotFound,
      );
      await recordEvent(
        tx.manager,
        inspectionRoundClosedV1,
        {
          roundId: round.id,
          roundName: round.name,
          year: round.year,
          closedOn: input.closedOn,
          targetAgencyIds: targets.map((t) => t.agencyId),
          confirmedFindings: findings.filter((f) => f.status === 'CONFIRMED').length,
          findingsReferredToDiscipline: findings.filter((f) => f.referredToDisciplineOn !== null).length,
        },
        { producer: PRODUCER, actor: this.actor() },
      );
      return closed;
    });
  }
}
