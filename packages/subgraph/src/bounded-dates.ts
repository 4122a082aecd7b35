import { GraphQLError, GraphQLScalarType } from 'graphql';
import type { GraphQLScalarTypeConfig } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** Dates this system can hold: wide enough for any record, narrow enough for PostgreSQL and sense. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2199;

function yearOf(value: unknown): number | null {
  if (value instanceof Date) return value.getUTCFullYear();
  if (typeof value === 'string') return Number(value.slice(0, 4));
  return null;
}

function bounded<T>(value: T): T {
  const year = yearOf(value);
  if (year === null || Number.isNaN(year) || year < EARLIEST_YEAR || year > LATEST_YEAR) {
    throw new GraphQLError(`a date must fall in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}`);
  }
  return value;
}

/** graphql-scalars' scalar, refusing inputs outside the years the system holds (they accept year 0). */
function withYearBounds(base: GraphQLScalarType): GraphQLScalarType {
  const config: GraphQLScalarTypeConfig<unknown, unknown> = base.toConfig();
  return new GraphQLScalarType({
    ...config,
    parseValue: (value) => bounded(base.parseValue(value)),
    parseLiteral: (ast, variables) => bounded(base.parseLiteral(ast, variables)),
  });
}

/** `Date` (YYYY-MM-DD) for every subgraph. */
export const BoundedLocalDate = withYearBounds(LocalDateResolver);
/** `DateTime` (RFC 3339) for every subgraph. */
export const BoundedDateTime = withYearBounds(DateTimeResolver);
