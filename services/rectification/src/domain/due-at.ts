import type { MeasureDeadline } from './measure-deadline';

/**
 * The instant a dated measure falls due: the end of the office day of its due date in Shanghai.
 * Long-term measures and measures with no deadline have none.
 */
export function dueAtOf(deadline: MeasureDeadline): Date | null {
  if (!deadline.dueOn) return null;
  return new Date(`${deadline.dueOn}T17:30:00+08:00`);
}
