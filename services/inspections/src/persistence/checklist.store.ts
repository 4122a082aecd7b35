import { In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ChecklistItemEntity } from './checklist-item.entity';

/** SQL of check-item lists. */
export class ChecklistStore {
  constructor(private readonly manager: EntityManager) {}

  itemsByIds(ids: readonly string[]): Promise<ChecklistItemEntity[]> {
    return this.manager.find(ChecklistItemEntity, { where: { id: In([...ids]) } });
  }

  /** The lists in force (superseded rows excluded), in list order. */
  currentItemsByRoundIds(roundIds: readonly string[]): Promise<ChecklistItemEntity[]> {
    return this.manager.find(ChecklistItemEntity, {
      where: { roundId: In([...roundIds]), supersededAt: IsNull() },
      order: { position: 'ASC' },
    });
  }

  /** Records are superseded, not deleted: findings keep pointing at the row they were recorded against. */
  async supersedeCurrent(roundId: string, at: Date): Promise<void> {
    await this.manager.update(ChecklistItemEntity, { roundId, supersededAt: IsNull() }, { supersededAt: at });
  }

  async insertItems(items: ChecklistItemEntity[]): Promise<void> {
    if (items.length > 0) await this.manager.insert(ChecklistItemEntity, items);
  }
}
