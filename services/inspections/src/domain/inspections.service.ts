import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findingConfirmedV1, recordEvent } from '@eco/events';
import type { EventActor } from '@eco/events';
import { parseInput, updateAtVersion } from '@eco/subgraph';
import { FindingEntity } from '../persistence/finding.entity';
import { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import { canRecordFindings } from './access-policy';
import { expectedVersion, idempotencyKey, localDate, optionalText, text, uuid, year } from './input-schemas';
import { inspectionsError, InspectionsErrorCode } from './inspections.errors';
import { roundPlanFields } from './round-plan';
import { FINDING_PHASES } from './target-phase';
import { assertVersion, InspectionsUseCases, PRODUCER } from './use-case';
import type { Tx } from './use-case';

const roundYearsAndPeriod = <
  T extends {
    startYear?: number;
    endYear?: number;
    year?: number;
    periodStart?: string | null;
    periodEnd?: string | null;
  },
>(
  r: T,
  ctx: z.RefinementCtx,
) => {
  if (r.startYear !== undefined && r.endYear !== undefined && r.startYear > r.endYear)
    ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'before startYear' });
  if (
    r.year !== undefined &&
    r.startYear !== undefined &&
    r.endYear !== undefined &&
    (r.year < r.startYear || r.year > r.endYear)
  )
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'outside the round' });
  if (r.periodStart && r.periodEnd && r.periodStart > r.periodEnd)
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'before periodStart' });
};

const createRoundSchema = z
  .object({
    name: text(200),
    roundNumber: z.number().int().min(1).max(99),
    startYear: year,
    endYear: year,
    year,
    planDocumentNumber: optionalText(100),
    groupLeaderId: uuid.nullish(),
    deputyGroupLeaderId: uuid.nullish(),
    periodStart: localDate.nullish(),
    periodEnd: localDate.nullish(),
    memberDepartments: roundPlanFields.memberDepartments.nullish(),
    specialInspections: roundPlanFields.specialInspections.nullish(),
    budgetLines: roundPlanFields.budgetLines.nullish(),
    outsideFirm: roundPlanFields.outsideFirm.optional(),
    idempotencyKey,
  })
  .superRefine(roundYearsAndPeriod);

/** Absent fields stay as they are; a given one (null to clear where allowed) replaces the value. */
const updateRoundSchema = z.object({
  roundId: uuid,
  expectedVersion,
  idempotencyKey,
  name: text(200).optional(),
  planDocumentNumber: optionalText(100),
  groupLeaderId: uuid.nullish(),
  deputyGroupLeaderId: uuid.nullish(),
  periodStart: localDate.nullish(),
  periodEnd: localDate.nullish(),
  memberDepartments: roundPlanFields.memberDepartments.optional(),
  specialInspections: roundPlanFields.specialInspections.optional(),
  budgetLines: roundPlanFields.budgetLines.optional(),
  outsideFirm: roundPlanFields.outsideFirm.optional(),
});

const recordFindingSchema = z.object({
  roundId: uuid,
  targetAgencyId: uuid,
  checkItemId: uuid.nullish(),
  category: optionalText(200),
  title: text(200),
  description: text(10_000),
  severity: z.enum(['GENERAL', 'SIGNIFICANT', 'SERIOUS']).nullish(),
  evidence: z.array(text(1_000)).max(50).nullish(),
  idempotencyKey,
});

const confirmFindingSchema = z.object({ findingId: uuid, expectedVersion, idempotencyKey });

const referFindingSchema = z.object({
  findingId: uuid,
  expectedVersion,
  referredOn: localDate,
  note: optionalText(2_000),
  idempotencyKey,
});

/** Rounds and their findings. */
export class InspectionsService extends InspectionsUseCases {
  private assertCanRecord(): void {
    if (!canRecordFindings(this.principal)) {
      throw inspectionsError(
        InspectionsErrorCode.Forbidden,
        'only the inspection group and bureau leaders may do this',
      );
    }
  }

  async createRound(rawInput: unknown): Promise<InspectionRoundEntity> {
    this.assertCanRun();
    const input = parseInput(createRoundSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const id = randomUUID();
      await tx.rounds.insertRound({
        id,
        name: input.name,
        roundNumber: input.roundNumber,
        startYear: input.startYear,
        endYear: input.endYear,
        year: input.year,
        planDocumentNumber: input.planDocumentNumber || null,
        groupLeaderId: input.groupLeaderId ?? null,
        deputyGroupLeaderId: input.deputyGroupLeaderId ?? null,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        memberDepartments: input.memberDepartments ?? [],
        specialInspections: input.specialInspections ?? [],
        budgetLines: input.budgetLines ?? [],
        outsideFirm: input.outsideFirm ?? null,
      });
      return (await tx.rounds.roundsByIds([id]))[0]!;
    });
  }

  /** Edits the plan. A new period must still hold every unit's on-site window. */
  async updateRound(rawInput: unknown): Promise<InspectionRoundEntity> {
    this.assertCanRun();
    const input = parseInput(updateRoundSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const round = await this.openRound(tx, input.roundId);
      assertVersion(round, input.expectedVersion);
      const periodStart = input.periodStart === undefined ? round.periodStart : input.periodStart;
      const periodEnd = input.periodEnd === undefined ? round.periodEnd : input.periodEnd;
      if (periodStart && periodEnd && periodStart > periodEnd) {
        throw inspectionsError(InspectionsErrorCode.InvalidInput, 'the input is not valid', [
          { field: 'periodEnd', message: 'before periodStart' },
        ]);
      }
      const targets = await tx.targets.targetsByRoundIds([round.id]);
      const outside = targets.filter(
        (t) =>
          t.onSiteFrom !== null &&
          (periodStart === null ||
            periodEnd === null ||
            t.onSiteFrom < periodStart ||
            t.onSiteUntil! > periodEnd),
      );
      if (outside.length > 0) {
        throw inspectionsError(
          InspectionsErrorCode.RoundPeriodExcludesTarget,
          "the round's period must hold every unit's on-site window",
          outside.map((t) => ({
            field: 'periodStart',
            message: `target ${t.id}: ${t.onSiteFrom}–${t.onSiteUntil}`,
          })),
        );
      }
      const changes: Partial<InspectionRoundEntity> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.planDocumentNumber !== undefined)
        changes.planDocumentNumber = input.planDocumentNumber || null;
      if (input.groupLeaderId !== undefined) changes.groupLeaderId = input.groupLeaderId;
      if (input.deputyGroupLeaderId !== undefined) changes.deputyGroupLeaderId = input.deputyGroupLeaderId;
      if (input.periodStart !== undefined) changes.periodStart = input.periodStart;
      if (input.periodEnd !== undefined) changes.periodEnd = input.periodEnd;
      if (input.memberDepartments !== undefined) changes.memberDepartments = input.memberDepartments;
      if (input.specialInspections !== undefined) changes.specialInspections = input.specialInspections;
      if (input.budgetLines !== undefined) changes.budgetLines = input.budgetLines;
      if (input.outsideFirm !== undefined) changes.outsideFirm = input.outsideFirm;
      return updateAtVersion(
        tx.manager,
        InspectionRoundEntity,
        round.id,
        round.version,
        changes as never,
        InspectionsErrorCode.RoundNotFound,
      );
    });
  }

  /**
   * A round with a target list takes findings only for its targets, on site or in the summary; a
   * round run without one (ad hoc) takes them for any unit.
   */
  async recordFinding(rawInput: unknown): Promise<FindingEntity> {
    this.assertCanRecord();
    const input = parseInput(recordFindingSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const round = await this.openRound(tx, input.roundId);
      const targets = await tx.targets.targetsByRoundIds([round.id]);
      const target = targets.find((t) => t.agencyId === input.targetAgencyId) ?? null;
      if (targets.length > 0 && !target) {
        throw inspectionsError(
          InspectionsErrorCode.FindingTargetNotInRound,
          'this unit is not inspected in this round',
          [{ field: 'targetAgencyId', message: 'not a target of the round' }],
        );
      }
      if (target) this.assertPhase(target, FINDING_PHASES, 'recording a finding');
      const category = await this.categoryOf(tx, round.id, input.checkItemId ?? null, input.category || null);
      const number = (await tx.rounds.nextFindingNumber(round.id))!;
      const id = randomUUID();
      await tx.rounds.insertFinding({
        id,
        roundId: round.id,
        number,
        targetAgencyId: input.targetAgencyId,
        targetId: target?.id ?? null,
        checkItemId: input.checkItemId ?? null,
        category,
        title: input.title,
        description: input.description,
        severity: input.severity ?? 'GENERAL',
        evidence: input.evidence ?? [],
        status: 'DRAFT',
        recordedBy: this.principal.personId,
        recordedAt: this.clock(),
      });
      return (await tx.rounds.findingsByIds([id]))[0]!;
    });
  }

  /** A finding belongs to a check item (its category follows) or directly to a category. */
  private async categoryOf(
    tx: Tx,
    roundId: string,
    checkItemId: string | null,
    category: string | null,
  ): Promise<string | null> {
    if (checkItemId === null) return category;
    const [item] = await tx.checklist.itemsByIds([checkItemId]);
    if (!item || item.roundId !== roundId || item.supersededAt !== null) {
      throw inspectionsError(
        InspectionsErrorCode.CheckItemNotFound,
        "no such item on the round's check-item list",
        [{ field: 'checkItemId', message: 'not on the current list' }],
      );
    }
    if (category !== null && category !== item.category) {
      throw inspectionsError(InspectionsErrorCode.InvalidInput, 'the input is not valid', [
        { field: 'category', message: `the check item's category is ${item.category}` },
      ]);
    }
    return item.category;
  }

  /**
   * Confirms one finding of a round run without a target list. A target's findings are confirmed
   * by the written feedback to the unit (issueUnitFeedback), as the plan has it.
   */
  async confirmFinding(rawInput: unknown): Promise<FindingEntity> {
    this.assertCanRecord();
    const input = parseInput(confirmFindingSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const [finding] = await tx.rounds.findingsByIds([input.findingId]);
      if (!finding) {
        throw inspectionsError(InspectionsErrorCode.FindingNotFound, 'no such finding', [
          { field: 'findingId', message: 'not found' },
        ]);
      }
      assertVersion(finding, input.expectedVersion);
      if (finding.status !== 'DRAFT') {
        throw inspectionsError(
          InspectionsErrorCode.FindingAlreadyConfirmed,
          'this finding is already confirmed',
        );
      }
      if (finding.targetId !== null) {
        throw inspectionsError(
          InspectionsErrorCode.FindingConfirmedByFeedback,
          "a target's findings are confirmed by issuing the unit's written feedback",
        );
      }
      const round = await this.openRound(tx, finding.roundId);
      const at = this.clock();
      if (!(await tx.rounds.confirmFinding(finding.id, finding.version, this.principal.personId, at))) {
        throw inspectionsError(
          InspectionsErrorCode.FindingAlreadyConfirmed,
          'this finding was confirmed meanwhile',
        );
      }
      const [confirmed] = await tx.rounds.findingsByIds([finding.id]);
      await recordFindingConfirmed(tx, confirmed!, round.name, this.actor());
      return confirmed!;
    });
  }

  /** 移交纪检监察: a serious finding is handed to discipline inspection, once. */
  async referFindingToDiscipline(rawInput: unknown): Promise<FindingEntity> {
    this.assertCanRecord();
    const input = parseInput(referFindingSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (tx) => {
      const [finding] = await tx.rounds.findingsByIds([input.findingId]);
      if (!finding) {
        throw inspectionsError(InspectionsErrorCode.FindingNotFound, 'no such finding', [
          { field: 'findingId', message: 'not found' },
        ]);
      }
      assertVersion(finding, input.expectedVersion);
      await this.openRound(tx, finding.roundId);
      if (finding.severity !== 'SERIOUS') {
        throw inspectionsError(
          InspectionsErrorCode.FindingNotSerious,
          'only a serious finding is referred to discipline inspection',
        );
      }
      if (finding.referredToDisciplineOn !== null) {
        throw inspectionsError(
          InspectionsErrorCode.FindingAlreadyReferred,
          'this finding is already referred',
        );
      }
      return updateAtVersion(
        tx.manager,
        FindingEntity,
        finding.id,
        input.expectedVersion ?? finding.version,
        {
          referredToDisciplineOn: input.referredOn,
          referralNote: input.note || null,
          referredBy: this.principal.personId,
        },
        InspectionsErrorCode.FindingNotFound,
      );
    });
  }
}

/** Announces a confirmed finding: rectification opens a problem from it. */
export async function recordFindingConfirmed(
  tx: Tx,
  finding: FindingEntity,
  roundName: string,
  actor: EventActor,
): Promise<void> {
  await recordEvent(
    tx.manager,
    findingConfirmedV1,
    {
      findingId: finding.id,
      roundId: finding.roundId,
      roundName,
      findingNumber: finding.number,
      targetAgencyId: finding.targetAgencyId,
      title: finding.title,
      description: finding.description,
      category: finding.category,
      confirmedAt: finding.confirmedAt!.toISOString(),
    },
    { producer: PRODUCER, actor },
  );
}
