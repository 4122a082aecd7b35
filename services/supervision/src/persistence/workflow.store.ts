import { Between, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ClosureReportEntity } from './closure-report.entity';
import { LeaderInstructionEntity } from './leader-instruction.entity';
import { ProgressMeetingEntity } from './progress-meeting.entity';

/** SQL of leader-instruction handling, closure reports and progress meetings. */
export class WorkflowStore {
  constructor(private readonly manager: EntityManager) {}

  instructionsByItemIds(itemIds: readonly string[]): Promise<LeaderInstructionEntity[]> {
    return this.manager.find(LeaderInstructionEntity, { where: { id: In([...itemIds]) } });
  }

  async insertInstruction(instruction: Partial<LeaderInstructionEntity>): Promise<void> {
    await this.manager.insert(LeaderInstructionEntity, instruction);
  }

  closureReportsByItemIds(itemIds: readonly string[]): Promise<ClosureReportEntity[]> {
    return this.manager.find(ClosureReportEntity, { where: { id: In([...itemIds]) } });
  }

  async insertClosureReport(report: Partial<ClosureReportEntity>): Promise<void> {
    await this.manager.insert(ClosureReportEntity, report);
  }

  meetingsBetween(from: string, to: string): Promise<ProgressMeetingEntity[]> {
    return this.manager.find(ProgressMeetingEntity, {
      where: { heldOn: Between(from, to) },
      order: { heldOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  async insertMeeting(meeting: ProgressMeetingEntity): Promise<void> {
    await this.manager.insert(ProgressMeetingEntity, meeting);
  }
}
