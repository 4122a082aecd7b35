import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { SupervisionCategory } from '../domain/categories';
import { SupervisionItemEntity } from './supervision-item.entity';
import { SupervisionItemUpdateEntity } from './supervision-item-update.entity';

/** All SQL of the supervision subgraph. Every read takes many keys at once (one statement). */
export class SupervisionStore {
  constructor(private readonly manager: EntityManager) {}

  itemsByIds(ids: readonly string[]): Promise<SupervisionItemEntity[]> {
    return this.manager.find(SupervisionItemEntity, { where: { id: In([...ids]) } });
  }

  listItems(filter: {
    category?: SupervisionCategory | null;
    visibleTo?: string;
  }): Promise<SupervisionItemEntity[]> {
    const query = this.manager
      .createQueryBuilder(SupervisionItemEntity, 'i')
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id');
    if (filter.category) query.andWhere('i.category = :category', { category: filter.category });
    if (filter.visibleTo)
      query.andWhere(':agency = ANY(i.involved_agency_ids)', { agency: filter.visibleTo });
    return query.getMany();
  }

  /** Items each agency is responsible for or involved in. */
  async itemsByAgencyIds(
    agencyIds: readonly string[],
  ): Promise<{ agencyId: string; item: SupervisionItemEntity }[]> {
    const items = await this.manager
      .createQueryBuilder(SupervisionItemEntity, 'i')
      .where(
        'i.responsible_department_id IN (:...ids) OR i.involved_agency_ids && CAST(:idArray AS uuid[])',
        {
          ids: agencyIds,
          idArray: agencyIds,
        },
      )
      .orderBy('i.created_at', 'DESC')
      .getMany();
    return items.flatMap((item) =>
      agencyIds
        .filter((id) => item.responsibleDepartmentId === id || item.involvedAgencyIds.includes(id))
        .map((agencyId) => ({ agencyId, item })),
    );
  }

  updatesByItemIds(itemIds: readonly string[]): Promise<SupervisionItemUpdateEntity[]> {
    return this.manager.find(SupervisionItemUpdateEntity, {
      where: { itemId: In([...itemIds]) },
      order: { at: 'ASC' },
    });
  }

  async insertItem(item: Partial<SupervisionItemEntity>): Promise<void> {
    await this.manager.insert(SupervisionItemEntity, item);
  }

  async insertUpdate(update: Partial<SupervisionItemUpdateEntity>): Promise<void> {
    await this.manager.insert(SupervisionItemUpdateEntity, update);
  }
}
