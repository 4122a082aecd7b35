import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SatisfactionLevel } from '../domain/survey-summary';

export type AttendeeGroup =
  'LEADERSHIP_MEMBER' | 'MIDDLE_MANAGER' | 'DEMOCRATIC_PARTY_REPRESENTATIVE' | 'ORDINARY_STAFF';

/** One attendee's answers to the satisfaction survey (满意度测评); anonymous. */
@Entity({ name: 'survey_responses' })
export class SurveyResponseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'text', nullable: true })
  respondentGroup!: AttendeeGroup | null;

  @Column({ type: 'text' })
  staffSatisfaction!: SatisfactionLevel;

  @Column({ type: 'text' })
  leadershipSatisfaction!: SatisfactionLevel;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
