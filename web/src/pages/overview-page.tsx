import { useMemo } from 'react';
import type { ApiError } from '../api/graphql-client';
import { OVERVIEW_RECTIFICATION, OVERVIEW_SUPERVISION } from '../api/queries';
import type {
  Campaign,
  DueMeasure,
  Escalation,
  OverviewRectificationData,
  OverviewSupervisionData,
  SupervisionItemCount,
  SupervisionItemSummary,
} from '../api/types';
import { useGraphQL } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { CampaignPicker, useSelectedCampaign } from '../components/campaign-picker';
import { CompletionChart } from '../components/completion-chart';
import { CountBars } from '../components/count-bars';
import { EscalationList } from '../components/escalation-list';
import { Empty, ErrorBox, Loading, PartialErrors, QueryView } from '../components/page-state';
import { LIGHT, MEASURE_STATUS, PROBLEM_STATUS, WEEKLY_STATUS, labelOf } from '../model/labels';
import {
  byDepartment,
  campaignTotals,
  completionSeries,
  endOfWeek,
  itemTotals,
  weeklyObligationSummary,
} from '../model/overview-stats';
import { addDays, formatDate, formatDateTime, shanghaiDate } from '../model/shanghai-time';
import { hrefOf } from '../routing';

/** Reporting weeks the overview counts: the last eight, from the campaign's first one. */
const WEEKS_SHOWN = 8;
/** Rows of each due list: measures, supervised items (the rest are counted, not sent). */
const MEASURES_LISTED = 30;
const ITEMS_LISTED = 20;
const NO_ITEMS: SupervisionItemCount[] = [];

const LIGHT_TONES = { RED: 'fill-bad', YELLOW: 'fill-warn', GREEN: 'fill-good' };
const WEEKLY_TONES = { ON_TIME: 'fill-good', LATE: 'fill-warn', MISSING: 'fill-bad' };

export function OverviewPage() {
  const { state, campaigns, selected, select } = useSelectedCampaign();
  return (
    <section>
      <header className="page-header">
        <h1>总览</h1>
        <CampaignPicker campaigns={campaigns} selected={selected} select={select} />
      </header>
      <QueryView state={state} what="整改工作">
        {() => (selected ? <CampaignOverview campaign={selected} /> : <Empty>尚无整改工作。</Empty>)}
      </QueryView>
    </section>
  );
}

function CampaignOverview({ campaign }: { campaign: Campaign }) {
  const now = useMemo(() => new Date(), []);
  const today = shanghaiDate(now);
  const first = campaign.weeklyReportsStartOn ?? campaign.periodStart;
  const weeksFrom = [first, addDays(today, -7 * WEEKS_SHOWN)].sort().pop()!;
  const window = { asOf: now.toISOString(), weekEndsAt: endOfWeek(now).toISOString() };
  // Two requests in parallel: rectification's figures and supervision's. Both are counts computed
  // by the database plus the first rows of the due lists, whatever the size of the campaign.
  const rectification = useGraphQL<OverviewRectificationData>(OVERVIEW_RECTIFICATION, {
    campaignId: campaign.id,
    ...window,
    measuresListed: MEASURES_LISTED,
    weeksFrom: weeksFrom > today ? today : weeksFrom,
    weeksTo: today,
  });
  const supervision = useGraphQL<OverviewSupervisionData>(OVERVIEW_SUPERVISION, {
    ...window,
    itemsListed: ITEMS_LISTED,
  });
  if (rectification.error) return <ErrorBox error={rectification.error} />;
  if (!rectification.data || (!supervision.data && !supervision.error)) return <Loading what="总览" />;
  return (
    <>
      <PartialErrors errors={[...rectification.partialErrors, ...supervision.partialErrors]} />
      <OverviewBody
        data={rectification.data}
        supervision={supervision.data}
        itemsError={supervision.error}
        campaign={campaign}
        now={now}
      />
    </>
  );
}

function OverviewBody({
  data,
  supervision,
  itemsError,
  campaign,
  now,
}: {
  data: OverviewRectificationData;
  supervision: OverviewSupervisionData | null;
  itemsError: ApiError | null;
  campaign: Campaign;
  now: Date;
}) {
  const stats = useMemo(() => {
    const totals = campaignTotals(data.problemCounts, data.measureCounts);
    return {
      totals,
      departments: byDepartment(data.problemCounts, data.measureCounts),
      items: itemTotals(supervision?.supervisionItemCounts ?? NO_ITEMS),
      weekly: weeklyObligationSummary(data.weeklyReportCounts, now),
      series: completionSeries(data.measureWeekCounts, totals.measures, campaign, now),
    };
  }, [data, supervision, campaign, now]);
  const { totals, items } = stats;
  const openEscalations: Escalation[] = supervision?.openEscalations ?? [];

  return (
    <div data-testid="overview-ready">
      <div className="tiles">
        <Tile
          label="整改问题"
          value={totals.problems}
          note={`已销号 ${totals.problemsClosed}`}
          testId="tile-problems"
        />
        <Tile
          label="整改措施"
          value={totals.measures}
          note={`已完成 ${totals.measuresCompleted}`}
          testId="tile-measures"
        />
        <Tile label="逾期措施" value={totals.measuresOverdue} tone="bad" testId="tile-overdue" />
        <Tile label="本周到期" value={totals.measuresDueThisWeek} tone="warn" testId="tile-due-week" />
        <Tile
          label="在办督办事项"
          value={itemsError ? '—' : items.items}
          note={`红灯 ${items.red}`}
          testId="tile-supervision"
        />
        <Tile
          label="未结约谈"
          value={itemsError ? '—' : openEscalations.length}
          tone="bad"
          note="已触发或已安排"
          testId="tile-escalations"
        />
      </div>

      <div className="grid-3">
        <div className="card">
          <h2>问题按状态</h2>
          <CountBars counts={totals.problemStatus} labels={PROBLEM_STATUS} testId="problems-by-status" />
        </div>
        <div className="card">
          <h2>措施按状态</h2>
          <CountBars counts={totals.measureStatus} labels={MEASURE_STATUS} testId="measures-by-status" />
        </div>
        <div className="card">
          <h2>督办事项按灯色</h2>
          {itemsError ? (
            <ErrorBox error={itemsError} />
          ) : (
            <CountBars counts={items.lights} labels={LIGHT} tones={LIGHT_TONES} testId="items-by-light" />
          )}
        </div>
      </div>

      <div className="card">
        <h2>整改完成进度（按周）</h2>
        <CompletionChart points={stats.series.points} total={stats.series.total} />
      </div>

      <div className="card">
        <h2>按责任部门</h2>
        <div className="table-wrap">
          <table data-testid="by-department">
            <thead>
              <tr>
                <th>责任部门</th>
                <th className="num">问题</th>
                <th className="num">已销号</th>
                <th className="num">措施</th>
                <th className="num">已完成</th>
                <th className="num">逾期</th>
              </tr>
            </thead>
            <tbody>
              {stats.departments.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td className="num">{d.problems}</td>
                  <td className="num">{d.problemsClosed}</td>
                  <td className="num">{d.measures}</td>
                  <td className="num">{d.measuresCompleted}</td>
                  <td className={`num ${d.measuresOverdue > 0 ? 'text-bad' : ''}`}>{d.measuresOverdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="grid-2">
        <div className="card">
          <h2>逾期未完成（{totals.measuresOverdue + items.overdue}）</h2>
          <DueList
            measures={data.overdueMeasures}
            measuresTotal={totals.measuresOverdue}
            items={supervision?.overdueItems ?? []}
            itemsTotal={items.overdue}
            testId="overdue-list"
          />
        </div>
        <div className="card">
          <h2>本周到期（{totals.measuresDueThisWeek + items.dueThisWeek}）</h2>
          <DueList
            measures={data.measuresDueThisWeek}
            measuresTotal={totals.measuresDueThisWeek}
            items={supervision?.itemsDueThisWeek ?? []}
            itemsTotal={items.dueThisWeek}
            testId="due-week-list"
          />
        </div>
      </div>

      <div className="grid-2">
        <div className="card" data-testid="weekly-obligations">
          <h2>周报报送情况</h2>
          {stats.weekly.latest ? (
            <>
              <p className="muted">
                最近一期：{stats.weekly.latest.weekDate}（{formatDateTime(stats.weekly.latest.dueAt!)} 截止）
              </p>
              <CountBars counts={stats.weekly.latestCounts} labels={WEEKLY_STATUS} tones={WEEKLY_TONES} />
              <p className="muted">近 {stats.weekly.weeks} 期合计：</p>
              <CountBars
                counts={stats.weekly.totals}
                labels={WEEKLY_STATUS}
                tones={WEEKLY_TONES}
                testId="weekly-totals"
              />
            </>
          ) : (
            <Empty>尚无到期的周报。</Empty>
          )}
        </div>
        <div className="card" data-testid="escalations">
          <h2>未结约谈问询（{openEscalations.length}）</h2>
          {itemsError ? <ErrorBox error={itemsError} /> : <EscalationList escalations={openEscalations} />}
        </div>
      </div>
    </div>
  );
}

function Tile({
  label,
  value,
  note,
  tone,
  testId,
}: {
  label: string;
  value: number | string;
  note?: string;
  tone?: 'bad' | 'warn';
  testId: string;
}) {
  return (
    <div className={`tile ${tone && value !== 0 ? `tile-${tone}` : ''}`} data-testid={testId}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
      {note && <div className="tile-note">{note}</div>}
    </div>
  );
}

/** The first rows of a due list; how many more there are comes from the counts. */
function DueList({
  measures,
  measuresTotal,
  items,
  itemsTotal,
  testId,
}: {
  measures: DueMeasure[];
  measuresTotal: number;
  items: SupervisionItemSummary[];
  itemsTotal: number;
  testId: string;
}) {
  if (measures.length === 0 && items.length === 0) return <Empty>无。</Empty>;
  return (
    <ul className="due-list" data-testid={testId}>
      {measures.map((m) => (
        <li key={m.id}>
          <a href={hrefOf({ page: 'problem', id: m.problem.id })}>
            问题 {m.problem.displayNumber} · 措施 {m.sequence}
          </a>{' '}
          <span className="clamp">{m.text}</span>
          <span className="due-meta">
            {(m.responsibleAgency ?? m.problem.responsibleDepartment)?.name ?? '—'} · {m.deadline.label} ·{' '}
            <Badge value={m.status}>{labelOf(MEASURE_STATUS, m.status)}</Badge>
          </span>
        </li>
      ))}
      {measuresTotal > measures.length && (
        <li className="muted">另有 {measuresTotal - measures.length} 条，见整改台账。</li>
      )}
      {items.map((i) => (
        <li key={i.id}>
          <a href={hrefOf({ page: 'supervision' })}>督办 · {i.title}</a>
          <span className="due-meta">
            {i.responsibleDepartment?.name ?? '—'} · {formatDate(i.dueAt)} ·{' '}
            <Badge value={i.light}>{labelOf(LIGHT, i.light ?? 'NONE')}</Badge>
          </span>
        </li>
      ))}
      {itemsTotal > items.length && (
        <li className="muted">另有 {itemsTotal - items.length} 项，见督办事项。</li>
      )}
    </ul>
  );
}
