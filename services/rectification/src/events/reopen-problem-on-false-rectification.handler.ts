import { defineHandler, falseRectificationFoundV1 } from '@eco/events';
import { problemStatusIn } from '../domain/current-problem-status';
import { reopenProblemIn } from '../domain/reopen-problem';
import { RectificationStore } from '../persistence/rectification.store';

/** The reason recorded on the problem, its measures' timelines and the reopened event. */
export const falseRectificationReason = (description: string): string => `回头看发现虚假整改：${description}`;

/**
 * A site visit found false rectification (虚假整改): the problem reopens through the office's own
 * path. A closed problem reopens in full; a problem not closed yet has its completed measures (the
 * work claimed done) put back to IN_PROGRESS, and the finding is recorded as a reopening all the
 * same, so it stands on the close-out history. No accountability record is made here: 问责 is the
 * office's decision. An unknown problem throws: the consumer retries, then dead-letters.
 */
export const reopenProblemOnFalseRectification = defineHandler({
  name: 'reopen-problem-on-false-rectification',
  contract: falseRectificationFoundV1,
  async handle(manager, event) {
    const store = new RectificationStore(manager);
    const { problemId, findingId, description } = event.payload;
    const [found] = problemId
      ? await store.problemsByIds([problemId])
      : await store.problemsBySourceFindingIds([findingId!]);
    const problem = found ? await store.lockProblem(found.id) : null;
    if (!problem) {
      throw new Error(
        `false rectification found for an unknown problem (problem ${problemId ?? '-'}, finding ${findingId ?? '-'})`,
      );
    }
    const closed = (await problemStatusIn(store, problem.id)) === 'CLOSED';
    const measures = await store.measuresByProblemIds([problem.id]);
    await reopenProblemIn(manager, store, problem, {
      reason: falseRectificationReason(description),
      measures: closed ? measures : measures.filter((m) => m.status === 'COMPLETED'),
      actor: event.actor,
      // Processing time, not foundAt: the close-out history stays in the order it was written.
      now: new Date(),
      sourceEventId: event.id,
    });
  },
});
