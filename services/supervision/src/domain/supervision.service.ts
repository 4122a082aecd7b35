import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { localDateOf } from '@eco/calendar';
import type { Principal } from '@eco/auth';
import { recordEvent, supervisionItemAssignedV1 } from '@eco/events';
import { parseInput, rowScopeOf, updateAtVersion } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { EntityManager } from 'typeorm';
import { MilestoneEntity } from '../persistence/milestone.entity';
import { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { SupervisionStore } from '../persistence/supervision.store';
import { WorkflowStore } from '../persistence/workflow.store';
import { canActForItem, canRegisterItems, isSupervisionOffice } from './access-policy';
import { actorOf } from './actor';
import { SUPERVISION_CATEGORIES } from './categories';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { expectedVersion, isoDate, text, uuid } from './input-schemas';
import { claimDueAt, feedbackDueAt } from './leader-instruction-clocks';
import { notFound, supervisionError, SupervisionErrorCode } from './supervision.errors';

const INVALID = SupervisionErrorCode.InvalidInput;

const createItemSchema = z
  .object({
    title: text(300),
    category: z.enum(SUPERVISION_CATEGORIES),
    sourcePlatform: z.string().trim().max(100).nullish(),
    platformNumber: z.string().trim().max(100).nullish(),
    year: z.number().int().min(2000).max(2100).nullish(),
    responsibleDepartmentId: uuid.nullish(),
    responsiblePersonId: uuid.nullish(),
    leadLeaderId: uuid.nullish(),
    involvedAgencyIds: z
      .array(uuid)
      .max(50)
      .nullish()
      .transform((ids) => [...new Set(ids ?? [])]),
    dueAt: z.date().nullish(),
    goal: z.string().trim().max(2000).nullish(),
    measures: z.array(text(1000)).max(50).nullish(),
    /** A leader instruction's 督办单: when it reached the platform and the feedback date it sets. */
    instruction: z.object({ receivedAt: z.date(), instructionDueOn: isoDate }).nullish(),
  })
  .refine((i) => i.category !== 'LEADER_INSTRUCTION' || Boolean(i.instruction), {
    path: ['instruction'],
    message: 'a leader instruction needs its receipt time and feedback date',
  });

const updateItemSchema = z.object({
  itemId: uuid,
  expectedVersion,
  title: text(300).optional(),
  sourcePlatform: z.string().trim().max(100).nullish(),
  platformNumber: z.string().trim().max(100).nullish(),
  responsibleDepartmentId: uuid.nullish(),
  responsiblePersonId: uuid.nullish(),
  leadLeaderId: uuid.nullish(),
  dueAt: z.date().nullish(),
  goal: z.string().trim().max(2000).nullish(),
  /** Null clears the list. */
  measures: z
    .array(text(1000))
    .max(50)
    .nullish()
    .transform((m) => (m === null ? [] : m)),
});

const addMilestoneSchema = z.object({
  itemId: uuid,
  description: text(500),
  dueOn: isoDate,
  targetPercent: z.number().int().min(0).max(100).nullish(),
});

const updateMilestoneSchema = z.object({
  milestoneId: uuid,
  expectedVersion,
  description: text(500).optional(),
  dueOn: isoDate.optional(),
  targetPercent: z.number().int().min(0).max(100).nullish(),
  /** Null reopens it. */
  completedOn: isoDate.nullish(),
});

const closeItemSchema = z.object({
  itemId: uuid,
  expectedVersion,
  note: z.string().trim().max(2000).nullish(),
});

/** Only present keys change: `undefined` leaves a field alone, `null` clears it. */
function present<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Loads an item for a change: missing → NOT_FOUND, closed → CLOSED. */
export async function openItem(store: SupervisionStore, itemId: string): Promise<SupervisionItemEntity> {
  const [item] = await store.itemsByIds([itemId]);
  if (!item) throw notFound(SupervisionErrorCode.ItemNotFound, 'itemId', 'supervision item');
  if (item.status === 'CLOSED') {
    throw supervisionError(SupervisionErrorCode.ItemClosed, 'the item is closed', [
      { field: 'itemId', message: 'closed' },
    ]);
  }
  return item;
}

/** Items, their task-book plans and milestones, and closing: the General Office's use cases. */
export class SupervisionService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  private write<T>(work: (manager: EntityManager, store: SupervisionStore) => Promise<T>): Promise<T> {
    return this.runtime.transaction(rowScopeOf(this.principal), (manager) =>
      work(manager, new SupervisionStore(manager)),
    );
  }

  async createItem(rawInput: unknown): Promise<SupervisionItemEntity> {
    if (!canRegisterItems(this.principal)) {
      throw supervisionError(
        SupervisionErrorCode.Forbidden,
        'only the supervision officer and bureau leaders may register items',
      );
    }
    const input = parseInput(createItemSchema, rawInput, INVALID);
    const now = this.clock();
    return this.write(async (manager, store) => {
      const id = randomUUID();
      await registerItem(manager, store, {
        id,
        title: input.title,
        category: input.category,
        sourcePlatform: input.sourcePlatform ?? null,
        platformNumber: input.platformNumber ?? null,
        year: input.year ?? Number(localDateOf(now).slice(0, 4)),
        responsibleDepartmentId: input.responsibleDepartmentId ?? null,
        responsiblePersonId: input.responsiblePersonId ?? null,
        leadLeaderId: input.leadLeaderId ?? null,
        involvedAgencyIds: input.involvedAgencyIds,
        dueAt: input.dueAt ?? null,
        goal: input.goal ?? null,
        measures: input.measures ?? [],
        createdAt: now,
        instruction: input.instruction ?? null,
        actor: this.principal,
      });
      return (await store.itemsByIds([id]))[0]!;
    });
  }

  /** The task-book plan and the item's particulars; the department may edit its own items' plans. */
  async updateItem(rawInput: unknown): Promise<SupervisionItemEntity> {
    const input = parseInput(updateItemSchema, rawInput, INVALID);
    return this.write(async (manager, store) => {
      const item = await openItem(store, input.itemId);
      const particulars =
        input.title !== undefined ||
        input.responsibleDepartmentId !== undefined ||
        input.leadLeaderId !== undefined ||
        input.sourcePlatform !== undefined ||
        input.platformNumber !== undefined;
      const allowed = particulars ? canRegisterItems(this.principal) : canActForItem(this.principal, item);
      if (!allowed) {
        throw supervisionError(
          SupervisionErrorCode.Forbidden,
          "the department may edit its item's plan; the particulars are the General Office's",
        );
      }
      const { itemId, expectedVersion: version, ...changes } = input;
      return updateAtVersion(
        manager,
        SupervisionItemEntity,
        itemId,
        version ?? item.version,
        present(changes),
        SupervisionErrorCode.ItemNotFound,
      );
    });
  }

  async addMilestone(rawInput: unknown): Promise<MilestoneEntity> {
    const input = parseInput(addMilestoneSchema, rawInput, INVALID);
    return this.write(async (_manager, store) => {
      const item = await openItem(store, input.itemId);
      this.assertActsFor(item);
      const id = randomUUID();
      await store.insertMilestone({
        id,
        itemId: item.id,
        description: input.description,
        dueOn: input.dueOn,
        targetPercent: input.targetPercent ?? null,
        completedOn: null,
        createdAt: this.clock(),
      });
      return (await store.milestonesByIds([id]))[0]!;
    });
  }

  async updateMilestone(rawInput: unknown): Promise<MilestoneEntity> {
    const input = parseInput(updateMilestoneSchema, rawInput, INVALID);
    return this.write(async (manager, store) => {
      const [milestone] = await store.milestonesByIds([input.milestoneId]);
      if (!milestone) throw notFound(SupervisionErrorCode.MilestoneNotFound, 'milestoneId', 'milestone');
      const item = await openItem(store, milestone.itemId);
      this.assertActsFor(item);
      const { milestoneId, expectedVersion: version, ...changes } = input;
      return updateAtVersion(
        manager,
        MilestoneEntity,
        milestoneId,
        version ?? milestone.version,
        present(changes),
        SupervisionErrorCode.MilestoneNotFound,
      );
    });
  }

  /**
   * The General Office closes an item (办理闭环). A leader instruction needs its closing report (专报)
   * and a historical problem its closure report (销项报告) first.
   */
  async closeItem(rawInput: unknown): Promise<SupervisionItemEntity> {
    const input = parseInput(closeItemSchema, rawInput, INVALID);
    if (!isSupervisionOffice(this.principal)) {
      throw supervisionError(SupervisionErrorCode.Forbidden, "closing items is the General Office's");
    }
    return this.write(async (manager, store) => {
      const item = await openItem(store, input.itemId);
      const workflow = new WorkflowStore(manager);
      if (item.category === 'LEADER_INSTRUCTION') {
        const [instruction] = await workflow.instructionsByItemIds([item.id]);
        if (!instruction?.closingReportSubmittedAt) {
          throw supervisionError(
            SupervisionErrorCode.ClosingReportMissing,
            'a leader instruction closes once its report to the district leader (专报) is in',
          );
        }
      }
      if (item.category === 'HISTORICAL_PROBLEM') {
        const [report] = await workflow.closureReportsByItemIds([item.id]);
        if (!report) {
          throw supervisionError(
            SupervisionErrorCode.ClosingReportMissing,
            'a historical problem closes on its closure report (销项情况报告, annex 4)',
          );
        }
      }
      return updateAtVersion(
        manager,
        SupervisionItemEntity,
        item.id,
        input.expectedVersion ?? item.version,
        {
          status: 'CLOSED',
          closedAt: this.clock(),
          closedBy: this.principal.personId,
          closingNote: input.note ?? null,
        },
        SupervisionErrorCode.ItemNotFound,
      );
    });
  }

  private assertActsFor(item: SupervisionItemEntity): void {
    if (!canActForItem(this.principal, item)) {
      throw supervisionError(
        SupervisionErrorCode.Forbidden,
        "only the item's department, the supervision officer or a bureau leader may do this",
      );
    }
  }
}

export interface NewItem {
  id: string;
  title: string;
  category: SupervisionItemEntity['category'];
  sourcePlatform: string | null;
  platformNumber: string | null;
  year: number;
  responsibleDepartmentId: string | null;
  responsiblePersonId: string | null;
  leadLeaderId: string | null;
  involvedAgencyIds: string[];
  dueAt: Date | null;
  goal: string | null;
  measures: string[];
  createdAt: Date;
  directLineItemId?: string | null;
  instruction: { receivedAt: Date; instructionDueOn: string } | null;
  actor: Principal | null;
  /** Fixed event id (demo data); random otherwise. */
  eventId?: string;
}

/**
 * Registers an item in the caller's transaction: a leader instruction starts its claim and feedback
 * clocks, and naming outside agencies opens a coordination task in each one's inbox (by event).
 */
export async function registerItem(
  manager: EntityManager,
  store: SupervisionStore,
  item: NewItem,
): Promise<void> {
  const { instruction, actor, eventId, ...row } = item;
  await store.insertItem({ ...row, light: null, status: 'OPEN' });
  if (instruction) {
    await new WorkflowStore(manager).insertInstruction({
      id: item.id,
      receivedAt: instruction.receivedAt,
      claimDueAt: claimDueAt(instruction.receivedAt),
      instructionDueOn: instruction.instructionDueOn,
      feedbackDueAt: feedbackDueAt(instruction.instructionDueOn),
    });
  }
  if (item.involvedAgencyIds.length > 0) {
    await recordEvent(
      manager,
      supervisionItemAssignedV1,
      {
        itemId: item.id,
        agencyIds: item.involvedAgencyIds,
        title: item.title,
        dueAt: item.dueAt?.toISOString() ?? null,
      },
      { producer: 'supervision', actor: actor ? actorOf(actor) : null, eventId, occurredAt: item.createdAt },
    );
  }
}
