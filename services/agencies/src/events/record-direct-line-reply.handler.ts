import { randomUUID } from 'node:crypto';
import { defineHandler, directLineRepliedV1 } from '@eco/events';
import { DirectLineStore } from '../persistence/direct-line.store';

/** The bureau's reply to an @件 reaches the township that raised it. */
export const recordDirectLineReply = defineHandler({
  name: 'record-direct-line-reply',
  contract: directLineRepliedV1,
  async handle(manager, event) {
    const store = new DirectLineStore(manager);
    const [request] = await store.requestsByIds([event.payload.requestId]);
    if (!request) throw new Error(`direct-line request ${event.payload.requestId} does not exist`);
    await store.insertReply({
      id: randomUUID(),
      requestId: request.id,
      kind: event.payload.kind,
      text: event.payload.text,
      repliedAt: new Date(event.payload.repliedAt),
      sourceEventId: event.id,
    });
  },
});
