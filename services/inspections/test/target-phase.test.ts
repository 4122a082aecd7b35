import { INSPECTION_PHASES, nextPhaseOf, refuseTransition } from '../src/domain/target-phase';
import type { PhaseFacts } from '../src/domain/target-phase';

const ready: PhaseFacts = {
  phase: 'PREPARATION',
  currentPhaseStartedOn: '2023-08-01',
  onSiteWindowScheduled: true,
  unitNotifiedOn: '2023-08-10',
  noticeUpAWeekOn: '2023-08-21',
  mobilisationMeetingHeld: true,
  feedbackIssued: true,
  rectificationChecked: true,
};

describe('the phases of an inspected unit', () => {
  it('run preparation → on site → summary → rectification supervision → closed, and nothing after', () => {
    expect(INSPECTION_PHASES.map(nextPhaseOf)).toEqual([
      'ON_SITE',
      'SUMMARY',
      'RECTIFICATION_SUPERVISION',
      'CLOSED',
      null,
    ]);
  });

  it('allow each next phase once its rule is met', () => {
    for (const phase of INSPECTION_PHASES.slice(0, -1)) {
      expect(refuseTransition({ ...ready, phase }, nextPhaseOf(phase)!, '2023-08-21')).toBeNull();
    }
  });

  it('refuse skipping a phase, going back, or leaving CLOSED', () => {
    expect(refuseTransition(ready, 'SUMMARY', '2023-08-21')?.code).toBe(
      'INSPECTION_PHASE_TRANSITION_NOT_ALLOWED',
    );
    expect(refuseTransition({ ...ready, phase: 'SUMMARY' }, 'ON_SITE', '2023-08-21')?.code).toBe(
      'INSPECTION_PHASE_TRANSITION_NOT_ALLOWED',
    );
    expect(refuseTransition({ ...ready, phase: 'CLOSED' }, 'PREPARATION', '2023-08-21')?.message).toMatch(
      /no phase follows/,
    );
  });

  it('refuse a date before the current phase began', () => {
    expect(refuseTransition(ready, 'ON_SITE', '2023-07-31')).toMatchObject({
      code: 'INSPECTIONS_INVALID_INPUT',
      field: 'on',
    });
  });

  it('go on site only once scheduled, the unit notified and the public notice up a full week', () => {
    expect(refuseTransition({ ...ready, onSiteWindowScheduled: false }, 'ON_SITE', '2023-08-21')?.code).toBe(
      'INSPECTION_TARGET_WINDOW_NOT_SCHEDULED',
    );
    expect(refuseTransition({ ...ready, unitNotifiedOn: null }, 'ON_SITE', '2023-08-21')?.code).toBe(
      'INSPECTION_UNIT_NOT_NOTIFIED',
    );
    expect(refuseTransition({ ...ready, unitNotifiedOn: '2023-08-22' }, 'ON_SITE', '2023-08-21')?.code).toBe(
      'INSPECTION_UNIT_NOT_NOTIFIED',
    );
    expect(refuseTransition({ ...ready, noticeUpAWeekOn: null }, 'ON_SITE', '2023-08-21')?.code).toBe(
      'INSPECTION_PUBLIC_NOTICE_TOO_LATE',
    );
    expect(refuseTransition(ready, 'ON_SITE', '2023-08-20')?.code).toBe('INSPECTION_PUBLIC_NOTICE_TOO_LATE');
  });

  it('leave the site only after the mobilisation meeting, the summary only by the feedback, and close only once checked', () => {
    expect(
      refuseTransition(
        { ...ready, phase: 'ON_SITE', mobilisationMeetingHeld: false },
        'SUMMARY',
        '2023-08-28',
      )?.code,
    ).toBe('INSPECTION_MOBILISATION_MEETING_MISSING');
    expect(
      refuseTransition(
        { ...ready, phase: 'SUMMARY', feedbackIssued: false },
        'RECTIFICATION_SUPERVISION',
        '2023-09-05',
      )?.code,
    ).toBe('INSPECTION_FEEDBACK_NOT_ISSUED');
    expect(
      refuseTransition(
        { ...ready, phase: 'RECTIFICATION_SUPERVISION', rectificationChecked: false },
        'CLOSED',
        '2023-12-01',
      )?.code,
    ).toBe('INSPECTION_RECTIFICATION_CHECK_MISSING');
  });
});
