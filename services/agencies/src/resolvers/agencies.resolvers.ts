import { BoundedDateTime, BoundedLocalDate } from '@eco/subgraph';
import { GraphQLError } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { isPartner } from '@eco/auth';
import {
  asMutationResult,
  decodeCursor,
  DomainError,
  encodeCursor,
  orGraphQLError,
  pageSize,
  requireId,
} from '@eco/subgraph';
import { canListTasksOf, canSeeTask } from '../domain/access-policy';
import { acknowledgementStatus } from '../domain/acknowledgement-sla';
import type { MembershipEntity } from '../persistence/membership.entity';
import type { DirectLineRequestEntity } from '../persistence/direct-line-request.entity';
import type { AgencyEntity } from '../persistence/agency.entity';
import { PARTNER_KINDS } from '../persistence/agency.entity';
import type { CoordinationTaskEntity, CoordinationTaskStatus } from '../persistence/coordination-task.entity';
import type { PersonEntity } from '../persistence/person.entity';
import type { TaskUpdateEntity } from '../persistence/task-update.entity';
import type { AgenciesContext } from './agencies.context';
import { weeklyRollupResolvers } from './weekly-rollup.resolvers';

const forbidden = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN', public: true } });

async function visibleTask(id: string, ctx: AgenciesContext): Promise<CoordinationTaskEntity | null> {
  const task = await ctx.loaders.task.load(id);
  if (task && !canSeeTask(ctx.principal, task)) throw forbidden('this task belongs to another agency');
  return task;
}

interface TaskListArgs {
  filter?: {
    status?: CoordinationTaskStatus[] | null;
    dueBefore?: Date | null;
    dueAfter?: Date | null;
  } | null;
  first?: number | null;
  after?: string | null;
}

/** An agency's inbox as a connection: one statement for the page, one for the count. */
async function taskConnection(agencyId: string, args: TaskListArgs, ctx: AgenciesContext) {
  return orGraphQLError(async () => {
    const limit = pageSize(args.first);
    const beforeSeq = args.after ? decodeCursor(args.after).sortValue : null;
    if (beforeSeq !== null && !/^\d+$/.test(beforeSeq))
      throw new DomainError('PAGINATION_INVALID_CURSOR', 'the cursor is not one this API issued');
    const filter = {
      agencyId,
      statuses: args.filter?.status,
      dueBefore: args.filter?.dueBefore,
      dueAfter: args.filter?.dueAfter,
    };
    const [rows, totalCount] = await Promise.all([
      ctx.store.pageTasks({ ...filter, beforeSeq, limit }),
      ctx.store.countTasks(filter),
    ]);
    const page = rows.slice(0, limit);
    for (const task of page) ctx.loaders.task.prime(task.id, task);
    const edges = page.map((task) => ({
      cursor: encodeCursor({ sortValue: task.seq, id: task.id }),
      node: task,
    }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  });
}

export const agenciesResolvers: GraphQLResolverMap<AgenciesContext> = {
  DateTime: BoundedDateTime,
  Date: BoundedLocalDate,
  ...weeklyRollupResolvers,

  Query: {
    me: (_root, _args, ctx) => ctx.loaders.person.load(ctx.principal.personId),
    agencies: (_root, { kinds }: { kinds?: AgencyEntity['kind'][] | null }, ctx) =>
      ctx.store.listAgencies(kinds),
    agency: (_root, { id }: { id: string }, ctx) => ctx.loaders.agency.load(id),
    myTasks: (_root, args: TaskListArgs, ctx) => taskConnection(ctx.principal.agencyId, args, ctx),
    agencyTasks: (_root, args: TaskListArgs & { agencyId: string }, ctx) => {
      requireId(args.agencyId, 'agencyId');
      if (!canListTasksOf(ctx.principal, args.agencyId))
        throw forbidden('a partner agency may list only its own tasks');
      return taskConnection(args.agencyId, args, ctx);
    },
    task: (_root, { id }: { id: string }, ctx) => visibleTask(id, ctx),
    directLineRequests: (_root, _args, ctx) =>
      ctx.directLineStore.listRequests(isPartner(ctx.principal) ? ctx.principal.agencyId : undefined),
  },

  Mutation: {
    acknowledgeTask: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ task: await ctx.tasks.acknowledge(input) })),
    reportTaskProgress: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ task: await ctx.tasks.reportProgress(input) })),
    raiseDirectLineItem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ request: await ctx.directLine.raise(input) })),
    requestTaskCompletion: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ task: await ctx.tasks.requestCompletion(input) })),
  },

  Membership: {
    agency: (membership: MembershipEntity, _args, ctx) => ctx.loaders.agency.load(membership.agencyId),
  },

  Agency: {
    liaisons: async (agency: AgencyEntity, _args, ctx) => {
      const liaisons = (await ctx.loaders.membershipsByAgency.load(agency.id)).filter(
        (m) => m.kind === 'LIAISON',
      );
      return (await ctx.loaders.person.loadMany(liaisons.map((m) => m.personId))).filter(
        (p) => p && !(p instanceof Error),
      );
    },
    __resolveReference: (ref: { id: string }, ctx: AgenciesContext) => ctx.loaders.agency.load(ref.id),
    parent: (agency: AgencyEntity, _args, ctx) =>
      agency.parentId ? ctx.loaders.agency.load(agency.parentId) : null,
    isPartner: (agency: AgencyEntity) => PARTNER_KINDS.includes(agency.kind),
    people: (agency: AgencyEntity, _args, ctx) =>
      isPartner(ctx.principal) && agency.id !== ctx.principal.agencyId
        ? []
        : ctx.loaders.peopleByAgency.load(agency.id),
  },

  Person: {
    __resolveReference: (ref: { id: string }, ctx: AgenciesContext) => ctx.loaders.person.load(ref.id),
    memberships: (person: PersonEntity, _args, ctx) => ctx.loaders.membershipsByPerson.load(person.id),
    agency: (person: PersonEntity, _args, ctx) => ctx.loaders.agency.load(person.agencyId),
  },

  CoordinationTask: {
    __resolveReference: (ref: { id: string }, ctx: AgenciesContext) => visibleTask(ref.id, ctx),
    agency: (task: CoordinationTaskEntity, _args, ctx) => ctx.loaders.agency.load(task.agencyId),
    acknowledgement: (task: CoordinationTaskEntity) => acknowledgementStatus(task, new Date()),
    acknowledgedBy: (task: CoordinationTaskEntity, _args, ctx) =>
      task.acknowledgedBy ? ctx.loaders.person.load(task.acknowledgedBy) : null,
    measure: (task: CoordinationTaskEntity) =>
      task.subjectKind === 'MEASURE' ? { __typename: 'Measure', id: task.subjectId } : null,
    problem: (task: CoordinationTaskEntity) =>
      task.problemId ? { __typename: 'Problem', id: task.problemId } : null,
    finding: (task: CoordinationTaskEntity) =>
      task.findingId ? { __typename: 'Finding', id: task.findingId } : null,
    supervisionItem: (task: CoordinationTaskEntity) =>
      task.subjectKind === 'SUPERVISION_ITEM' ? { __typename: 'SupervisionItem', id: task.subjectId } : null,
    updates: (task: CoordinationTaskEntity, _args, ctx) => ctx.loaders.updatesByTask.load(task.id),
    latestUpdate: async (task: CoordinationTaskEntity, _args, ctx) =>
      (await ctx.loaders.updatesByTask.load(task.id)).at(-1) ?? null,
  },

  DirectLineRequest: {
    agency: (request: DirectLineRequestEntity, _args, ctx) => ctx.loaders.agency.load(request.agencyId),
    replies: (request: DirectLineRequestEntity, _args, ctx) =>
      ctx.loaders.repliesByDirectLineRequest.load(request.id),
    status: async (request: DirectLineRequestEntity, _args, ctx) => {
      const replies = await ctx.loaders.repliesByDirectLineRequest.load(request.id);
      if (replies.some((r) => r.kind === 'ANSWER')) return 'ANSWERED';
      if (replies.some((r) => r.kind === 'DECLINED')) return 'DECLINED';
      return replies.some((r) => r.kind === 'INTERIM') ? 'INTERIM_REPLIED' : 'RAISED';
    },
  },

  TaskUpdate: {
    by: (update: TaskUpdateEntity, _args, ctx) => ctx.loaders.person.load(update.personId),
    byName: (update: TaskUpdateEntity) => update.personName,
  },
};
