import { addWorkingDays, createWorkingCalendar } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';

const calendar: WorkingCalendar = createWorkingCalendar();

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

export const directLineDeadline = (from: Date, step: keyof typeof DIRECT_LINE_SLA): Date =>
  addWorkingDays(calendar, from, DIRECT_LINE_SLA[step]);
