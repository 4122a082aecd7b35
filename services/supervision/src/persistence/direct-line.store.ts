import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DirectLineItemEntity } from './direct-line-item.entity';
import type { DirectLineItemStatus } from './direct-line-item.entity';

/** SQL of the direct-line items. */
export class DirectLineStore {
  constructor(private readonly manager: EntityManager) {}

  itemsByIds(ids: readonly string[]): Promise<DirectLineItemEntity[]> {
    return this.manager.find(DirectLineItemEntity, { where: { id: In([...ids]) } });
  }

  listItems(filter: {
    status?: DirectLineItemStatus | null;
    agencyId?: string;
  }): Promise<DirectLineItemEntity[]> {
    return this.manager.find(DirectLineItemEntity, {
      where: {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.agencyId ? { agencyId: filter.agencyId } : {}),
      },
      order: { raisedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Opens an item for a raised request unless one exists (a repeated event opens nothing). */
  async insertIfAbsent(item: Partial<DirectLineItemEntity>): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(DirectLineItemEntity)
      .values(item)
      .orIgnore()
      .execute();
  }

  /** Applies a step only to the version read, so two clerks cannot both move one item; false if one did. */
  async update(item: DirectLineItemEntity, changes: Partial<DirectLineItemEntity>): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(DirectLineItemEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: item.id, version: item.version })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
