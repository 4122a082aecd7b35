import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { hasAnyRole } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { localDateOf } from '@eco/calendar';
import { directLineRepliedV1, recordEvent } from '@eco/events';
import { parseInput, rowScopeOf, updateAtVersion } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import { DirectLineItemEntity } from '../persistence/direct-line-item.entity';
import type { DirectLineItemStatus } from '../persistence/direct-line-item.entity';
import { DirectLineStore } from '../persistence/direct-line.store';
import { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { SupervisionStore } from '../persistence/supervision.store';
import { actorOf } from './actor';
import { systemClock } from './clock';
import type { Clock } from './clock';
import {
  directLineDeadline,
  HARD_CASE_INTERIM_REPLY,
  NOT_OUR_RESPONSIBILITY_REPLY,
} from './direct-line-clocks';
import { expectedVersion, uuid } from './input-schemas';
import { registerItem } from './supervision.service';
import { notFound, supervisionError, SupervisionErrorCode } from './supervision.errors';

const INVALID = SupervisionErrorCode.InvalidInput;
const triageSchema = z
  .object({ itemId: uuid, expectedVersion, accept: z.boolean(), departmentId: uuid.nullish() })
  .refine((t) => !t.accept || Boolean(t.departmentId), {
    message: 'an accepted item needs a department',
    path: ['departmentId'],
  });
const itemSchema = z.object({ itemId: uuid, expectedVersion });
const answerSchema = z.object({ itemId: uuid, expectedVersion, answer: z.string().trim().min(1).max(5000) });

/**
 * The bureau's handling of a township's @件 (seed 001 annex 3): triage, claim, interim reply,
 * answer — each reply goes back by event. An accepted @件 is also tracked as a supervised item of
 * the TOWNSHIP_DIRECT_LINE category, closed when it is answered.
 */
export class DirectLineService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  private async withItem(
    input: { itemId: string; expectedVersion?: number | null },
    allowed: DirectLineItemStatus[],
    work: (
      item: DirectLineItemEntity,
      apply: (changes: Partial<DirectLineItemEntity>) => Promise<void>,
      manager: EntityManager,
    ) => Promise<void>,
  ): Promise<DirectLineItemEntity> {
    return this.runtime.transaction(rowScopeOf(this.principal), async (manager) => {
      const store = new DirectLineStore(manager);
      const [found] = await store.itemsByIds([input.itemId]);
      if (!found) throw notFound(SupervisionErrorCode.DirectLineItemNotFound, 'itemId', 'direct-line item');
      if (!allowed.includes(found.status)) {
        throw supervisionError(
          SupervisionErrorCode.DirectLineItemWrongState,
          `the item is ${found.status}; this step needs ${allowed.join(' or ')}`,
        );
      }
      // The version read guards the step even without expectedVersion: two clerks cannot both move it.
      const apply = async (changes: Partial<DirectLineItemEntity>) => {
        await updateAtVersion(
          manager,
          DirectLineItemEntity,
          found.id,
          input.expectedVersion ?? found.version,
          changes,
          SupervisionErrorCode.DirectLineItemNotFound,
        );
      };
      await work(found, apply, manager);
      return (await store.itemsByIds([input.itemId]))[0]!;
    });
  }

  private async reply(
    manager: EntityManager,
    item: DirectLineItemEntity,
    kind: 'DECLINED' | 'INTERIM' | 'ANSWER',
    text: string,
    at: Date,
  ) {
    await recordEvent(
      manager,
      directLineRepliedV1,
      {
        requestId: item.requestId,
        itemId: item.id,
        agencyId: item.agencyId,
        kind,
        text,
        repliedAt: at.toISOString(),
      },
      { producer: 'supervision', actor: actorOf(this.principal), occurredAt: at },
    );
  }

  private assertDepartment(item: DirectLineItemEntity): void {
    const ofDepartment =
      item.departmentId === this.principal.agencyId &&
      hasAnyRole(this.principal, ['DEPARTMENT_CLERK', 'DEPARTMENT_HEAD']);
    if (!ofDepartment)
      throw supervisionError(
        SupervisionErrorCode.Forbidden,
        "only the assigned department's clerk or head may do this",
      );
  }

  /** 甄别: the General Office accepts the item for a department, or declines it as not the bureau's. */
  async triage(rawInput: unknown): Promise<DirectLineItemEntity> {
    const input = parseInput(triageSchema, rawInput, INVALID);
    if (!hasAnyRole(this.principal, ['SUPERVISION_OFFICER']))
      throw supervisionError(SupervisionErrorCode.Forbidden, "triage is the General Office's");
    return this.withItem(input, ['AWAITING_TRIAGE'], async (item, apply, manager) => {
      const at = this.clock();
      if (input.accept) {
        await apply({
          status: 'AWAITING_CLAIM',
          triagedAt: at,
          departmentId: input.departmentId!,
          claimDueAt: directLineDeadline(at, 'claim'),
        });
        await registerItem(manager, new SupervisionStore(manager), {
          id: randomUUID(),
          title: item.title,
          category: 'TOWNSHIP_DIRECT_LINE',
          sourcePlatform: '街镇直通车',
          platformNumber: null,
          year: Number(localDateOf(item.raisedAt).slice(0, 4)),
          responsibleDepartmentId: input.departmentId!,
          responsiblePersonId: null,
          leadLeaderId: null,
          involvedAgencyIds: [],
          dueAt: null,
          goal: null,
          measures: [],
          createdAt: at,
          directLineItemId: item.id,
          instruction: null,
          actor: this.principal,
        });
      } else {
        await apply({
          status: 'DECLINED',
          triagedAt: at,
          answeredAt: at,
          answer: NOT_OUR_RESPONSIBILITY_REPLY,
        });
        await this.reply(manager, item, 'DECLINED', NOT_OUR_RESPONSIBILITY_REPLY, at);
      }
    });
  }

  /** 认领: the department clerk takes the item; the answer and interim clocks start at receipt (接件). */
  async claim(rawInput: unknown): Promise<DirectLineItemEntity> {
    const input = parseInput(itemSchema, rawInput, INVALID);
    return this.withItem(input, ['AWAITING_CLAIM'], async (item, apply) => {
      this.assertDepartment(item);
      const at = this.clock();
      await apply({
        status: 'CLAIMED',
        claimedAt: at,
        claimedBy: this.principal.personId,
        answerDueAt: directLineDeadline(at, 'answer'),
        interimDueAt: directLineDeadline(at, 'interim'),
      });
    });
  }

  /** 疑难件: the fixed interim reply goes back at once; the answer follows collective discussion. */
  async markHardCase(rawInput: unknown): Promise<DirectLineItemEntity> {
    const input = parseInput(itemSchema, rawInput, INVALID);
    return this.withItem(input, ['CLAIMED'], async (item, apply, manager) => {
      this.assertDepartment(item);
      const at = this.clock();
      await apply({ status: 'HARD_CASE', interimRepliedAt: at });
      await this.reply(manager, item, 'INTERIM', HARD_CASE_INTERIM_REPLY, at);
    });
  }

  async answer(rawInput: unknown): Promise<DirectLineItemEntity> {
    const input = parseInput(answerSchema, rawInput, INVALID);
    return this.withItem(input, ['CLAIMED', 'HARD_CASE'], async (item, apply, manager) => {
      this.assertDepartment(item);
      const at = this.clock();
      await apply({ status: 'ANSWERED', answeredAt: at, answer: input.answer });
      await this.reply(manager, item, 'ANSWER', input.answer, at);
      const [tracked] = await new SupervisionStore(manager).itemsByDirectLineItemIds([item.id]);
      if (tracked && tracked.status === 'OPEN') {
        await updateAtVersion(
          manager,
          SupervisionItemEntity,
          tracked.id,
          tracked.version,
          {
            status: 'CLOSED',
            closedAt: at,
            closedBy: this.principal.personId,
            closingNote: '已在街镇直通车平台回复',
          },
          SupervisionErrorCode.ItemNotFound,
        );
      }
    });
  }
}
