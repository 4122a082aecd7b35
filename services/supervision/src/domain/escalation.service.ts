import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { parseInput, rowScopeOf, updateAtVersion } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import { EscalationEntity } from '../persistence/escalation.entity';
import type { EscalationState } from '../persistence/escalation.entity';
import type { EscalationFlagEntity } from '../persistence/escalation-flag.entity';
import { EscalationStore } from '../persistence/escalation.store';
import { SupervisionStore } from '../persistence/supervision.store';
import { isSupervisionOffice } from './access-policy';
import { actorOf } from './actor';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { expectedVersion, isoDate, period, uuid } from './input-schemas';
import { evaluateEscalation } from './item-monitoring';
import { openItem } from './supervision.service';
import { notFound, supervisionError, SupervisionErrorCode } from './supervision.errors';

const INVALID = SupervisionErrorCode.InvalidInput;

const recordFlagSchema = z
  .object({
    itemId: uuid,
    kind: z.enum(['NAMED_CRITICISM', 'SERIOUSLY_BEHIND', 'OVER_LIMIT_REPORT']),
    raisedBy: z.enum(['DISTRICT_DEPUTY_LEADER', 'DISTRICT_PRINCIPAL_LEADER']).nullish(),
    period: period.nullish(),
    occasion: z.string().trim().max(300).nullish(),
    raisedOn: isoDate,
  })
  .refine((f) => f.kind === 'OVER_LIMIT_REPORT' || Boolean(f.raisedBy), {
    path: ['raisedBy'],
    message: 'criticism and "seriously behind" name the district leader who said it',
  })
  .refine((f) => f.kind !== 'OVER_LIMIT_REPORT' || Boolean(f.period), {
    path: ['period'],
    message: 'an over-limit report names the period it was for',
  });

const scheduleSchema = z.object({
  escalationId: uuid,
  expectedVersion,
  interviewerPersonId: uuid.nullish(),
  intervieweePersonId: uuid.nullish(),
  scheduledAt: z.date(),
});
const holdSchema = z.object({
  escalationId: uuid,
  expectedVersion,
  heldAt: z.date().nullish(),
  notes: z.string().trim().min(1).max(5000),
});
const waiveSchema = z.object({
  escalationId: uuid,
  expectedVersion,
  reason: z.string().trim().min(1).max(2000),
});

/** 约谈问询: the officer's flags, and each interview's course (scheduled, held, or waived 酌情). */
export class EscalationService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  private assertOffice(): void {
    if (!isSupervisionOffice(this.principal)) {
      throw supervisionError(SupervisionErrorCode.Forbidden, "escalation is the General Office's to record");
    }
  }

  /**
   * Records a district leader's named criticism or "seriously behind" (区分管领导 → level 2, 区主要
   * 领导 → level 3), or an over-limit report the platform raised; the item's escalation is then
   * re-derived. Returns the flag and the interview it opened, if any.
   */
  async recordFlag(
    rawInput: unknown,
  ): Promise<{ flag: EscalationFlagEntity; escalation: EscalationEntity | null }> {
    this.assertOffice();
    const input = parseInput(recordFlagSchema, rawInput, INVALID);
    const now = this.clock();
    return this.runtime.transaction(rowScopeOf(this.principal), async (manager) => {
      const item = await openItem(new SupervisionStore(manager), input.itemId);
      const flag: EscalationFlagEntity = {
        id: randomUUID(),
        itemId: item.id,
        kind: input.kind,
        raisedBy: input.kind === 'OVER_LIMIT_REPORT' ? null : input.raisedBy!,
        period: input.period ?? null,
        occasion: input.occasion ?? null,
        raisedOn: input.raisedOn,
        recordedBy: this.principal.personId,
        recordedAt: now,
      };
      await new EscalationStore(manager).insertFlag(flag);
      const escalation = await evaluateEscalation(manager, item.id, now, actorOf(this.principal));
      return { flag, escalation };
    });
  }

  async schedule(rawInput: unknown): Promise<EscalationEntity> {
    const input = parseInput(scheduleSchema, rawInput, INVALID);
    return this.step(input.escalationId, input.expectedVersion, ['TRIGGERED', 'SCHEDULED'], (current) => ({
      state: 'SCHEDULED',
      scheduledAt: input.scheduledAt,
      interviewerPersonId: input.interviewerPersonId ?? current.interviewerPersonId,
      intervieweePersonId: input.intervieweePersonId ?? current.intervieweePersonId,
    }));
  }

  async recordHeld(rawInput: unknown): Promise<EscalationEntity> {
    const input = parseInput(holdSchema, rawInput, INVALID);
    return this.step(input.escalationId, input.expectedVersion, ['TRIGGERED', 'SCHEDULED'], () => ({
      state: 'HELD',
      heldAt: input.heldAt ?? this.clock(),
      notes: input.notes,
    }));
  }

  /** 酌情: the office may decide an interview is not needed, saying why. */
  async waive(rawInput: unknown): Promise<EscalationEntity> {
    const input = parseInput(waiveSchema, rawInput, INVALID);
    return this.step(input.escalationId, input.expectedVersion, ['TRIGGERED', 'SCHEDULED'], () => ({
      state: 'WAIVED',
      waivedReason: input.reason,
    }));
  }

  private step(
    escalationId: string,
    version: number | null | undefined,
    from: EscalationState[],
    changes: (current: EscalationEntity) => Partial<EscalationEntity>,
  ): Promise<EscalationEntity> {
    this.assertOffice();
    return this.runtime.transaction(rowScopeOf(this.principal), async (manager) => {
      const [current] = await new EscalationStore(manager).escalationsByIds([escalationId]);
      if (!current) throw notFound(SupervisionErrorCode.EscalationNotFound, 'escalationId', 'escalation');
      if (!from.includes(current.state)) {
        throw supervisionError(
          SupervisionErrorCode.EscalationWrongState,
          `the escalation is ${current.state}; this step needs ${from.join(' or ')}`,
        );
      }
      return updateAtVersion(
        manager,
        EscalationEntity,
        escalationId,
        version ?? current.version,
        changes(current) as never,
        SupervisionErrorCode.EscalationNotFound,
      );
    });
  }
}
