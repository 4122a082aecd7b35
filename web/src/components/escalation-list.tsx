import type { Escalation } from '../api/types';
import {
  ESCALATION_LEVEL,
  ESCALATION_STATE,
  INTERVIEW_ROLE,
  describeTrigger,
  labelOf,
} from '../model/labels';
import { formatDateTime } from '../model/shanghai-time';
import { hrefOf } from '../routing';
import { Badge } from './badge';
import { Empty } from './page-state';

/** 约谈问询: level, who talks to whom, what triggered it, and where it stands. */
export function EscalationList({
  escalations,
  linkItems = true,
}: {
  escalations: Escalation[];
  linkItems?: boolean;
}) {
  if (escalations.length === 0) return <Empty>无。</Empty>;
  return (
    <ul className="due-list">
      {escalations.map((e) => (
        <li key={e.id} data-level={e.level}>
          <Badge value={e.level >= 2 ? 'RED' : 'YELLOW'}>{labelOf(ESCALATION_LEVEL, String(e.level))}</Badge>{' '}
          {linkItems ? <a href={hrefOf({ page: 'supervision' })}>{e.item.title}</a> : e.item.title}
          <span className="due-meta">
            {e.item.responsibleDepartment?.name ?? '—'} · {labelOf(INTERVIEW_ROLE, e.interviewerRole)}
            {e.interviewer ? `（${e.interviewer.name}）` : ''} 约谈{' '}
            {labelOf(INTERVIEW_ROLE, e.intervieweeRole)}
            {e.interviewee ? `（${e.interviewee.name}）` : ''} · {labelOf(ESCALATION_STATE, e.state)}{' '}
            {formatDateTime(e.scheduledAt ?? e.triggeredAt)}
          </span>
          <span className="due-meta">{e.triggers.map(describeTrigger).join('；')}</span>
        </li>
      ))}
    </ul>
  );
}
