import type { LocalDate } from '@eco/calendar';
import { InspectionsErrorCode } from './inspections.errors';

/**
 * Seed 000 §五: each inspected unit goes through the four stages of the plan, then closes:
 * 筹划准备 → 组织实施 (on site) → 汇总通报 (summary, feedback) → 落实监督整改 → closed.
 * Phases only move forward, one at a time.
 */
export const INSPECTION_PHASES = [
  'PREPARATION',
  'ON_SITE',
  'SUMMARY',
  'RECTIFICATION_SUPERVISION',
  'CLOSED',
] as const;

export type InspectionPhase = (typeof INSPECTION_PHASES)[number];

export function nextPhaseOf(phase: InspectionPhase): InspectionPhase | null {
  return INSPECTION_PHASES[INSPECTION_PHASES.indexOf(phase) + 1] ?? null;
}

/** What the transition guards need to know about the target, gathered by the caller. */
export interface PhaseFacts {
  phase: InspectionPhase;
  /** When the current phase actually started. */
  currentPhaseStartedOn: LocalDate | null;
  onSiteWindowScheduled: boolean;
  unitNotifiedOn: LocalDate | null;
  /** The date the public notice has been up a full week (posted + 1 week); null if not posted. */
  noticeUpAWeekOn: LocalDate | null;
  mobilisationMeetingHeld: boolean;
  feedbackIssued: boolean;
  rectificationChecked: boolean;
}

export interface PhaseRefusal {
  code: InspectionsErrorCode;
  message: string;
  field: string;
}

const refuse = (code: InspectionsErrorCode, field: string, message: string): PhaseRefusal => ({
  code,
  field,
  message,
});

/**
 * Why the target may not move to `to` on date `on`, or null when it may. The guards are the plan's
 * rules: the unit notified and the public notice up a week before the visit; the mobilisation
 * meeting held before leaving the site; the summary ends with the unit's written feedback; the
 * round's supervision of the unit ends with its rectification checked.
 */
export function refuseTransition(facts: PhaseFacts, to: InspectionPhase, on: LocalDate): PhaseRefusal | null {
  const next = nextPhaseOf(facts.phase);
  if (to !== next) {
    return refuse(
      InspectionsErrorCode.PhaseTransitionNotAllowed,
      'to',
      next === null
        ? `the target is ${facts.phase}: no phase follows`
        : `from ${facts.phase} the only next phase is ${next}, not ${to}`,
    );
  }
  if (facts.currentPhaseStartedOn !== null && on < facts.currentPhaseStartedOn) {
    return refuse(
      InspectionsErrorCode.InvalidInput,
      'on',
      `before ${facts.currentPhaseStartedOn}, when ${facts.phase} started`,
    );
  }
  switch (to) {
    case 'ON_SITE':
      if (!facts.onSiteWindowScheduled) {
        return refuse(
          InspectionsErrorCode.TargetWindowNotScheduled,
          'to',
          'schedule the on-site window first',
        );
      }
      if (facts.unitNotifiedOn === null || facts.unitNotifiedOn > on) {
        return refuse(
          InspectionsErrorCode.UnitNotNotified,
          'to',
          'the unit must be notified before the visit',
        );
      }
      if (facts.noticeUpAWeekOn === null || facts.noticeUpAWeekOn > on) {
        return refuse(
          InspectionsErrorCode.PublicNoticeTooLate,
          'on',
          facts.noticeUpAWeekOn === null
            ? 'the public notice must be posted a week before the visit'
            : `the public notice has been up a week only from ${facts.noticeUpAWeekOn}`,
        );
      }
      return null;
    case 'SUMMARY':
      return facts.mobilisationMeetingHeld
        ? null
        : refuse(
            InspectionsErrorCode.MobilisationMeetingMissing,
            'to',
            'the mobilisation meeting is not recorded',
          );
    case 'RECTIFICATION_SUPERVISION':
      // Issuing the unit's written feedback (一对一反馈) is what ends the summary.
      return facts.feedbackIssued
        ? null
        : refuse(
            InspectionsErrorCode.FeedbackNotIssued,
            'to',
            "the summary ends by issuing the unit's feedback",
          );
    case 'CLOSED':
      return facts.rectificationChecked
        ? null
        : refuse(
            InspectionsErrorCode.RectificationCheckMissing,
            'to',
            "record the check of the unit's rectification first",
          );
    default:
      return refuse(InspectionsErrorCode.PhaseTransitionNotAllowed, 'to', `no transition to ${to}`);
  }
}

/** Activities take place on site; site visits also while supervising rectification (回头看). */
export const ACTIVITY_PHASES: Record<
  'MOBILISATION_MEETING' | 'SURVEY' | 'DOCUMENT_REVIEW' | 'INTERVIEW' | 'SITE_VISIT',
  readonly InspectionPhase[]
> = {
  MOBILISATION_MEETING: ['ON_SITE'],
  SURVEY: ['ON_SITE'],
  DOCUMENT_REVIEW: ['ON_SITE'],
  INTERVIEW: ['ON_SITE'],
  SITE_VISIT: ['ON_SITE', 'RECTIFICATION_SUPERVISION'],
};

/** Findings are recorded on site and in the summary, until the feedback is issued. */
export const FINDING_PHASES: readonly InspectionPhase[] = ['ON_SITE', 'SUMMARY'];
