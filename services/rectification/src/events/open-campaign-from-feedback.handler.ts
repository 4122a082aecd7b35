import { In, IsNull } from 'typeorm';
import { localDateOf } from '@eco/calendar';
import { defineHandler, unitFeedbackIssuedV1 } from '@eco/events';
import { ProblemEntity } from '../persistence/problem.entity';
import { RectificationStore } from '../persistence/rectification.store';

/**
 * Issue #4: the written feedback to an inspected unit (一对一反馈) starts the unit's rectification. It
 * becomes an INTERNAL_INSPECTION campaign (id = the feedback's id, so a redelivery finds it) whose
 * report-received date is the feedback date, so the campaign's plan (2 weeks) and report (2 months)
 * deadlines are the feedback's; the problems opened from the feedback's findings join it. Those
 * problems come from `inspections.finding.confirmed.v1`, recorded before this event but consumed
 * by another durable consumer: until all of them exist the handler fails and the consumer retries.
 */
export const openCampaignFromFeedback = defineHandler({
  name: 'open-campaign-from-feedback',
  contract: unitFeedbackIssuedV1,
  async handle(manager, event) {
    const feedback = event.payload;
    const store = new RectificationStore(manager);
    const problems = await store.problemsBySourceFindingIds(feedback.findingIds);
    if (problems.length < feedback.findingIds.length) {
      throw new Error(
        `feedback ${feedback.feedbackId}: ${feedback.findingIds.length - problems.length} finding(s) have no problem yet`,
      );
    }
    if ((await store.campaignsByIds([feedback.feedbackId])).length === 0) {
      await store.insertCampaign({
        id: feedback.feedbackId,
        name: feedback.title,
        sourceKind: 'INTERNAL_INSPECTION',
        sourceTitle: `${feedback.roundName}：${feedback.title}`,
        periodStart: feedback.issuedOn,
        periodEnd: localDateOf(new Date(feedback.reportDueAt)),
        officeAgencyId: null,
        leadingGroup: [],
        reportReceivedOn: feedback.issuedOn,
      });
    }
    if (problems.length > 0) {
      await manager.update(
        ProblemEntity,
        { id: In(problems.map((p) => p.id)), campaignId: IsNull() },
        { campaignId: feedback.feedbackId },
      );
    }
  },
});
