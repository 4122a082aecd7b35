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
}
