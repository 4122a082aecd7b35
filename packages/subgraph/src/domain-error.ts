import type { z } from 'zod';
import { GraphQLError } from 'graphql';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An expected failure of a use case (bad input, a rule refused, a missing record). Mutations return
 * it as data (`{ ok: false, error }`); queries raise it as a coded GraphQL error. Codes are
 * SCREAMING_SNAKE with their context's prefix, e.g. MEASURE_NOT_FOUND.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** For CONFLICT: the record's version now, so the caller can reload and retry. */
    readonly currentVersion: number | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The GraphQL form of a DomainError: its code and message are shown to the caller as they are. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: error.code, public: true };
  if (error.currentVersion !== null) extensions.currentVersion = error.currentVersion;
  return new GraphQLError(error.message, { extensions });
}

/** The `MutationError` GraphQL type: plain data (graphql-js treats a returned Error as a failure). */
export interface MutationErrorData {
  code: string;
  message: string;
  fieldErrors: FieldError[];
  currentVersion: number | null;
}

/** Shape of every mutation result: `{ ok, error }` plus the mutation's own fields. */
export type MutationResult<T extends object> =
  ({ ok: true; error: null } & T) | ({ ok: false; error: MutationErrorData } & Partial<T>);

/** Runs a use case; a DomainError becomes `{ ok: false, error }`, anything else propagates (and is masked). */
export async function asMutationResult<T extends object>(run: () => Promise<T>): Promise<MutationResult<T>> {
  try {
    return { ok: true, error: null, ...(await run()) };
  } catch (error) {
    if (error instanceof DomainError) {
      const data: MutationErrorData = {
        code: error.code,
        message: error.message,
        fieldErrors: error.fieldErrors,
        currentVersion: error.currentVersion,
      };
      return { ok: false, error: data } as MutationResult<T>;
    }
    throw error;
  }
}

/** For queries: a DomainError becomes a coded GraphQL error. */
export async function orGraphQLError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) throw toGraphQLError(error);
    throw error;
  }
}

/**
 * Validates a use case's input; every problem becomes a field error of one DomainError with the
 * module's invalid-input code, before anything is read or written.
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, code: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DomainError(
    code,
    'the input is not valid',
    result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  );
}
