import { useMemo, useState } from 'react';
import { EXPORTS_BASE } from '../api/graphql-client';
import { LEDGER } from '../api/queries';
import type { Campaign, LedgerRow } from '../api/types';
import { useGraphQL } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { CampaignPicker, useSelectedCampaign } from '../components/campaign-picker';
import { ExportButton } from '../components/export-button';
import { Empty, QueryView } from '../components/page-state';
import { MEASURE_STATUS, PROBLEM_STATUS, VERIFICATION, labelOf } from '../model/labels';
import { NO_FILTER, filterLedger, ledgerDepartments } from '../model/ledger-filter';
import type { LedgerFilter } from '../model/ledger-filter';
import { isOverdue } from '../model/overview-stats';
import { shanghaiDate } from '../model/shanghai-time';
import { hrefOf } from '../routing';

export function LedgerPage() {
  const { state, campaigns, selected, select } = useSelectedCampaign();
  return (
    <section>
      <header className="page-header">
        <h1>整改台账</h1>
        <CampaignPicker campaigns={campaigns} selected={selected} select={select} />
      </header>
      <QueryView state={state} what="整改工作">
        {() => (selected ? <Ledger campaign={selected} /> : <Empty>尚无整改工作。</Empty>)}
      </QueryView>
    </section>
  );
}

function Ledger({ campaign }: { campaign: Campaign }) {
  const state = useGraphQL<{ rectificationLedger: LedgerRow[] }>(LEDGER, { campaignId: campaign.id });
  const [filter, setFilter] = useState<LedgerFilter>(NO_FILTER);
  const now = useMemo(() => new Date(), []);
  const rows = state.data?.rectificationLedger ?? [];
  const departments = useMemo(() => ledgerDepartments(rows), [rows]);
  const shown = useMemo(() => filterLedger(rows, filter, now), [rows, filter, now]);
  const set = (change: Partial<LedgerFilter>) => setFilter((f) => ({ ...f, ...change }));
  const exportUrl = `${EXPORTS_BASE}/ledger.xlsx?campaignId=${encodeURIComponent(campaign.id)}`;

  return (
    <>
      <div className="toolbar" data-testid="ledger-filters">
        <label>
          责任部门
          <select
            value={filter.departmentId}
            onChange={(e) => set({ departmentId: e.target.value })}
            data-testid="filter-department"
          >
            <option value="">全部</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          措施状态
          <select
            value={filter.status}
            onChange={(e) => set({ status: e.target.value })}
            data-testid="filter-status"
          >
            <option value="">全部</option>
            {Object.entries(MEASURE_STATUS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          对账
          <select value={filter.verification} onChange={(e) => set({ verification: e.target.value })}>
            <option value="">全部</option>
            {Object.entries(VERIFICATION).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.overdueOnly}
            onChange={(e) => set({ overdueOnly: e.target.checked })}
            data-testid="filter-overdue"
          />
          仅看逾期
        </label>
        <input
          type="search"
          placeholder="搜索问题或措施"
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
          data-testid="filter-text"
        />
        <ExportButton url={exportUrl} fileName={`整改台账-${shanghaiDate(now)}.xlsx`} label="导出 Excel" />
      </div>
      <QueryView state={state} what="台账">
        {() => (
          <>
            <p className="muted" data-testid="ledger-count">
              共 {rows.length} 条措施，当前显示 {shown.length} 条
            </p>
            <div className="table-wrap">
              <table className="ledger" data-testid="ledger-table">
                <thead>
                  <tr>
                    <th>序号</th>
                    <th>具体问题</th>
                    <th>牵头领导</th>
                    <th>责任部门</th>
                    <th>整改措施</th>
                    <th>完成时限</th>
                    <th>状态</th>
                    <th>对账</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r, i) => {
                    const firstOfProblem = shown[i - 1]?.problem.id !== r.problem.id;
                    const overdue = isOverdue(
                      { status: r.status ?? undefined, dueAt: r.measure?.dueAt ?? null },
                      now,
                    );
                    return (
                      <tr key={r.measure?.id ?? r.problem.id} className={firstOfProblem ? 'group-start' : ''}>
                        <td>
                          {firstOfProblem && (
                            <a href={hrefOf({ page: 'problem', id: r.problem.id })}>
                              {r.problem.displayNumber}
                            </a>
                          )}
                        </td>
                        <td>
                          {firstOfProblem && (
                            <>
                              <span className="clamp">{r.problemDescription}</span>{' '}
                              <Badge value={r.problem.status}>
                                {labelOf(PROBLEM_STATUS, r.problem.status)}
                              </Badge>
                            </>
                          )}
                        </td>
                        <td>{firstOfProblem ? (r.leadLeader?.name ?? '—') : ''}</td>
                        <td>{r.responsibleDepartment?.name ?? '—'}</td>
                        <td>
                          {r.measure ? `${r.measure.sequence}. ` : ''}
                          {r.measureText ?? '—'}
                        </td>
                        <td className={overdue ? 'text-bad' : ''}>
                          {r.deadlineLabel ?? '—'}
                          {overdue && <span className="small"> 逾期</span>}
                          {r.followUpDueOn && <div className="small muted">后续计划至 {r.followUpDueOn}</div>}
                        </td>
                        <td>
                          {r.status ? (
                            <Badge value={r.status}>{labelOf(MEASURE_STATUS, r.status)}</Badge>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>{r.verification ? labelOf(VERIFICATION, r.verification) : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
