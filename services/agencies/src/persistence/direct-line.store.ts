import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DirectLineReplyEntity, DirectLineRequestEntity } from './direct-line-request.entity';

/** SQL of the direct-line requests a township raised and the replies it received. */
export class DirectLineStore {
  constructor(private readonly manager: EntityManager) {}

  requestsByIds(ids: readonly string[]): Promise<DirectLineRequestEntity[]> {
    return this.manager.find(DirectLineRequestEntity, { where: { id: In([...ids]) } });
  }

  /** Newest first; `agencyId` limits them to one township's. */
  listRequests(agencyId?: string): Promise<DirectLineRequestEntity[]> {
    return this.manager.find(DirectLineRequestEntity, {
      where: agencyId ? { agencyId } : {},
      order: { raisedAt: 'DESC', id: 'ASC' },
    });
  }

  repliesByRequestIds(requestIds: readonly string[]): Promise<DirectLineReplyEntity[]> {
    return this.manager.find(DirectLineReplyEntity, {
      where: { requestId: In([...requestIds]) },
      order: { repliedAt: 'ASC' },
    });
  }

  async insertRequest(request: Partial<DirectLineRequestEntity>): Promise<void> {
    await this.manager.insert(DirectLineRequestEntity, request);
  }

  async insertReply(reply: Partial<DirectLineReplyEntity>): Promise<void> {
    await this.manager.insert(DirectLineReplyEntity, reply);
  }
}
