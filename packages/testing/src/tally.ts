/**
 * Figures summed per key, to compare counts a service computes (GROUP BY) with counting the rows
 * it lists: `{ 'department status': { count, overdue, … } }`.
 */
export type Tally = Record<string, Record<string, number>>;

/** Adds `figures` to the row of `key`. */
export function addToTally(tally: Tally, key: string, figures: Record<string, number>): void {
  const row = (tally[key] ??= {});
  for (const [name, n] of Object.entries(figures)) row[name] = (row[name] ?? 0) + n;
}

/** One figure summed over every row. */
export const tallyTotal = (tally: Tally, figure = 'count'): number =>
  Object.values(tally).reduce((sum, row) => sum + (row[figure] ?? 0), 0);
