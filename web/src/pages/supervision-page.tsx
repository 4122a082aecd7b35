import { useMemo, useState } from 'react';
import { SUPERVISION_ITEMS } from '../api/queries';
import type { SupervisionItem } from '../api/types';
import { useGraphQL } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { CountBars } from '../components/count-bars';
import { EscalationList } from '../components/escalation-list';
import { Empty, QueryView } from '../components/page-state';
import {
  ESCALATION_LEVEL,
  LIGHT,
  LIGHT_SOURCE,
  MEASURE_UPDATE_KIND,
  SUPERVISION_CATEGORY,
  describeTrigger,
  labelOf,
} from '../model/labels';
import { isOverdue, lightCounts } from '../model/overview-stats';
import { formatDate, formatDateTime } from '../model/shanghai-time';

export function SupervisionPage() {
  const state = useGraphQL<{ supervisionItems: SupervisionItem[] }>(SUPERVISION_ITEMS);
  const [category, setCategory] = useState('');
  const [light, setLight] = useState('');
  const items = state.data?.supervisionItems ?? [];
  const shown = useMemo(
    () =>
      items.filter(
        (i) => (!category || i.category === category) && (!light || (i.light ?? 'NONE') === light),
      ),
    [items, category, light],
  );
  return (
    <section>
      <header className="page-header">
        <h1>督办事项</h1>
      </header>
      <QueryView state={state} what="督办事项">
        {() => (
          <div data-testid="supervision-ready">
            <div className="grid-2">
              <div className="card">
                <h2>按灯色</h2>
                <CountBars
                  counts={lightCounts(items)}
                  labels={LIGHT}
                  tones={{ RED: 'fill-bad', YELLOW: 'fill-warn', GREEN: 'fill-good' }}
                />
              </div>
              <div className="card" data-testid="escalation-summary">
                <h2>未结约谈问询</h2>
                <EscalationList
                  escalations={items
                    .flatMap((i) => i.escalations)
                    .filter((e) => e.state === 'TRIGGERED' || e.state === 'SCHEDULED')}
                  linkItems={false}
                />
              </div>
            </div>
            <div className="toolbar">
              <label>
                类别
                <select value={category} onChange={(e) => setCategory(e.target.value)}>
                  <option value="">全部</option>
                  {Object.entries(SUPERVISION_CATEGORY).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                灯色
                <select value={light} onChange={(e) => setLight(e.target.value)}>
                  <option value="">全部</option>
                  {Object.entries(LIGHT).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <span className="muted">
                共 {items.length} 项，显示 {shown.length} 项
              </span>
            </div>
            {shown.length === 0 && <Empty>没有符合条件的督办事项。</Empty>}
            {shown.map((item) => (
              <ItemCard key={item.id} item={item} />
            ))}
          </div>
        )}
      </QueryView>
    </section>
  );
}

function ItemCard({ item }: { item: SupervisionItem }) {
  const overdue = isOverdue({ dueAt: item.dueAt }, new Date());
  return (
    <article className="card" data-testid={`item-${item.id}`}>
      <header className="measure-header">
        <h3>
          <span className={`light-dot light-${(item.light ?? 'NONE').toLowerCase()}`} aria-hidden />
          {item.title}
        </h3>
        <span>
          {item.status === 'CLOSED' && <Badge value="COMPLETED">已销项</Badge>}
          <Badge value={item.light}>{labelOf(LIGHT, item.light ?? 'NONE')}</Badge>
        </span>
      </header>
      <dl className="facts">
        <dt>类别</dt>
        <dd>
          {labelOf(SUPERVISION_CATEGORY, item.category)}
          {item.assessed && <span className="badge badge-info">纳入绩效考核</span>}
        </dd>
        {item.sourcePlatform && (
          <>
            <dt>来源</dt>
            <dd>{item.sourcePlatform}</dd>
          </>
        )}
        {item.platformNumber && (
          <>
            <dt>事项编号</dt>
            <dd>{item.platformNumber}</dd>
          </>
        )}
        <dt>责任部门</dt>
        <dd>
          {item.responsibleDepartment?.name ?? '—'} {item.responsiblePerson?.name ?? ''}
        </dd>
        <dt>分管局领导</dt>
        <dd>{item.leadLeader?.name ?? '—'}</dd>
        <dt>协同单位</dt>
        <dd>{item.involvedAgencies.map((a) => a.name).join('、') || '—'}</dd>
        <dt>时限</dt>
        <dd className={overdue ? 'text-bad' : ''}>
          {formatDate(item.dueAt)}
          {overdue && ' · 已逾期'}
        </dd>
      </dl>
      <h4>灯色记录</h4>
      {item.lightHistory.length === 0 ? (
        <Empty>尚未亮灯。</Empty>
      ) : (
        <ol className="light-history" data-testid="light-history">
          {item.lightHistory.map((l) => (
            <li
              key={l.id}
              className={`light-chip light-${l.light.toLowerCase()}`}
              data-light={l.light}
              title={`${labelOf(LIGHT_SOURCE, l.source)} · ${formatDateTime(l.recordedAt)} ${l.recordedByName ?? ''}${l.reason ? ` · ${l.reason}` : ''}`}
            >
              {l.period} {labelOf(LIGHT, l.light)}
            </li>
          ))}
        </ol>
      )}
      {item.escalationStatus.level > 0 && (
        <p className="text-bad small" data-testid="escalation-status">
          当前触发{labelOf(ESCALATION_LEVEL, String(item.escalationStatus.level))}：
          {item.escalationStatus.triggers.map(describeTrigger).join('；')}
        </p>
      )}
      {item.escalations.length > 0 && (
        <>
          <h4>约谈问询</h4>
          <EscalationList escalations={item.escalations} linkItems={false} />
        </>
      )}
      <h4>办理动态</h4>
      {item.updates.length === 0 ? (
        <Empty>暂无动态。</Empty>
      ) : (
        <ol className="timeline">
          {item.updates.map((u) => (
            <li key={u.id} data-kind={u.kind}>
              <div className="timeline-head">
                <span className="timeline-kind">{labelOf(MEASURE_UPDATE_KIND, u.kind)}</span>
                <span className="muted">
                  {formatDateTime(u.at)} · {u.actorAgency?.name ?? ''} {u.actorName ?? ''}
                </span>
              </div>
              {u.note && <p className="timeline-note">{u.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
