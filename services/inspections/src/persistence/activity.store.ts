import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ActivityEntity } from './activity.entity';
import { InterviewEntity } from './interview.entity';
import { SiteVisitCheckEntity } from './site-visit-check.entity';
import { SurveyResponseEntity } from './survey-response.entity';

/** SQL of the group's activities at a unit, interviews, survey answers and site-visit checks. */
export class ActivityStore {
  constructor(private readonly manager: EntityManager) {}

  activitiesByTargetIds(targetIds: readonly string[]): Promise<ActivityEntity[]> {
    return this.manager.find(ActivityEntity, {
      where: { targetId: In([...targetIds]) },
      order: { heldOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  activitiesByIds(ids: readonly string[]): Promise<ActivityEntity[]> {
    return this.manager.find(ActivityEntity, { where: { id: In([...ids]) } });
  }

  mobilisationMeetingOf(targetId: string): Promise<ActivityEntity | null> {
    return this.manager.findOne(ActivityEntity, { where: { targetId, kind: 'MOBILISATION_MEETING' } });
  }

  async insertActivity(activity: ActivityEntity): Promise<void> {
    await this.manager.insert(ActivityEntity, activity);
  }

  interviewsByTargetIds(targetIds: readonly string[]): Promise<InterviewEntity[]> {
    return this.manager.find(InterviewEntity, {
      where: { targetId: In([...targetIds]) },
      order: { heldOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  interviewsByIds(ids: readonly string[]): Promise<InterviewEntity[]> {
    return this.manager.find(InterviewEntity, { where: { id: In([...ids]) } });
  }

  async insertInterview(interview: InterviewEntity): Promise<void> {
    await this.manager.insert(InterviewEntity, interview);
  }

  surveyResponsesByTargetIds(targetIds: readonly string[]): Promise<SurveyResponseEntity[]> {
    return this.manager.find(SurveyResponseEntity, { where: { targetId: In([...targetIds]) } });
  }

  async countSurveyResponses(targetId: string): Promise<number> {
    return this.manager.count(SurveyResponseEntity, { where: { targetId } });
  }

  async insertSurveyResponses(responses: SurveyResponseEntity[]): Promise<void> {
    if (responses.length > 0) await this.manager.insert(SurveyResponseEntity, responses);
  }

  checksByActivityIds(activityIds: readonly string[]): Promise<SiteVisitCheckEntity[]> {
    return this.manager.find(SiteVisitCheckEntity, {
      where: { activityId: In([...activityIds]) },
      order: { position: 'ASC' },
    });
  }

  async insertChecks(checks: SiteVisitCheckEntity[]): Promise<void> {
    if (checks.length > 0) await this.manager.insert(SiteVisitCheckEntity, checks);
  }
}
