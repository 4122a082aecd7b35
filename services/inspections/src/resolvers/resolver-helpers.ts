import { GraphQLError } from 'graphql';
import { canSeeRoundInternals, isGroupMember } from '../domain/access-policy';
import type { InspectionsContext } from './inspections.context';

export const forbidden = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN', public: true } });

export const agencyRef = (id: string) => ({ __typename: 'Agency', id });
export const personRef = (id: string | null) => (id ? { __typename: 'Person', id } : null);
export const problemRef = (id: string | null) => (id ? { __typename: 'Problem', id } : null);

/** Internal parts of a round answer FORBIDDEN to a partner agency (which may see a granted finding's round name). */
export function assertInternal(ctx: InspectionsContext, what: string): void {
  if (!canSeeRoundInternals(ctx.principal)) throw forbidden(`${what} is internal to the bureau`);
}

/** Whether the caller is in the inspection group of the round (loaded through the batch loader). */
export async function viewerIsGroupMember(ctx: InspectionsContext, roundId: string): Promise<boolean> {
  const round = await ctx.loaders.round.load(roundId);
  return round !== null && isGroupMember(ctx.principal, round);
}
