import { formatShanghai, shanghaiInstant } from '@eco/calendar';
import { directLineClocks, directLineDeadline } from '../src/domain/direct-line-clocks';
import type { DirectLineTimes } from '../src/domain/direct-line-clocks';

const sh = (date: string, time: string) => shanghaiInstant(date, time);
const shown = (at: Date) => formatShanghai(at);

/** The clocks of an @件 as the service sets them, from the moments each step happened. */
function times(steps: {
  raisedAt: Date;
  triagedAt?: Date;
  claimedAt?: Date;
  interimRepliedAt?: Date;
  answeredAt?: Date;
}): DirectLineTimes {
  const claimedAt = steps.claimedAt ?? null;
  return {
    status: steps.answeredAt
      ? 'ANSWERED'
      : steps.interimRepliedAt
        ? 'HARD_CASE'
        : claimedAt
          ? 'CLAIMED'
          : steps.triagedAt
            ? 'AWAITING_CLAIM'
            : 'AWAITING_TRIAGE',
    triageDueAt: directLineDeadline(steps.raisedAt, 'triage'),
    triagedAt: steps.triagedAt ?? null,
    claimDueAt: steps.triagedAt ? directLineDeadline(steps.triagedAt, 'claim') : null,
    claimedAt,
    interimDueAt: claimedAt ? directLineDeadline(claimedAt, 'interim') : null,
    interimRepliedAt: steps.interimRepliedAt ?? null,
    answerDueAt: claimedAt ? directLineDeadline(claimedAt, 'answer') : null,
    answeredAt: steps.answeredAt ?? null,
  };
}

describe('direct-line @件 clocks (seed 001 annex 3: triage ½, claim ½, answer 2½, hard case interim 2 working days)', () => {
  describe('an item raised on a Friday afternoon', () => {
    const raisedAt = sh('2024-06-14', '16:00');

    it('is due for triage on Monday morning: the weekend adds no working time', () => {
      expect(shown(directLineDeadline(raisedAt, 'triage'))).toBe('2024-06-17 11:00');
    });

    it('triaged Monday 10:00, is due to be claimed by 14:30 and answered by Wednesday 14:30', () => {
      const claimedAt = sh('2024-06-17', '14:00');
      expect(shown(directLineDeadline(sh('2024-06-17', '10:00'), 'claim'))).toBe('2024-06-17 14:30');
      expect(shown(directLineDeadline(claimedAt, 'answer'))).toBe('2024-06-20 09:40');
      expect(shown(directLineDeadline(sh('2024-06-17', '10:00'), 'answer'))).toBe('2024-06-19 14:30');
    });

    it('shows the triage clock breached on Monday noon and nothing else running yet', () => {
      const clocks = directLineClocks(times({ raisedAt }), sh('2024-06-17', '12:00'));
      expect(clocks.triage.status).toBe('BREACHED');
      expect(clocks).toMatchObject({ claim: null, answer: null, interimReply: null, breached: ['TRIAGE'] });
    });

    it('shows a late triage as MET_LATE, still a breach, once done', () => {
      const clocks = directLineClocks(
        times({ raisedAt, triagedAt: sh('2024-06-17', '11:30') }),
        sh('2024-06-17', '12:00'),
      );
      expect(clocks.triage.status).toBe('MET_LATE');
      expect(clocks.claim?.status).toBe('RUNNING');
      expect(clocks.breached).toEqual(['TRIAGE']);
    });
  });

  describe('an item raised before a holiday', () => {
    it('raised on the eve of National Day 2024, waits for the week-long holiday to end', () => {
      expect(shown(directLineDeadline(sh('2024-09-30', '16:00'), 'triage'))).toBe('2024-10-08 11:00');
      expect(shown(directLineDeadline(sh('2024-10-08', '10:00'), 'answer'))).toBe('2024-10-10 14:30');
    });

    it('counts the adjusted working Saturday (调休 2024-10-12) as a working day', () => {
      expect(shown(directLineDeadline(sh('2024-10-11', '10:00'), 'answer'))).toBe('2024-10-14 14:30');
      expect(shown(directLineDeadline(sh('2024-10-11', '10:00'), 'interim'))).toBe('2024-10-14 10:00');
    });

    it('raised during Spring Festival 2025, starts counting at the first working morning after it', () => {
      expect(shown(directLineDeadline(sh('2025-01-30', '10:00'), 'triage'))).toBe('2025-02-05 12:00');
    });
  });

  describe('a hard case (疑难件)', () => {
    const raisedAt = sh('2024-06-17', '09:00');
    const triagedAt = sh('2024-06-17', '09:30');
    const claimedAt = sh('2024-06-17', '10:00');

    it('owes the interim reply within 2 working days of receipt', () => {
      expect(shown(directLineDeadline(claimedAt, 'interim'))).toBe('2024-06-19 10:00');
    });

    it('with the interim reply in time, its answer is EXTENDED (collective discussion), not breached', () => {
      const clocks = directLineClocks(
        times({ raisedAt, triagedAt, claimedAt, interimRepliedAt: sh('2024-06-18', '09:00') }),
        sh('2024-06-21', '09:00'),
      );
      expect(clocks.interimReply?.status).toBe('MET');
      expect(clocks.answer?.status).toBe('EXTENDED');
      expect(clocks.breached).toEqual([]);
    });

    it('with the interim reply late, shows that breach', () => {
      const clocks = directLineClocks(
        times({ raisedAt, triagedAt, claimedAt, interimRepliedAt: sh('2024-06-19', '11:00') }),
        sh('2024-06-19', '12:00'),
      );
      expect(clocks.interimReply?.status).toBe('MET_LATE');
      expect(clocks.breached).toEqual(['INTERIM_REPLY']);
    });

    it('answered within 2½ days anyway, its answer clock is simply MET', () => {
      const clocks = directLineClocks(
        times({
          raisedAt,
          triagedAt,
          claimedAt,
          interimRepliedAt: sh('2024-06-17', '11:00'),
          answeredAt: sh('2024-06-18', '16:00'),
        }),
        sh('2024-06-21', '09:00'),
      );
      expect(clocks.answer?.status).toBe('MET');
    });

    it('an ordinary item unanswered after 2½ working days breaches the answer clock', () => {
      const clocks = directLineClocks(times({ raisedAt, triagedAt, claimedAt }), sh('2024-06-19', '15:00'));
      expect(clocks.interimReply).toBeNull();
      expect(clocks.answer?.status).toBe('BREACHED');
      expect(clocks.breached).toEqual(['ANSWER']);
    });
  });
});
