import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { EscalationEntity } from './escalation.entity';
import type { EscalationState } from './escalation.entity';
import { EscalationFlagEntity } from './escalation-flag.entity';

/** SQL of escalation flags and interviews. */
export class EscalationStore {
  constructor(private readonly manager: EntityManager) {}

  flagsByItemIds(itemIds: readonly string[]): Promise<EscalationFlagEntity[]> {
    return this.manager.find(EscalationFlagEntity, {
      where: { itemId: In([...itemIds]) },
      order: { recordedAt: 'ASC' },
    });
  }

  async insertFlag(flag: EscalationFlagEntity): Promise<void> {
    await this.manager.insert(EscalationFlagEntity, flag);
  }

  escalationsByIds(ids: readonly string[]): Promise<EscalationEntity[]> {
    return this.manager.find(EscalationEntity, { where: { id: In([...ids]) } });
  }

  escalationsByItemIds(itemIds: readonly string[]): Promise<EscalationEntity[]> {
    return this.manager.find(EscalationEntity, {
      where: { itemId: In([...itemIds]) },
      order: { triggeredAt: 'ASC' },
    });
  }

  /** Newest first; `state` and `states` both apply when both are given (an empty `states` matches none). */
  async listEscalations(filter: {
    state?: EscalationState | null;
    states?: readonly EscalationState[] | null;
    level?: number | null;
  }): Promise<EscalationEntity[]> {
    // One set of states: `states` narrowed to `state`, or `state` alone, or none (any state).
    const states = filter.states
      ? filter.states.filter((s) => !filter.state || s === filter.state)
      : filter.state
        ? [filter.state]
        : null;
    if (states && states.length === 0) return [];
    return this.manager.find(EscalationEntity, {
      where: {
        ...(states ? { state: In([...states]) } : {}),
        ...(filter.level ? { level: filter.level as 1 | 2 | 3 } : {}),
      },
      order: { triggeredAt: 'DESC', id: 'ASC' },
    });
  }

  async insertEscalation(escalation: Partial<EscalationEntity>): Promise<void> {
    await this.manager.insert(EscalationEntity, escalation);
  }
}
