/** References to entities other subgraphs own: the gateway fetches their fields from the owner. */
export const agencyRef = (id: string | null) => (id ? { __typename: 'Agency' as const, id } : null);
export const personRef = (id: string | null) => (id ? { __typename: 'Person' as const, id } : null);
