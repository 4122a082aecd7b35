import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { hasAnyRole } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { parseInput, rowScopeOf, updateAtVersion } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import { ClosureReportEntity } from '../persistence/closure-report.entity';
import { LeaderInstructionEntity } from '../persistence/leader-instruction.entity';
import type { ProgressMeetingEntity } from '../persistence/progress-meeting.entity';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { SupervisionStore } from '../persistence/supervision.store';
import { WorkflowStore } from '../persistence/workflow.store';
import { canActForItem, isSupervisionOffice } from './access-policy';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { expectedVersion, isoDate, text, uuid } from './input-schemas';
import { openItem } from './supervision.service';
import { notFound, supervisionError, SupervisionErrorCode } from './supervision.errors';

const INVALID = SupervisionErrorCode.InvalidInput;

const stepSchema = z.object({ itemId: uuid, expectedVersion });
const feedbackSchema = z.object({ itemId: uuid, expectedVersion, text: text(5000) });
const closingReportSchema = z.object({
  itemId: uuid,
  expectedVersion,
  text: text(5000),
  /** When the report went to the district's principal leader. */
  reportedToLeaderOn: isoDate,
});
const documentSchema = z.object({ name: text(255), url: z.string().url().max(2000).nullish() });
const closureReportSchema = z.object({
  itemId: uuid,
  expectedVersion,
  itemNumber: text(100),
  itemName: text(300),
  reportingAgencyId: uuid,
  problemDescription: text(5000),
  resolution: text(5000),
  solutionDocument: documentSchema,
  consentForm: documentSchema,
});
const meetingSchema = z.object({
  heldOn: isoDate,
  title: text(300),
  attendees: z.array(text(100)).max(100).nullish(),
  itemIds: z.array(uuid).max(200).nullish(),
  problems: z.string().trim().max(10_000).nullish(),
  decisions: z.string().trim().max(10_000).nullish(),
});

/**
 * The step-by-step work of seed 001's annexes: a leader instruction's claim, approved feedback and
 * closing report (annex 1); a historical problem's closure report (annex 4); the bi-monthly
 * progress meetings (§三(三)).
 */
export class WorkflowService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  /** 平台认领: the department signs for the instruction (due one working day after it arrived). */
  claimInstruction(rawInput: unknown): Promise<LeaderInstructionEntity> {
    const input = parseInput(stepSchema, rawInput, INVALID);
    return this.instructionStep(input.itemId, input.expectedVersion, (instruction) => {
      if (instruction.claimedAt) throw this.wrongState('the instruction is claimed already');
      return { claimedAt: this.clock(), claimedBy: this.principal.personId };
    });
  }

  /** 情况反馈: the department's feedback, awaiting the deputy chief's approval (a new text needs it again). */
  submitFeedback(rawInput: unknown): Promise<LeaderInstructionEntity> {
    const input = parseInput(feedbackSchema, rawInput, INVALID);
    return this.instructionStep(input.itemId, input.expectedVersion, (instruction) => {
      if (!instruction.claimedAt) throw this.wrongState('claim the instruction first');
      if (instruction.feedbackEnteredAt)
        throw this.wrongState('the feedback is entered on the platform already');
      return {
        feedbackText: input.text,
        feedbackSubmittedAt: this.clock(),
        feedbackApprovedAt: null,
        feedbackApprovedBy: null,
      };
    });
  }

  /** "反馈材料至少经分管局领导审核同意": the deputy chief in charge (or the bureau chief) approves. */
  approveFeedback(rawInput: unknown): Promise<LeaderInstructionEntity> {
    const input = parseInput(stepSchema, rawInput, INVALID);
    return this.instructionStep(
      input.itemId,
      input.expectedVersion,
      (instruction, item) => {
        const inCharge = item.leadLeaderId === null || item.leadLeaderId === this.principal.personId;
        const allowed =
          hasAnyRole(this.principal, ['BUREAU_CHIEF']) ||
          (hasAnyRole(this.principal, ['DEPUTY_CHIEF']) && inCharge);
        if (!allowed) {
          throw supervisionError(
            SupervisionErrorCode.Forbidden,
            'the deputy chief in charge (or the bureau chief) approves the feedback',
          );
        }
        if (!instruction.feedbackSubmittedAt) throw this.wrongState('no feedback to approve');
        if (instruction.feedbackApprovedAt) throw this.wrongState('the feedback is approved already');
        return { feedbackApprovedAt: this.clock(), feedbackApprovedBy: this.principal.personId };
      },
      false,
    );
  }

  /** The approved feedback is entered on the platform, due one working day before the instruction's date. */
  recordFeedbackEntered(rawInput: unknown): Promise<LeaderInstructionEntity> {
    const input = parseInput(stepSchema, rawInput, INVALID);
    return this.instructionStep(input.itemId, input.expectedVersion, (instruction) => {
      if (!instruction.feedbackApprovedAt) throw this.wrongState('the feedback is not approved yet');
      if (instruction.feedbackEnteredAt) throw this.wrongState('the feedback is entered already');
      return { feedbackEnteredAt: this.clock() };
    });
  }

  /** 形成专报: carried out, reported to the district leader; the General Office then closes the item. */
  submitClosingReport(rawInput: unknown): Promise<LeaderInstructionEntity> {
    const input = parseInput(closingReportSchema, rawInput, INVALID);
    return this.instructionStep(input.itemId, input.expectedVersion, (instruction) => {
      if (!instruction.claimedAt) throw this.wrongState('claim the instruction first');
      return {
        closingReport: input.text,
        closingReportedToLeaderOn: input.reportedToLeaderOn,
        closingReportSubmittedAt: this.clock(),
      };
    });
  }

  /** Annex 4's closure report of a historical-problem item; resubmitting (with expectedVersion) revises it. */
  async submitClosureReport(rawInput: unknown): Promise<ClosureReportEntity> {
    const input = parseInput(closureReportSchema, rawInput, INVALID);
    return this.write(async (manager, item) => {
      if (item.category !== 'HISTORICAL_PROBLEM') {
        throw supervisionError(
          SupervisionErrorCode.ClosureReportNotAllowed,
          'closure reports are for items of the historical-problem campaign (攻坚行动)',
        );
      }
      const workflow = new WorkflowStore(manager);
      const [existing] = await workflow.closureReportsByItemIds([item.id]);
      const { itemId, expectedVersion: version, ...fields } = input;
      const report = {
        ...fields,
        solutionDocument: { name: fields.solutionDocument.name, url: fields.solutionDocument.url ?? null },
        consentForm: { name: fields.consentForm.name, url: fields.consentForm.url ?? null },
        submittedAt: this.clock(),
        submittedBy: this.principal.personId,
      };
      if (!existing) {
        await workflow.insertClosureReport({ id: itemId, ...report });
        return (await workflow.closureReportsByItemIds([itemId]))[0]!;
      }
      return updateAtVersion(
        manager,
        ClosureReportEntity,
        itemId,
        version ?? existing.version,
        report,
        SupervisionErrorCode.ClosureReportNotAllowed,
      );
    }, input.itemId);
  }

  /** 双月例会: the record of a bi-monthly progress meeting. */
  async recordMeeting(rawInput: unknown): Promise<ProgressMeetingEntity> {
    if (!isSupervisionOffice(this.principal)) {
      throw supervisionError(SupervisionErrorCode.Forbidden, "meeting records are the General Office's");
    }
    const input = parseInput(meetingSchema, rawInput, INVALID);
    return this.runtime.transaction(rowScopeOf(this.principal), async (manager) => {
      const itemIds = [...new Set(input.itemIds ?? [])];
      const found = await new SupervisionStore(manager).itemsByIds(itemIds);
      const unknown = itemIds.filter((id) => !found.some((i) => i.id === id));
      if (unknown.length > 0) {
        throw supervisionError(INVALID, 'the input is not valid', [
          { field: 'itemIds', message: `no such items: ${unknown.join(', ')}` },
        ]);
      }
      const meeting: ProgressMeetingEntity = {
        id: randomUUID(),
        heldOn: input.heldOn,
        title: input.title,
        attendees: input.attendees ?? [],
        itemIds,
        problems: input.problems ?? null,
        decisions: input.decisions ?? null,
        recordedBy: this.principal.personId,
        recordedAt: this.clock(),
      };
      await new WorkflowStore(manager).insertMeeting(meeting);
      return meeting;
    });
  }

  private write<T>(
    work: (manager: EntityManager, item: SupervisionItemEntity) => Promise<T>,
    itemId: string,
    departmentOnly = true,
  ): Promise<T> {
    return this.runtime.transaction(rowScopeOf(this.principal), async (manager) => {
      const item = await openItem(new SupervisionStore(manager), itemId);
      if (departmentOnly && !canActForItem(this.principal, item)) {
        throw supervisionError(
          SupervisionErrorCode.Forbidden,
          "only the item's department or the office may do this",
        );
      }
      return work(manager, item);
    });
  }

  private instructionStep(
    itemId: string,
    version: number | null | undefined,
    changes: (
      instruction: LeaderInstructionEntity,
      item: SupervisionItemEntity,
    ) => Partial<LeaderInstructionEntity>,
    departmentOnly = true,
  ): Promise<LeaderInstructionEntity> {
    return this.write(
      async (manager, item) => {
        const [instruction] = await new WorkflowStore(manager).instructionsByItemIds([item.id]);
        if (!instruction) {
          throw notFound(SupervisionErrorCode.LeaderInstructionNotFound, 'itemId', 'leader instruction');
        }
        return updateAtVersion(
          manager,
          LeaderInstructionEntity,
          item.id,
          version ?? instruction.version,
          changes(instruction, item),
          SupervisionErrorCode.LeaderInstructionNotFound,
        );
      },
      itemId,
      departmentOnly,
    );
  }

  private wrongState(message: string) {
    return supervisionError(SupervisionErrorCode.LeaderInstructionWrongState, message);
  }
}
