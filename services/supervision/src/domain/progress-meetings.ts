/**
 * 双月例会 (seed 001 §三(三)): "局办公室牵头每双月召开重点工作推进专题会" — one progress meeting in each
 * even-numbered month (双月). Each slot shows the meetings recorded in its month.
 */
export const MEETING_MONTHS = [2, 4, 6, 8, 10, 12] as const;

export interface MeetingSlot<M> {
  year: number;
  month: number;
  meetings: M[];
}

export function meetingSlots<M extends { heldOn: string }>(
  year: number,
  meetings: readonly M[],
): MeetingSlot<M>[] {
  return MEETING_MONTHS.map((month) => {
    const prefix = `${year}-${String(month).padStart(2, '0')}`;
    return { year, month, meetings: meetings.filter((m) => m.heldOn.startsWith(prefix)) };
  });
}
