import { GraphQLError } from 'graphql';
import { canReadInternal, canSeeItem } from '../domain/access-policy';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import type { SupervisionContext } from './supervision.context';

const forbidden = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN', public: true } });

/** Reports, lights, escalations and scores are the bureau's: a partner agency is refused them. */
export function assertInternal(ctx: SupervisionContext): void {
  if (!canReadInternal(ctx.principal)) throw forbidden('supervision records are internal to the bureau');
}

/** An item by id through the request's loader; another agency's item is refused. */
export async function visibleItem(
  id: string,
  ctx: SupervisionContext,
): Promise<SupervisionItemEntity | null> {
  const item = await ctx.loaders.item.load(id);
  if (item && !canSeeItem(ctx.principal, item)) throw forbidden('this item is not visible to your agency');
  return item;
}

/** Items by id for internal read models (already checked internal): one statement for all of them. */
export const itemsOf = (ids: readonly string[], ctx: SupervisionContext) =>
  Promise.all(ids.map((id) => ctx.loaders.item.load(id))).then((items) =>
    items.filter((i): i is SupervisionItemEntity => i !== null),
  );
