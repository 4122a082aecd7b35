import { useMemo } from 'react';
import type { ApiError } from '../api/graphql-client';
import { OVERVIEW_RECTIFICATION, OVERVIEW_SUPERVISION } from '../api/queries';
import type {
  Campaign,
  Escalation,
  OverviewRectificationData,
  OverviewSupervisionData,
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
  MEASURE_STATUS_ORDER,
  PROBLEM_STATUS_ORDER,
  allMeasures,
  byDepartment,
  completionSeries,
  countByKey,
  lightCounts,
  measuresDueThisWeek,
  overdueMeasures,
  supervisionDue,
  weeklyObligationSummary,
} from '../model/overview-stats';
import type { MeasureRef } from '../model/overview-stats';
import { addDays, formatDate, formatDateTime, shanghaiDate } from '../model/shanghai-time';
import { hrefOf } from '../routing';

/** Reporting weeks the overview counts: the last eight, from the campaign's first one. */
const WEEKS_SHOWN = 8;

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
  // Two requests in parallel: rectification's figures and supervision's items.
  const rectification = useGraphQL<OverviewRectificationData>(OVERVIEW_RECTIFICATION, {
    campaignId: campaign.id,
    weeksFrom: weeksFrom > today ? today : weeksFrom,
    weeksTo: today,
  });
  const supervision = useGraphQL<OverviewSupervisionData>(OVERVIEW_SUPERVISION);
  if (rectification.error) return <ErrorBox error={rectification.error} />;
  if (!rectification.data || (!supervision.data && !supervision.error)) return <Loading what="总览" />;
  return (
    <>
      <PartialErrors errors={[...rectification.partialErrors, ...supervision.partialErrors]} />
      <OverviewBody
        data={rectification.data}
        items={supervision.data?.supervisionItems ?? []}
        escalations={supervision.data?.escalations ?? []}
        itemsError={supervision.error}
        campaign={campaign}
        now={now}
      />
    </>
  );
}

function OverviewBody({
  data,
  items,
  escalations,
  itemsError,
  campaign,
  now,
}: {
  data: OverviewRectificationData;
  items: SupervisionItemSummary[];
  escalations: Escalation[];
  itemsError: ApiError | null;
  campaign: Campaign;
  now: Date;
}) {
  const stats = useMemo(() => {
    const measures = allMeasures(data.problems);
    return {
      measures,
      problemStatus: countByKey(data.problems, (p) => p.status, PROBLEM_STATUS_ORDER),
      measureStatus: countByKey(measures, (m) => m.status, MEASURE_STATUS_ORDER),
      departments: byDepartment(data.problems, now),
      overdue: overdueMeasures(data.problems, now),
      dueThisWeek: measuresDueThisWeek(data.problems, now),
      lights: lightCounts(items),
      supervision: supervisionDue(items, now),
      weekly: weeklyObligationSummary(data.weeklyReportWeeks, now),
      series: completionSeries(data.problems, campaign, now),
    };
  }, [data, items, campaign, now]);
  const closed = data.problems.filter((p) => p.status === 'CLOSED').length;
  const completed = stats.measures.filter((m) => m.status === 'COMPLETED').length;
  const red = items.filter((i) => i.light === 'RED').length;
  const openEscalations = escalations.filter((e) => e.state === 'TRIGGERED' || e.state === 'SCHEDULED');

  return (
    <div data-testid="overview-ready">
      <div className="tiles">
        <Tile
          label="整改问题"
          value={data.problems.length}
          note={`已销号 ${closed}`}
          testId="tile-problems"
        />
        <Tile
          label="整改措施"
          value={stats.measures.length}
          note={`已完成 ${completed}`}
          testId="tile-measures"
        />
        <Tile label="逾期措施" value={stats.overdue.length} tone="bad" testId="tile-overdue" />
        <Tile label="本周到期" value={stats.dueThisWeek.length} tone="warn" testId="tile-due-week" />
        <Tile
          label="在办督办事项"
          value={itemsError ? '—' : items.length}
          note={`红灯 ${red}`}
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
          <CountBars counts={stats.problemStatus} labels={PROBLEM_STATUS} testId="problems-by-status" />
        </div>
        <div className="card">
          <h2>措施按状态</h2>
          <CountBars counts={stats.measureStatus} labels={MEASURE_STATUS} testId="measures-by-status" />
        </div>
        <div className="card">
          <h2>督办事项按灯色</h2>
          {itemsError ? (
            <ErrorBox error={itemsError} />
          ) : (
            <CountBars counts={stats.lights} labels={LIGHT} tones={LIGHT_TONES} testId="items-by-light" />
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
          <h2>逾期未完成（{stats.overdue.length + stats.supervision.overdue.length}）</h2>
          <DueList measures={stats.overdue} items={stats.supervision.overdue} testId="overdue-list" />
        </div>
        <div className="card">
          <h2>本周到期（{stats.dueThisWeek.length + stats.supervision.thisWeek.length}）</h2>
          <DueList measures={stats.dueThisWeek} items={stats.supervision.thisWeek} testId="due-week-list" />
        </div>
      </div>

      <div className="grid-2">
        <div className="card" data-testid="weekly-obligations">
          <h2>周报报送情况</h2>
          {stats.weekly.latest ? (
            <>
              <p className="muted">
                最近一期：{stats.weekly.latest.weekDate}（{formatDateTime(stats.weekly.latest.dueAt)} 截止）
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

function DueList({
  measures,
  items,
  testId,
}: {
  measures: MeasureRef[];
  items: SupervisionItemSummary[];
  testId: string;
}) {
  if (measures.length === 0 && items.length === 0) return <Empty>无。</Empty>;
  const shown = measures.slice(0, 30);
  return (
    <ul className="due-list" data-testid={testId}>
      {shown.map((m) => (
        <li key={m.id}>
          <a href={hrefOf({ page: 'problem', id: m.problem.id })}>
            问题 {m.problem.displayNumber} · 措施 {m.sequence}
          </a>{' '}
          <span className="clamp">{m.text}</span>
          <span className="due-meta">
            {m.responsibleAgency?.name ?? '—'} · {m.deadline.label} ·{' '}
            <Badge value={m.status}>{labelOf(MEASURE_STATUS, m.status)}</Badge>
          </span>
        </li>
      ))}
      {measures.length > shown.length && (
        <li className="muted">另有 {measures.length - shown.length} 条，见整改台账。</li>
      )}
      {items.slice(0, 20).map((i) => (
        <li key={i.id}>
          <a href={hrefOf({ page: 'supervision' })}>督办 · {i.title}</a>
          <span className="due-meta">
            {i.responsibleDepartment?.name ?? '—'} · {formatDate(i.dueAt)} ·{' '}
            <Badge value={i.light}>{labelOf(LIGHT, i.light ?? 'NONE')}</Badge>
          </span>
        </li>
      ))}
    </ul>
  );
}
