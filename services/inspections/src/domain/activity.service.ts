import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { falseRectificationFoundV1, recordEvent } from '@eco/events';
import { parseInput } from '@eco/subgraph';
import type { ActivityEntity } from '../persistence/activity.entity';
import type { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import type { InspectionTargetEntity } from '../persistence/inspection-target.entity';
import type { InterviewEntity } from '../persistence/interview.entity';
import { isGroupMember } from './access-policy';
import { ordinaryStaffShare, attendanceTotal } from './attendance-rule';
import { idempotencyKey, localDate, optionalText, text, uuid } from './input-schemas';
import { inspectionsError, InspectionsErrorCode } from './inspections.errors';
import { SATISFACTION_LEVELS } from './survey-summary';
import { ACTIVITY_PHASES } from './target-phase';
import { InspectionsUseCases, PRODUCER } from './use-case';
import type { Tx } from './use-case';

const headcount = z.number().int().min(0).max(10_000);
const activityBase = { targetId: uuid, heldOn: localDate, note: optionalText(5_000), idempotencyKey };

const mobilisationSchema = z.object({
  ...activityBase,
  attendance: z.object({
    leadershipMembers: headcount,
    middleManagers: headcount,
    democraticPartyRepresentatives: headcount,
    ordinaryStaff: headcount,
  }),
});

export const MAX_SURVEY_RESPONSES_PER_CALL = 1_000;

const surveySchema = z.object({
  targetId: uuid,
  responses: z
    .array(
      z.object({
        respondentGroup: z
          .enum(['LEADERSHIP_MEMBER', 'MIDDLE_MANAGER', 'DEMOCRATIC_PARTY_REPRESENTATIVE', 'ORDINARY_STAFF'])
          .nullish(),
        staffSatisfaction: z.enum(SATISFACTION_LEVELS),
        leadershipSatisfaction: z.enum(SATISFACTION_LEVELS),
      }),
    )
    .min(1)
    .max(MAX_SURVEY_RESPONSES_PER_CALL),
  idempotencyKey,
});

const documentReviewSchema = z.object({
  ...activityBase,
  documents: z.array(text(500)).min(1).max(100),
  checkItemId: uuid.nullish(),
});

const interviewSchema = z.object({
  targetId: uuid,
  heldOn: localDate,
  intervieweeName: text(100),
  intervieweeRole: z.enum(['LEADERSHIP_MEMBER', 'MIDDLE_MANAGER', 'OTHER_STAFF']),
  notes: text(20_000),
  idempotencyKey,
});

const siteVisitSchema = z.object({
  ...activityBase,
  site: text(500),
  checks: z
    .array(
      z
        .object({
          findingId: uuid.nullish(),
          problemId: uuid.nullish(),
          result: z.enum(['RECTIFIED', 'INSUFFICIENT', 'FALSE_RECTIFICATION']),
          // With the site's name it must fit the false-rectification event's 5,000 characters.
          note: optionalText(4_000),
        })
        .superRefine((c, ctx) => {
          if (!c.findingId && !c.problemId)
            ctx.addIssue({
              code: 'custom',
              path: ['problemId'],
              message: 'name the problem checked: problemId or findingId',
            });
          if (c.result === 'FALSE_RECTIFICATION' && !c.note)
            ctx.addIssue({ code: 'custom', path: ['note'], message: 'say what was found to be false' });
        }),
    )
    .max(50)
    .default([]),
});

/** The group's work at a unit (seed 000 §五(二)): meeting, survey, documents, interviews, site visits. */
export class ActivityService extends InspectionsUseCases {
  /** 动员会: at most one per unit, and ordinary staff are at least half of those attending. */
  async recordMobilisationMeeting(
    rawInput: unknown,
  ): Promise<{ target: InspectionTargetEntity; activity: ActivityEntity }> {
    this.assertCanRun();
    const input = parseInput(mobilisationSchema, rawInput, InspectionsErrorCode.InvalidInput);
    const share = ordinaryStaffShare(input.attendance);
    if (!share.meetsRule) {
      throw inspectionsError(
        InspectionsErrorCode.OrdinaryStaffBelowHalf,
        'ordinary staff must be at least 50% of those attending the mobilisation meeting',
        [
          {
            field: 'attendance.ordinaryStaff',
            message: `${share.ordinaryStaff} of ${share.total} attendees (${(share.share * 100).toFixed(2)}%); at least ${Math.ceil(share.total / 2)} needed`,
          },
        ],
      );
    }
    return this.atTarget(input.targetId, 'MOBILISATION_MEETING', async (tx, target, round) => {
      if (await tx.activities.mobilisationMeetingOf(target.id)) {
        throw inspectionsError(
          InspectionsErrorCode.MobilisationAlreadyRecorded,
          'the mobilisation meeting is already recorded',
        );
      }
      await this.assertOnOrAfterVisitStart(tx, target, input.heldOn);
      return this.insertActivity(tx, target, round, {
        kind: 'MOBILISATION_MEETING',
        heldOn: input.heldOn,
        note: input.note || null,
        attendance: input.attendance,
      });
    });
  }

  /** 满意度测评: after the meeting, answered by those who attended (never more answers than attendees). */
  async recordSurveyResponses(
    rawInput: unknown,
  ): Promise<{ target: InspectionTargetEntity; recorded: number }> {
    this.assertCanRun();
    const input = parseInput(surveySchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const { target, round } = await this.openTarget(tx, input.targetId);
      this.assertPhase(target, ACTIVITY_PHASES.SURVEY, 'the satisfaction survey');
      const meeting = await tx.activities.mobilisationMeetingOf(target.id);
      if (!meeting) {
        throw inspectionsError(
          InspectionsErrorCode.SurveyBeforeMobilisation,
          'the survey follows the mobilisation meeting: record the meeting first',
        );
      }
      const attendees = attendanceTotal(meeting.attendance!);
      const already = await tx.activities.countSurveyResponses(target.id);
      if (already + input.responses.length > attendees) {
        throw inspectionsError(
          InspectionsErrorCode.SurveyExceedsAttendees,
          'the survey is answered by those who attended the mobilisation meeting',
          [
            {
              field: 'responses',
              message: `${already} recorded + ${input.responses.length} new > ${attendees} attendees`,
            },
          ],
        );
      }
      const at = this.clock();
      await tx.activities.insertSurveyResponses(
        input.responses.map((r) => ({
          id: randomUUID(),
          roundId: round.id,
          targetId: target.id,
          respondentGroup: r.respondentGroup ?? null,
          staffSatisfaction: r.staffSatisfaction,
          leadershipSatisfaction: r.leadershipSatisfaction,
          recordedBy: this.principal.personId,
          recordedAt: at,
        })),
      );
      return { target, recorded: input.responses.length };
    });
  }

  /** 查阅资料: the materials read, optionally against one check item. */
  async recordDocumentReview(
    rawInput: unknown,
  ): Promise<{ target: InspectionTargetEntity; activity: ActivityEntity }> {
    this.assertCanRun();
    const input = parseInput(documentReviewSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.atTarget(input.targetId, 'DOCUMENT_REVIEW', async (tx, target, round) => {
      if (input.checkItemId) {
        const [item] = await tx.checklist.itemsByIds([input.checkItemId]);
        if (!item || item.roundId !== round.id || item.supersededAt !== null) {
          throw inspectionsError(
            InspectionsErrorCode.CheckItemNotFound,
            "no such item on the round's check-item list",
            [{ field: 'checkItemId', message: 'not on the current list' }],
          );
        }
      }
      await this.assertOnOrAfterVisitStart(tx, target, input.heldOn);
      return this.insertActivity(tx, target, round, {
        kind: 'DOCUMENT_REVIEW',
        heldOn: input.heldOn,
        note: input.note || null,
        documents: input.documents,
        checkItemId: input.checkItemId ?? null,
      });
    });
  }

  /** 个别访谈: recorded by a member of the round's group; anyone else is refused. */
  async recordInterview(
    rawInput: unknown,
  ): Promise<{ target: InspectionTargetEntity; interview: InterviewEntity }> {
    const input = parseInput(interviewSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const { target, round } = await this.openTarget(tx, input.targetId);
      if (!isGroupMember(this.principal, round)) {
        throw inspectionsError(
          InspectionsErrorCode.Forbidden,
          "interviews are recorded by the round's inspection group",
        );
      }
      this.assertPhase(target, ACTIVITY_PHASES.INTERVIEW, 'an interview');
      await this.assertOnOrAfterVisitStart(tx, target, input.heldOn);
      const interview: InterviewEntity = {
        id: randomUUID(),
        roundId: round.id,
        targetId: target.id,
        heldOn: input.heldOn,
        intervieweeName: input.intervieweeName,
        intervieweeRole: input.intervieweeRole,
        notes: input.notes,
        recordedBy: this.principal.personId,
        recordedAt: this.clock(),
      };
      await tx.activities.insertInterview(interview);
      return { target, interview };
    });
  }

  /**
   * 实地查看: checks whether earlier problems were really rectified. A check that finds false
   * rectification (虚假整改) announces it; rectification reopens the problem.
   */
  async recordSiteVisit(
    rawInput: unknown,
  ): Promise<{ target: InspectionTargetEntity; activity: ActivityEntity }> {
    this.assertCanRun();
    const input = parseInput(siteVisitSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.atTarget(input.targetId, 'SITE_VISIT', async (tx, target, round) => {
      const findingIds = input.checks.map((c) => c.findingId).filter((id): id is string => !!id);
      const findings = new Map((await tx.rounds.findingsByIds(findingIds)).map((f) => [f.id, f]));
      const unknown = input.checks.flatMap((c, i) =>
        c.findingId && findings.get(c.findingId)?.status !== 'CONFIRMED'
          ? [{ field: `checks.${i}.findingId`, message: 'no confirmed finding with this id' }]
          : [],
      );
      if (unknown.length > 0)
        throw inspectionsError(InspectionsErrorCode.FindingNotFound, 'a checked finding is unknown', unknown);
      await this.assertOnOrAfterVisitStart(tx, target, input.heldOn);
      const visit = await this.insertActivity(tx, target, round, {
        kind: 'SITE_VISIT',
        heldOn: input.heldOn,
        note: input.note || null,
        site: input.site,
      });
      await tx.activities.insertChecks(
        input.checks.map((c, position) => ({
          id: randomUUID(),
          activityId: visit.activity.id,
          position,
          findingId: c.findingId ?? null,
          problemId: c.problemId ?? null,
          result: c.result,
          note: c.note || null,
        })),
      );
      const foundAt = this.clock().toISOString();
      for (const check of input.checks.filter((c) => c.result === 'FALSE_RECTIFICATION')) {
        await recordEvent(
          tx.manager,
          falseRectificationFoundV1,
          {
            siteVisitId: visit.activity.id,
            roundId: round.id,
            findingId: check.findingId ?? null,
            problemId: check.problemId ?? null,
            targetAgencyId: target.agencyId,
            description: `${input.site}：${check.note!}`,
            foundAt,
          },
          { producer: PRODUCER, actor: this.actor() },
        );
      }
      return visit;
    });
  }

  private atTarget<T>(
    targetId: string,
    kind: keyof typeof ACTIVITY_PHASES,
    work: (tx: Tx, target: InspectionTargetEntity, round: InspectionRoundEntity) => Promise<T>,
  ): Promise<T> {
    return this.inTransaction(async (tx) => {
      const { target, round } = await this.openTarget(tx, targetId);
      this.assertPhase(target, ACTIVITY_PHASES[kind], kind.toLowerCase().replace(/_/g, ' '));
      return work(tx, target, round);
    });
  }

  /** An activity cannot predate the visit (the on-site phase's actual start). */
  private async assertOnOrAfterVisitStart(
    tx: Tx,
    target: InspectionTargetEntity,
    heldOn: string,
  ): Promise<void> {
    const onSite = (await tx.targets.phasesByTargetIds([target.id])).find((p) => p.phase === 'ON_SITE');
    if (onSite?.actualStart && heldOn < onSite.actualStart) {
      throw inspectionsError(InspectionsErrorCode.InvalidInput, 'the input is not valid', [
        { field: 'heldOn', message: `before the visit began on ${onSite.actualStart}` },
      ]);
    }
  }

  private async insertActivity(
    tx: Tx,
    target: InspectionTargetEntity,
    round: InspectionRoundEntity,
    fields: Pick<ActivityEntity, 'kind' | 'heldOn' | 'note'> & Partial<ActivityEntity>,
  ): Promise<{ target: InspectionTargetEntity; activity: ActivityEntity }> {
    const activity: ActivityEntity = {
      id: randomUUID(),
      roundId: round.id,
      targetId: target.id,
      attendance: null,
      documents: [],
      checkItemId: null,
      site: null,
      recordedBy: this.principal.personId,
      recordedAt: this.clock(),
      ...fields,
    };
    await tx.activities.insertActivity(activity);
    return { target, activity };
  }
}
