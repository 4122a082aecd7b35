import { useMemo, useState } from 'react';
import { WEEKLY } from '../api/queries';
import type { Campaign, ProgressNotice, WeeklyWeek } from '../api/types';
import { useGraphQL } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { CampaignPicker, useSelectedCampaign } from '../components/campaign-picker';
import { Empty, QueryView } from '../components/page-state';
import { WEEKLY_STATUS, labelOf } from '../model/labels';
import { addDays, formatDateTime, shanghaiDate } from '../model/shanghai-time';

/** Reporting Wednesdays the page offers: the last twelve weeks and the coming one. */
const WEEKS_BACK = 12;

export function WeeklyPage() {
  const { state, campaigns, selected, select } = useSelectedCampaign();
  return (
    <section>
      <header className="page-header">
        <h1>周报汇总</h1>
        <CampaignPicker campaigns={campaigns} selected={selected} select={select} />
      </header>
      <QueryView state={state} what="整改工作">
        {() => (selected ? <Weekly campaign={selected} /> : <Empty>尚无整改工作。</Empty>)}
      </QueryView>
    </section>
  );
}

interface WeeklyData {
  weeklyReportWeeks: WeeklyWeek[];
  progressNotice: ProgressNotice;
}

function Weekly({ campaign }: { campaign: Campaign }) {
  const today = useMemo(() => shanghaiDate(new Date()), []);
  const first = campaign.weeklyReportsStartOn ?? campaign.periodStart;
  const from = [first, addDays(today, -7 * WEEKS_BACK)].sort().pop()!;
  const to = addDays(today, 7);
  const state = useGraphQL<WeeklyData>(WEEKLY, {
    campaignId: campaign.id,
    from: from > to ? to : from,
    to,
    asOf: today,
  });
  return (
    <QueryView state={state} what="周报">
      {(data) => <WeeklyBody data={data} />}
    </QueryView>
  );
}

function WeeklyBody({ data }: { data: WeeklyData }) {
  const weeks = data.weeklyReportWeeks;
  const now = Date.now();
  const latestDue =
    [...weeks].reverse().find((w) => w.dueAt && Date.parse(w.dueAt) <= now) ?? weeks[weeks.length - 1];
  const [weekDate, setWeekDate] = useState(latestDue?.weekDate ?? '');
  const index = weeks.findIndex((w) => w.weekDate === weekDate);
  const week = weeks[index] ?? null;
  const previous =
    index > 0
      ? (weeks
          .slice(0, index)
          .reverse()
          .find((w) => !w.skipped) ?? null)
      : null;

  return (
    <div data-testid="weekly-ready">
      <div className="toolbar">
        <label>
          报送周（每周三15时前）
          <select value={weekDate} onChange={(e) => setWeekDate(e.target.value)} data-testid="week-select">
            {weeks.map((w) => (
              <option key={w.weekDate} value={w.weekDate}>
                {w.weekDate}
                {w.skipped ? `（${w.holidayName ?? '节假日'}，不报送）` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="grid-2">
        <div className="card" data-testid="weekly-obligations-table">
          <h2>报送情况 {week?.weekDate ?? ''}</h2>
          {!week ? (
            <Empty>所选时段内没有报送周。</Empty>
          ) : week.skipped ? (
            <Empty>本周三为{week.holidayName ?? '节假日'}，不报送。</Empty>
          ) : week.obligations.length === 0 ? (
            <Empty>本周无部门需要报送（无未完成事项）。</Empty>
          ) : (
            <>
              <p className="muted">截止 {formatDateTime(week.dueAt)}</p>
              <table>
                <thead>
                  <tr>
                    <th>责任部门</th>
                    <th>状态</th>
                    <th>报送时间</th>
                  </tr>
                </thead>
                <tbody>
                  {week.obligations.map((o) => (
                    <tr key={o.agency.id}>
                      <td>{o.agency.name}</td>
                      <td>
                        <Badge value={o.status}>{labelOf(WEEKLY_STATUS, o.status)}</Badge>
                      </td>
                      <td>
                        {o.report
                          ? `${formatDateTime(o.report.submittedAt)} ${o.report.submittedByName ?? ''}`
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
        <div className="card slot" data-testid="rollup-diff-slot">
          <h2>与上周对比</h2>
          <p className="gap-note">
            周汇总（WeeklyRollup：各部门进展、本周到期、逾期、灯色变化、触发约谈、完成措施）正在建设中，上线后在此显示与上周的差异。
          </p>
          {week && previous && <ObligationChanges week={week} previous={previous} />}
        </div>
      </div>

      {week && week.obligations.some((o) => o.report) && (
        <div className="card">
          <h2>部门周报（合并）</h2>
          {week.obligations
            .filter((o) => o.report)
            .map((o) => (
              <section key={o.agency.id} className="merged-report">
                <h3>{o.agency.name}</h3>
                <p>
                  <strong>一、整改落实情况：</strong>
                  {o.report!.progress}
                </p>
                <p>
                  <strong>二、经验做法：</strong>
                  {o.report!.practices}
                </p>
                {o.report!.difficulties && (
                  <p>
                    <strong>三、问题及意见建议：</strong>
                    {o.report!.difficulties}
                  </p>
                )}
              </section>
            ))}
        </div>
      )}

      <Notice notice={data.progressNotice} />
    </div>
  );
}

/** What exists today to compare: each department's reporting status against the previous week. */
function ObligationChanges({ week, previous }: { week: WeeklyWeek; previous: WeeklyWeek }) {
  const before = new Map(previous.obligations.map((o) => [o.agency.id, o.status]));
  const rows = week.obligations.filter((o) => before.get(o.agency.id) !== o.status);
  return (
    <>
      <h3>报送状态变化（对比 {previous.weekDate}）</h3>
      {rows.length === 0 ? (
        <p className="muted">各部门报送状态与上周相同。</p>
      ) : (
        <ul>
          {rows.map((o) => (
            <li key={o.agency.id}>
              {o.agency.name}：{labelOf(WEEKLY_STATUS, before.get(o.agency.id) ?? null)} →{' '}
              {labelOf(WEEKLY_STATUS, o.status)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Notice({ notice }: { notice: ProgressNotice }) {
  const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
  return (
    <div className="card" data-testid="progress-notice">
      <h2>整改进展情况通报（截至 {notice.asOf}）</h2>
      <blockquote className="notice-text">{notice.summary}</blockquote>
      <div className="table-wrap">
        <table>
          <tbody>
            <tr>
              <th>方面</th>
              <td className="num">{notice.aspects}</td>
              <th>问题</th>
              <td className="num">
                {notice.problems}（已完成 {notice.problemsCompleted}，{pct(notice.problemCompletionRate)}）
              </td>
            </tr>
            <tr>
              <th>整改措施</th>
              <td className="num">
                {notice.measures}（已完成 {notice.measuresCompleted}，{pct(notice.measureCompletionRate)}）
              </td>
              <th>推进中 / 长期坚持</th>
              <td className="num">
                {notice.measuresInProgress} / {notice.measuresLongTerm}
              </td>
            </tr>
            {notice.discipline && (
              <>
                <tr>
                  <th>党纪政务立案</th>
                  <td className="num">{notice.discipline.casesFiled} 件</td>
                  <th>党纪政务处分</th>
                  <td className="num">{notice.discipline.peopleDisciplined} 人</td>
                </tr>
                <tr>
                  <th>诫勉谈话</th>
                  <td className="num">{notice.discipline.admonishmentTalks} 人</td>
                  <th>新建 / 修订制度</th>
                  <td className="num">
                    {notice.discipline.regulationsCreated} / {notice.discipline.regulationsRevised} 项
                  </td>
                </tr>
              </>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
