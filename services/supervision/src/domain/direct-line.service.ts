import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { hasAnyRole } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { directLineRepliedV1, recordEvent } from '@eco/events';
import { DomainError, parseInput, rowScopeOf } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { DirectLineItemEntity, DirectLineItemStatus } from '../persistence/direct-line-item.entity';
import { DirectLineStore } from '../persistence/direct-line.store';
import {
  directLineDeadline,
  HARD_CASE_INTERIM_REPLY,
  NOT_OUR_RESPONSIBILITY_REPLY,
} from './direct-line-clocks';

const INVALID = 'SUPERVISION_INVALID_INPUT';
const id = z.string().uuid('must be an id');
const triageSchema = z
  .object({ itemId: id, accept: z.boolean(), departmentId: id.nullish() })
  .refine((t) => !t.accept || Boolean(t.departmentId), {
    message: 'an accepted item needs a department',
    path: ['departmentId'],
  });
const itemSchema = z.object({ itemId: id });
const answerSchema = z.object({ itemId: id, answer: z.string().trim().min(1).max(5000) });

/** The bureau's handling of a township's @件: triage, claim, interim reply, answer — each reply goes back by event. */
export class DirectLineService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
  ) {}

  private async withItem(
    itemId: string,
    allowed: DirectLineItemStatus[],
    work: (
      item: DirectLineItemEntity,
      apply: (changes: Partial<DirectLineItemEntity>) => Promise<void>,
      manager: EntityManager,
    ) => Promise<void>,
  ): Promise<DirectLineItemEntity> {
    return this.runtime.transaction(rowScopeOf(this.principal), async (manager) => {
      const store = new DirectLineStore(manager);
      const [found] = await store.itemsByIds([itemId]);
      if (!found)
        throw new DomainError('DIRECT_LINE_ITEM_NOT_FOUND', 'no such direct-line item', [
          { field: 'itemId', message: 'not found' },
        ]);
      if (!allowed.includes(found.status)) {
        throw new DomainError(
          'DIRECT_LINE_ITEM_WRONG_STATE',
          `the item is ${found.status}; this step needs ${allowed.join(' or ')}`,
        );
      }
      const apply = async (changes: Partial<DirectLineItemEntity>) => {
        if (!(await store.update(found, changes))) {
          throw new DomainError('DIRECT_LINE_ITEM_CONFLICT', 'the item changed meanwhile; reload and retry');
        }
      };
      await work(found, apply, manager);
      return (await store.itemsByIds([itemId]))[0]!;
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
      {
        producer: 'supervision',
        actor: {
          personId: this.principal.personId,
          agencyId: this.principal.agencyId,
          name: this.principal.name,
        },
      },
    );
  }

  private assertDepartment(item: DirectLineItemEntity): void {
    const ofDepartment =
      item.departmentId === this.principal.agencyId &&
      hasAnyRole(this.principal, ['DEPARTMENT_CLERK', 'DEPARTMENT_HEAD']);
    if (!ofDepartment)
      throw new DomainError('FORBIDDEN', "only the assigned department's clerk or head may do this");
  }

  /** 甄别: the General Office accepts the item for a department, or declines it as not the bureau's. */
  async triage(rawInput: unknown): Promise<DirectLineItemEntity> {
    const input = parseInput(triageSchema, rawInput, INVALID);
    if (!hasAnyRole(this.principal, ['SUPERVISION_OFFICER']))
      throw new DomainError('FORBIDDEN', "triage is the General Office's");
    return this.withItem(input.itemId, ['AWAITING_TRIAGE'], async (item, apply, manager) => {
      const at = new Date();
      if (input.accept) {
        await apply({
          status: 'AWAITING_CLAIM',
          triagedAt: at,
          departmentId: input.departmentId!,
          claimDueAt: directLineDeadline(at, 'claim'),
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

  /** 认领: the department clerk takes the item; the answer clock starts at receipt. */
  async claim(rawInput: unknown): Promise<DirectLineItemEntity> {
    const input = parseInput(itemSchema, rawInput, INVALID);
    return this.withItem(input.itemId, ['AWAITING_CLAIM'], async (item, apply) => {
      this.assertDepartment(item);
      const at = new Date();
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
    return this.withItem(input.itemId, ['CLAIMED'], async (item, apply, manager) => {
      this.assertDepartment(item);
      const at = new Date();
      await apply({ status: 'HARD_CASE', interimRepliedAt: at });
      await this.reply(manager, item, 'INTERIM', HARD_CASE_INTERIM_REPLY, at);
    });
  }

  async answer(rawInput: unknown): Promise<DirectLineItemEntity> {
    const input = parseInput(answerSchema, rawInput, INVALID);
    return this.withItem(input.itemId, ['CLAIMED', 'HARD_CASE'], async (item, apply, manager) => {
      this.assertDepartment(item);
      const at = new Date();
      await apply({ status: 'ANSWERED', answeredAt: at, answer: input.answer });
      await this.reply(manager, item, 'ANSWER', input.answer, at);
    });
  }
}
