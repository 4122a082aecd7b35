import type { RectificationStore } from '../persistence/rectification.store';
import { deriveProblemStatus } from './problem-status';
import type { ProblemStatus } from './problem-status';

/** The problem's status as it stands inside the current transaction. */
export async function problemStatusIn(store: RectificationStore, problemId: string): Promise<ProblemStatus> {
  const [measures, closeouts] = await Promise.all([
    store.measuresByProblemIds([problemId]),
    store.closeoutsByProblemIds([problemId]),
  ]);
  return deriveProblemStatus(measures, closeouts.at(-1)?.kind ?? null);
}
