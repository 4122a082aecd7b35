/**
 * A partner's inbox as the township's page asks for it: each task with its measure, problem and
 * source finding, joined across the agencies, rectification and inspections subgraphs (the same
 * selection as test/e2e/batching.e2e.test.ts).
 */
export const PARTNER_INBOX_QUERY = `query PartnerInbox($first: Int!) { myTasks(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
  id title status dueAt agency { name } latestUpdate { note byName } updates { kind }
  measure { id text status deadline { kind label } responsibleAgency { name } coordinatingAgencies { name } timeline { kind actorName } }
  problem { id displayNumber title status leadLeader { name } responsibleDepartment { name } }
  finding { id title status targetAgency { name } round { name year } }
} } } }`;

/** The inbox page size a township sees by default (the schema's default `first`). */
export const INBOX_PAGE_SIZE = 20;
