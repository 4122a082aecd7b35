export type DeadlineStatus = 'RUNNING' | 'BREACHED' | 'MET' | 'MET_LATE';

export interface DeadlineClock {
  dueAt: Date;
  doneAt: Date | null;
  status: DeadlineStatus;
}

/** A deadline and when it was met, as the status a dashboard shows at `now`. */
export function deadlineClock(dueAt: Date, doneAt: Date | null, now: Date): DeadlineClock {
  const status: DeadlineStatus = doneAt
    ? doneAt.getTime() > dueAt.getTime()
      ? 'MET_LATE'
      : 'MET'
    : now.getTime() > dueAt.getTime()
      ? 'BREACHED'
      : 'RUNNING';
  return { dueAt, doneAt, status };
}

/** Missed its deadline, whether still open or done late. */
export const isBreach = (clock: DeadlineClock | null): boolean =>
  clock !== null && (clock.status === 'BREACHED' || clock.status === 'MET_LATE');
