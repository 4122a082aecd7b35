import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { isPartner } from '@eco/auth';
import { directLineKindSchema, directLineRaisedV1, recordEvent } from '@eco/events';
import { parseInput, rowScopeOf } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import { AgenciesStore } from '../persistence/agencies.store';
import type { DirectLineRequestEntity } from '../persistence/direct-line-request.entity';
import { DirectLineStore } from '../persistence/direct-line.store';
import { agenciesError, AgenciesErrorCode } from './agencies.errors';

const raiseSchema = z.object({
  kind: directLineKindSchema,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
});

/** Only townships and sub-districts use the direct line (街镇直通车). */
const DIRECT_LINE_KINDS = ['TOWN', 'SUB_DISTRICT'];

/** A township raises an @件; it reaches the General Office by event and the reply comes back the same way. */
export class DirectLineService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
  ) {}

  async raise(rawInput: unknown): Promise<DirectLineRequestEntity> {
    const input = parseInput(raiseSchema, rawInput, AgenciesErrorCode.InvalidInput);
    return this.runtime.transaction(rowScopeOf(this.principal), async (manager) => {
      const [agency] = await new AgenciesStore(manager).agenciesByIds([this.principal.agencyId]);
      if (!isPartner(this.principal) || !agency || !DIRECT_LINE_KINDS.includes(agency.kind)) {
        throw agenciesError(
          AgenciesErrorCode.Forbidden,
          'only a township or sub-district raises direct-line items',
        );
      }
      const store = new DirectLineStore(manager);
      const id = randomUUID();
      const raisedAt = new Date();
      await store.insertRequest({
        id,
        agencyId: agency.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        raisedBy: this.principal.personId,
        raisedByName: this.principal.name,
        raisedAt,
      });
      await recordEvent(
        manager,
        directLineRaisedV1,
        {
          requestId: id,
          agencyId: agency.id,
          kind: input.kind,
          title: input.title,
          body: input.body,
          personId: this.principal.personId,
          personName: this.principal.name,
          raisedAt: raisedAt.toISOString(),
        },
        {
          producer: 'agencies',
          actor: { personId: this.principal.personId, agencyId: agency.id, name: this.principal.name },
        },
      );
      return (await store.requestsByIds([id]))[0]!;
    });
  }
}
