/**
 * A query the gateway answers with one fetch to one subgraph (agencies): a page of the caller's
 * tasks with their own fields only. Sent to the subgraph directly it is the same operation, so the
 * difference is the gateway's own cost.
 */
export const SINGLE_FETCH_QUERY = `query MyTaskPage($first: Int!) { myTasks(first: $first) { totalCount edges { node {
  id title status dueAt openedAt acknowledgedAt completionRequestedAt
} } } }`;

export const SINGLE_FETCH_VARIABLES = { first: 20 };
