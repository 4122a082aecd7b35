import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { recordEvent, supervisionItemAssignedV1 } from '@eco/events';
import { DomainError, parseInput, rowScopeOf } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { SupervisionStore } from '../persistence/supervision.store';
import { canRegisterItems } from './access-policy';
import { SUPERVISION_CATEGORIES } from './categories';

const uuid = z.string().uuid('must be an id');
const createItemSchema = z.object({
  title: z.string().trim().min(1).max(300),
  category: z.enum(SUPERVISION_CATEGORIES),
  sourcePlatform: z.string().trim().max(100).nullish(),
  responsibleDepartmentId: uuid.nullish(),
  responsiblePersonId: uuid.nullish(),
  involvedAgencyIds: z
    .array(uuid)
    .max(50)
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])]),
  dueAt: z.date().nullish(),
});

/** The General Office's supervision use cases, run for one caller. */
export class SupervisionService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
  ) {}

  async createItem(rawInput: unknown): Promise<SupervisionItemEntity> {
    if (!canRegisterItems(this.principal)) {
      throw new DomainError(
        'FORBIDDEN',
        'only the supervision officer and bureau leaders may register items',
      );
    }
    const input = parseInput(createItemSchema, rawInput, 'SUPERVISION_INVALID_INPUT');
    return this.runtime.transaction(rowScopeOf(this.principal), async (manager) => {
      const store = new SupervisionStore(manager);
      const id = randomUUID();
      await store.insertItem({
        id,
        title: input.title,
        category: input.category,
        sourcePlatform: input.sourcePlatform ?? null,
        responsibleDepartmentId: input.responsibleDepartmentId ?? null,
        responsiblePersonId: input.responsiblePersonId ?? null,
        involvedAgencyIds: input.involvedAgencyIds,
        light: null,
        dueAt: input.dueAt ?? null,
      });
      if (input.involvedAgencyIds.length > 0) {
        await recordEvent(
          manager,
          supervisionItemAssignedV1,
          {
            itemId: id,
            agencyIds: input.involvedAgencyIds,
            title: input.title,
            dueAt: input.dueAt?.toISOString() ?? null,
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
      return (await store.itemsByIds([id]))[0]!;
    });
  }
}
