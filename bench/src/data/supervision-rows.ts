import { randomUUID } from 'node:crypto';
import { addWorkingDays, localDateOf } from '@eco/calendar';
import { supervisionItemAssignedV1 } from '@eco/events';
import type { DatasetBuilder } from './dataset';
import type { Directory } from './directory-rows';
import { recordHistoricalEvent } from './event-history';

export interface PlannedItem {
  id: string;
  title: string;
  involved: string[];
  dueAt: Date | null;
  createdAt: Date;
}

/** Categories as often as the General Office sees them (seed 001's list). */
const CATEGORY_WEIGHTS = [
  ['MUNICIPAL_KEY_TASK', 6],
  ['MUNICIPAL_OVERALL_TARGET', 3],
  ['DISTRICT_KEY_TASK', 12],
  ['HISTORICAL_PROBLEM', 4],
  ['LEADER_INSTRUCTION', 14],
  ['LEADER_MEETING_RESEARCH', 8],
  ['MEDIA_OVERSIGHT', 5],
  ['PRACTICAL_PROJECT', 6],
  ['LIVELIHOOD_PROJECT', 5],
  ['BUREAU_KEY_TASK', 14],
  ['BIG_SURVEY', 6],
  ['TOWNSHIP_DIRECT_LINE', 4],
  ['HIGHER_AUTHORITY_TASK', 8],
  ['CHIEF_CONCERN', 5],
] as const;
const ITEM_TITLES = [
  '扬尘污染专项整治',
  '河道水环境综合治理',
  '垃圾分类示范创建',
  '绿化补植及养护提升',
  '餐饮油烟扰民整治',
  '违法排污问题查处',
  '生态修复工程推进',
];
const DIRECT_LINE_TITLES = [
  '关于垃圾中转站选址的咨询',
  '关于河道保洁责任划分的问题',
  '关于工地夜间施工扰民的问题',
  '关于绿地养护经费的政策咨询',
];

/** Supervised items (督办事项) with their lights, and township direct-line @件 on both sides. */
export function buildSupervision(b: DatasetBuilder, directory: Directory): PlannedItem[] {
  const { random } = b;
  const itemRows = b.table('supervision.items');
  const items: PlannedItem[] = [];
  for (let i = b.count(2_500, 20); i > 0; i -= 1) {
    const department = random.pick(directory.departments);
    const responsible = random.pick(directory.staffOf.get(department.id) ?? [directory.rectificationOffice]);
    const createdAt = b.instantBetween(new Date('2022-01-01T00:00:00Z'), new Date());
    const involved = random.chance(0.55)
      ? directory.partnerPool.drawDistinct(random, random.int(1, 3)).map((a) => a.id)
      : [];
    const dueAt = random.chance(0.9)
      ? b.later(createdAt, 24 * 15, 24 * 360, new Date('2026-12-31T09:30:00Z'))
      : null;
    const title = `${random.pick(ITEM_TITLES)}（${department.name}）`;
    const item = { id: randomUUID(), title, involved, dueAt, createdAt };
    items.push(item);
    const light = random.weighted([
      ['GREEN', 60],
      ['YELLOW', 25],
      ['RED', 10],
      [null, 5],
    ] as const);
    const closedAt =
      dueAt && dueAt < new Date() && random.chance(0.7)
        ? new Date(Math.max(createdAt.getTime() + 3_600_000, b.later(dueAt, -24 * 20, 24 * 10).getTime()))
        : null;
    writeLightHistory(b, item.id, createdAt, closedAt ?? new Date(), light, responsible);
    itemRows.push({
      id: item.id,
      title,
      category: random.weighted(CATEGORY_WEIGHTS),
      source_platform: random.chance(0.6) ? '区网上督查室' : null,
      responsible_department_id: department.id,
      responsible_person_id: responsible.personId,
      involved_agency_ids: involved,
      light,
      due_at: dueAt,
      created_at: createdAt,
      // The task-book year; closed once done (before or a little after the deadline).
      year: Number(localDateOf(createdAt).slice(0, 4)),
      lead_leader_id: random.pick(directory.leaders).personId,
      status: closedAt ? 'CLOSED' : 'OPEN',
      closed_at: closedAt,
      closed_by: closedAt ? responsible.personId : null,
    });
    if (involved.length > 0) {
      recordHistoricalEvent(b, {
        producer: 'supervision',
        contract: supervisionItemAssignedV1,
        payload: { itemId: item.id, agencyIds: involved, title, dueAt: dueAt?.toISOString() ?? null },
        occurredAt: createdAt,
        actor: directory.rectificationOffice,
        consumers: [{ schema: 'agencies', consumer: 'agencies--open-tasks-for-supervision-item' }],
      });
    }
  }
  buildDirectLine(b, directory);
  return items;
}

/** Monthly lights (亮灯) given to an item while it ran; the last one is the item's light now. */
function writeLightHistory(
  b: DatasetBuilder,
  itemId: string,
  from: Date,
  to: Date,
  current: 'GREEN' | 'YELLOW' | 'RED' | null,
  officer: { personId: string; name: string },
): void {
  if (current === null) return;
  const records = b.table('supervision.light_records', ['supervision.items']);
  const months = Math.max(1, Math.min(12, Math.round((to.getTime() - from.getTime()) / (30 * 86_400_000))));
  for (let m = months - 1; m >= 0; m -= 1) {
    const recordedAt = new Date(to.getTime() - m * 30 * 86_400_000);
    const light =
      m === 0
        ? current
        : b.random.weighted([
            ['GREEN', 70],
            ['YELLOW', 22],
            ['RED', 8],
          ] as const);
    records.push({
      id: randomUUID(),
      item_id: itemId,
      period: localDateOf(recordedAt).slice(0, 7),
      light,
      source: b.random.weighted([
        ['PLATFORM', 50],
        ['OFFICER', 30],
        ['COMPUTED', 20],
      ] as const),
      reason: light === 'GREEN' ? null : '进度滞后于节点计划',
      recorded_at: recordedAt,
      recorded_by_person_id: officer.personId,
      recorded_by_name: officer.name,
    });
  }
}

/** 街镇直通车: the township's request (agencies) and the bureau's item with its clocks (supervision). */
function buildDirectLine(b: DatasetBuilder, directory: Directory): void {
  const { random, calendar } = b;
  const requests = b.table('agencies.direct_line_requests', ['agencies.agencies']);
  const replies = b.table('agencies.direct_line_replies', ['agencies.direct_line_requests']);
  const items = b.table('supervision.direct_line_items');
  for (let i = b.count(600, 5); i > 0; i -= 1) {
    const township = random.pick(directory.townships);
    const liaison = directory.liaisonOf.get(township.id)!;
    const raisedAt = b.instantBetween(new Date('2024-01-01T00:00:00Z'), new Date());
    const kind = random.chance(0.6) ? 'POLICY_QUESTION' : 'PROBLEM';
    const title = random.pick(DIRECT_LINE_TITLES);
    const body = `${township.name}反映：${title}，请予研究答复。`;
    const requestId = randomUUID();
    requests.push({
      id: requestId,
      agency_id: township.id,
      kind,
      title,
      body,
      raised_by: liaison.personId,
      raised_by_name: liaison.name,
      raised_at: raisedAt,
    });
    const status = random.weighted([
      ['ANSWERED', 70],
      ['DECLINED', 8],
      ['HARD_CASE', 7],
      ['CLAIMED', 6],
      ['AWAITING_CLAIM', 4],
      ['AWAITING_TRIAGE', 5],
    ] as const);
    const triageDueAt = addWorkingDays(calendar, raisedAt, 0.5);
    const triaged = status !== 'AWAITING_TRIAGE';
    const triagedAt = triaged ? b.later(raisedAt, 0.2, 6) : null;
    const accepted = triaged && status !== 'DECLINED';
    const claimDueAt = accepted ? addWorkingDays(calendar, triagedAt!, 0.5) : null;
    const claimedAt = accepted && status !== 'AWAITING_CLAIM' ? b.later(triagedAt!, 0.2, 6) : null;
    const answerDueAt = claimedAt ? addWorkingDays(calendar, claimedAt, 2.5) : null;
    const hardCase = status === 'HARD_CASE' || (status === 'ANSWERED' && random.chance(0.1));
    const interimAt = hardCase ? b.later(claimedAt!, 4, 40) : null;
    const answeredAt = status === 'ANSWERED' ? b.later(interimAt ?? claimedAt!, 4, 70) : null;
    const department = accepted ? random.pick(directory.departments) : null;
    items.push({
      id: randomUUID(),
      request_id: requestId,
      agency_id: township.id,
      kind,
      title,
      body,
      raised_by_name: liaison.name,
      raised_at: raisedAt,
      status,
      triage_due_at: triageDueAt,
      triaged_at: triagedAt,
      department_id: department?.id ?? null,
      claim_due_at: claimDueAt,
      claimed_at: claimedAt,
      claimed_by: claimedAt
        ? random.pick(directory.staffOf.get(department!.id) ?? [directory.rectificationOffice]).personId
        : null,
      interim_due_at: hardCase ? addWorkingDays(calendar, claimedAt!, 2) : null,
      interim_replied_at: interimAt,
      answer_due_at: answerDueAt,
      answered_at: answeredAt,
      answer: answeredAt ? '经研究，答复如下：请按属地管理原则办理。' : null,
      version: 1 + [triagedAt, claimedAt, interimAt, answeredAt].filter(Boolean).length,
    });
    const reply = (replyKind: string, text: string, at: Date) =>
      replies.push({
        id: randomUUID(),
        request_id: requestId,
        kind: replyKind,
        text,
        replied_at: at,
        source_event_id: randomUUID(),
      });
    if (status === 'DECLINED') reply('DECLINED', '非本机关职责范围。', triagedAt!);
    if (interimAt)
      reply(
        'INTERIM',
        '该政策咨询/问题已收到，经研判需集体讨论，我局将尽快在线下回复贵街道（镇）。',
        interimAt,
      );
    if (answeredAt) reply('ANSWER', '经研究，答复如下：请按属地管理原则办理。', answeredAt);
  }
}
