import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';

/** `agencies` → `Agencies`: each subgraph's operator fields carry its name, so they never clash. */
export const capitalised = (service: string) => service[0]!.toUpperCase() + service.slice(1);

/**
 * The operator's view of a subgraph's plumbing, added to every subgraph's own schema (and composed
 * with it): its dead letters, and an audited replay of one. Kept in this light module because the
 * gateway's composition script reads it too.
 */
export function operationsTypeDefs(service: string): DocumentNode {
  const name = capitalised(service);
  return parse(`
    extend type Query {
      "Events the ${service} service's handlers could not apply (SYSTEM_OPERATOR only)."
      ${service}DeadLetters(includeReplayed: Boolean = false, first: Int = 50): [DeadLetter!]!
    }

    extend type Mutation {
      "Applies a dead letter again through its handler; recorded on the audit trail (SYSTEM_OPERATOR only)."
      replay${name}DeadLetter(input: ReplayDeadLetterInput!): ReplayDeadLetterResult!
    }

    "An event a handler could not apply, kept with its error until an operator replays it."
    type DeadLetter @shareable {
      consumer: String!
      eventId: ID!
      subject: String!
      error: String!
      attempts: Int!
      "ISO 8601."
      failedAt: String!
      "ISO 8601; null while not replayed."
      replayedAt: String
      replayedBy: String
      "The event as received (JSON)."
      envelope: String!
    }

    input ReplayDeadLetterInput {
      consumer: String!
      eventId: ID!
      idempotencyKey: String
    }

    type ReplayDeadLetterResult @shareable {
      ok: Boolean!
      error: MutationError
      "applied, or duplicate when the event had been applied meanwhile."
      outcome: String
      deadLetter: DeadLetter
    }
  `);
}

/** A subgraph's own schema with its operator fields: what it serves, and what the supergraph composes. */
export function withOperations(own: DocumentNode, service: string): DocumentNode {
  return { ...own, definitions: [...own.definitions, ...operationsTypeDefs(service).definitions] };
}
