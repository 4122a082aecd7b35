import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';

const TONES: Record<string, Tone> = {
  CLOSED: 'good',
  COMPLETED: 'good',
  ACCEPTED: 'good',
  ON_TIME: 'good',
  MET: 'good',
  GREEN: 'good',
  ANSWERED: 'good',
  MEASURES_COMPLETED: 'info',
  SUBMITTED: 'info',
  ACKNOWLEDGED: 'info',
  IN_PROGRESS: 'info',
  COMPLETION_REQUESTED: 'info',
  CLAIMED: 'info',
  RUNNING: 'info',
  DUE: 'info',
  YELLOW: 'warn',
  LATE: 'warn',
  DUE_SOON: 'warn',
  MET_LATE: 'warn',
  RETURNED: 'warn',
  HARD_CASE: 'warn',
  REOPENED: 'bad',
  RED: 'bad',
  MISSING: 'bad',
  OVERDUE: 'bad',
  BREACHED: 'bad',
};

/** A status chip; its colour follows the API value, its text is the Chinese label. */
export function Badge({ value, children }: { value: string | null | undefined; children: ReactNode }) {
  const tone = (value && TONES[value]) ?? 'neutral';
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
