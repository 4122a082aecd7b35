import { addWorkingDays } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';
import { deadlineClock, isBreach } from './deadline-status';
import type { DeadlineClock } from './deadline-status';
import { supervisionCalendar } from './working-calendar';

/**
 * The SLAs of seed 001, annex 3, in working days (half days are real units of the calendar): the
 * General Office triages within ½; the department clerk claims within ½ of triage; the answer is
 * due 2½ after the department receives it, and a hard case's interim reply within 2.
 */
export const DIRECT_LINE_SLA = { triage: 0.5, claim: 0.5, answer: 2.5, interim: 2 } as const;

/** The interim reply a hard case gets (annex 3), word for word. */
export const HARD_CASE_INTERIM_REPLY =
  '该政策咨询/问题已收到，经研判需集体讨论，我局将尽快在线下回复贵街道（镇）。';

/** The answer to an @件 outside the bureau's remit. */
export const NOT_OUR_RESPONSIBILITY_REPLY = '非本机关职责范围。';

export const directLineDeadline = (
  from: Date,
  step: keyof typeof DIRECT_LINE_SLA,
  calendar: WorkingCalendar = supervisionCalendar,
): Date => addWorkingDays(calendar, from, DIRECT_LINE_SLA[step]);

/** The facts of an @件 its clocks are read from. */
export interface DirectLineTimes {
  status: 'AWAITING_TRIAGE' | 'AWAITING_CLAIM' | 'CLAIMED' | 'HARD_CASE' | 'ANSWERED' | 'DECLINED';
  triageDueAt: Date;
  triagedAt: Date | null;
  claimDueAt: Date | null;
  claimedAt: Date | null;
  interimDueAt: Date | null;
  interimRepliedAt: Date | null;
  answerDueAt: Date | null;
  answeredAt: Date | null;
}

export type DirectLineClockName = 'TRIAGE' | 'CLAIM' | 'INTERIM_REPLY' | 'ANSWER';

/** A clock of an @件; the answer of a hard case is EXTENDED: it follows collective discussion. */
export interface DirectLineClock extends Omit<DeadlineClock, 'status'> {
  status: DeadlineClock['status'] | 'EXTENDED';
}

export interface DirectLineClocks {
  triage: DirectLineClock;
  claim: DirectLineClock | null;
  interimReply: DirectLineClock | null;
  answer: DirectLineClock | null;
  /** The clocks that missed their deadline, open or done late. */
  breached: DirectLineClockName[];
}

/**
 * Every clock of an @件 at `now`. A hard case ("耗时将超过三个工作日") owes the interim reply within
 * 2 working days of receipt instead of the answer within 2½: its answer clock shows EXTENDED unless
 * the answer came in time anyway, and only the interim reply can be breached.
 */
export function directLineClocks(item: DirectLineTimes, now: Date): DirectLineClocks {
  const triage = deadlineClock(item.triageDueAt, item.triagedAt, now);
  const claim = item.claimDueAt ? deadlineClock(item.claimDueAt, item.claimedAt, now) : null;
  const hardCase = item.interimRepliedAt !== null || item.status === 'HARD_CASE';
  const interimReply =
    item.interimDueAt && hardCase ? deadlineClock(item.interimDueAt, item.interimRepliedAt, now) : null;
  let answer: DirectLineClock | null = item.answerDueAt
    ? deadlineClock(item.answerDueAt, item.answeredAt, now)
    : null;
  if (answer && hardCase && answer.status !== 'MET') answer = { ...answer, status: 'EXTENDED' };
  const breached: DirectLineClockName[] = [];
  if (isBreach(triage)) breached.push('TRIAGE');
  if (isBreach(claim)) breached.push('CLAIM');
  if (isBreach(interimReply)) breached.push('INTERIM_REPLY');
  if (answer && answer.status !== 'EXTENDED' && isBreach(answer as DeadlineClock)) breached.push('ANSWER');
  return { triage, claim, interimReply, answer, breached };
}
