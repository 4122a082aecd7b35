import { useState } from 'react';
import { DIRECT_LINE_ITEMS } from '../api/queries';
import type { DirectLineClock, DirectLineItem } from '../api/types';
import { useGraphQL } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { Empty, QueryView } from '../components/page-state';
import { CLOCK_STATUS, DIRECT_LINE_KIND, DIRECT_LINE_STATUS, labelOf } from '../model/labels';
import { formatDateTime } from '../model/shanghai-time';
import { useSession } from '../session/session-context';

/** 街镇直通车 @件 with their clocks: triage ½, claim ½, answer 2½ working days (interim reply 2). */
export function DirectLinePage() {
  const { isPartner } = useSession();
  const state = useGraphQL<{ directLineItems: DirectLineItem[] }>(DIRECT_LINE_ITEMS);
  const [status, setStatus] = useState('');
  const items = state.data?.directLineItems ?? [];
  const shown = items.filter((i) => !status || i.status === status);
  return (
    <section>
      <header className="page-header">
        <h1>街镇直通车</h1>
        <p className="muted">
          {isPartner
            ? '本单位提交的 @件及办理时限。'
            : '甄别半个工作日、认领半个工作日、答复2.5个工作日（疑难件2个工作日内过渡答复）。'}
        </p>
      </header>
      <QueryView state={state} what="直通车事项">
        {() => (
          <div data-testid="direct-line-ready">
            <div className="toolbar">
              <label>
                状态
                <select value={status} onChange={(e) => setStatus(e.target.value)}>
                  <option value="">全部</option>
                  {['AWAITING_TRIAGE', 'AWAITING_CLAIM', 'CLAIMED', 'HARD_CASE', 'ANSWERED', 'DECLINED'].map(
                    (s) => (
                      <option key={s} value={s}>
                        {labelOf(DIRECT_LINE_STATUS, s)}
                      </option>
                    ),
                  )}
                </select>
              </label>
              <span className="muted">共 {items.length} 件</span>
            </div>
            {shown.length === 0 ? (
              <Empty>没有直通车事项。</Empty>
            ) : (
              <div className="table-wrap">
                <table data-testid="direct-line-table">
                  <thead>
                    <tr>
                      <th>事项</th>
                      <th>提出单位</th>
                      <th>状态</th>
                      <th>甄别</th>
                      <th>认领</th>
                      <th>过渡答复</th>
                      <th>答复</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((item) => (
                      <tr key={item.id} data-testid={`direct-line-${item.id}`}>
                        <td>
                          <strong>{item.title}</strong>
                          <div className="small muted">
                            {labelOf(DIRECT_LINE_KIND, item.kind)} · {item.raisedByName} ·{' '}
                            {formatDateTime(item.raisedAt)}
                          </div>
                          <div className="small clamp">{item.body}</div>
                          {item.answer && <div className="small">答复：{item.answer}</div>}
                        </td>
                        <td>
                          {item.agency.name}
                          {item.department && <div className="small muted">承办：{item.department.name}</div>}
                        </td>
                        <td>
                          <Badge value={item.status}>{labelOf(DIRECT_LINE_STATUS, item.status)}</Badge>
                        </td>
                        <ClockCell clock={item.triage} />
                        <ClockCell clock={item.claim} />
                        <ClockCell clock={item.interimReply} />
                        <ClockCell clock={item.answerClock} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </QueryView>
    </section>
  );
}

function remaining(dueAt: string): string {
  const minutes = Math.round((Date.parse(dueAt) - Date.now()) / 60_000);
  if (minutes <= 0) return '';
  return minutes < 120 ? `剩 ${minutes} 分钟` : `剩 ${Math.round(minutes / 60)} 小时`;
}

function ClockCell({ clock }: { clock: DirectLineClock | null }) {
  if (!clock) return <td className="muted">—</td>;
  return (
    <td className="clock" data-clock-status={clock.status}>
      <Badge value={clock.status}>{labelOf(CLOCK_STATUS, clock.status)}</Badge>
      <div className="small">时限 {formatDateTime(clock.dueAt)}</div>
      {clock.doneAt ? (
        <div className="small muted">完成 {formatDateTime(clock.doneAt)}</div>
      ) : (
        clock.status === 'RUNNING' && <div className="small">{remaining(clock.dueAt)}</div>
      )}
    </td>
  );
}
