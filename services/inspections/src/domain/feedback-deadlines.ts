import { explainDeadline, shanghaiInstant } from '@eco/calendar';
import type { DeadlineRule, LocalDate, WorkingCalendar } from '@eco/calendar';

export type FeedbackDeadlineKind = 'PLAN' | 'REPORT';

export interface FeedbackDeadline {
  kind: FeedbackDeadlineKind;
  dueAt: Date;
  explanationZh: string;
  explanationEn: string;
  provisional: boolean;
}

/**
 * Seed 002 §二(三), DOMAIN.md §2: an inspected unit sends its rectification plan within two weeks of
 * receiving the feedback and its rectification report within two months; a deadline on a holiday
 * or weekend rolls to the next working day. (The same rules as rectification's campaign deadlines
 * for an internal inspection, so both subgraphs show the same dates.)
 */
export const FEEDBACK_DEADLINE_RULES: Record<FeedbackDeadlineKind, DeadlineRule> = {
  PLAN: { kind: 'calendar-period', unit: 'week', amount: 2 },
  REPORT: { kind: 'calendar-period', unit: 'month', amount: 2 },
};

/** Both deadlines, counted from the close of the feedback day, with the calendar's explanations. */
export function feedbackDeadlines(calendar: WorkingCalendar, issuedOn: LocalDate): FeedbackDeadline[] {
  const anchor = shanghaiInstant(issuedOn, calendar.dateDeadlineTime);
  return (['PLAN', 'REPORT'] as const).map((kind) => {
    const explanation = explainDeadline(calendar, FEEDBACK_DEADLINE_RULES[kind], anchor);
    return {
      kind,
      dueAt: explanation.dueAt!,
      explanationZh: explanation.text.zh,
      explanationEn: explanation.text.en,
      provisional: explanation.provisional,
    };
  });
}
