import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Counts the SQL statements issued inside one unit of work (a GraphQL request, a test step). */
export class QueryCounter {
  count = 0;
}

const activeCounters = new AsyncLocalStorage<QueryCounter[]>();

/** Runs `fn` with `counter` counting every statement issued in its async scope (nested scopes stack). */
export function withQueryCounter<T>(counter: QueryCounter, fn: () => T): T {
  const outer = activeCounters.getStore() ?? [];
  return activeCounters.run([...outer, counter], fn);
}

/** TypeORM logger that feeds the active counters and reports failed queries to a callback. */
export class CountingLogger implements TypeOrmLogger {
  constructor(private readonly onQueryError?: (error: string | Error, query: string) => void) {}

  logQuery(): void {
    for (const counter of activeCounters.getStore() ?? []) counter.count += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    this.onQueryError?.(error, query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
