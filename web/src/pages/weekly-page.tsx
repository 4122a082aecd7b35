import { useMemo, useState } from 'react';
import type { ApiError, GraphQLErrorEntry } from '../api/graphql-client';
import { WEEKLY, WEEKLY_ROLLUPS } from '../api/queries';
import type { Campaign, ProgressNotice, WeeklyRollupWeek, WeeklyWeek } from '../api/types';
import { useGraphQL } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { CampaignPicker, useSelectedCampaign } from '../components/campaign-picker';
import { Empty, ErrorBox, Loading, PartialErrors } from '../components/page-state';
import { WEEKLY_STATUS, labelOf } from '../model/labels';
import { addDays, formatDateTime, shanghaiDate } from '../model/shanghai-time';
import { defaultWeekChoice, previousReportingWeek, weekChoices } from '../model/weekly-rollup';
import type { WeekChoice } from '../model/weekly-rollup';
import { useSession } from '../session/session-context';
import { WeeklyRollupView } from './weekly-rollup-view';

/** Reporting Wednesdays the page offers: the last twelve weeks and the coming one. */
const WEEKS_BACK = 12;

interface WeeklyData {
  weeklyReportWeeks: WeeklyWeek[];
  progressNotice: ProgressNotice;
}

interface RollupList {
  weeklyRollups: WeeklyRollupWeek[];
}

/**
 * 周报汇总: one week at a time: its roll-up (周汇总) with the diff against the previous one, who owed
 * a weekly report and the merged reports, and the public progress notice. A partner agency gets the
 * roll-up only, which the API cuts down to its own agency's row.
 */
export function WeeklyPage() {
  const { isPartner } = useSession();
  return isPartner ? <PartnerWeekly /> : <InternalWeekly />;
}

function InternalWeekly() {
  const { state, campaigns, selected, select } = useSelectedCampaign();
  const rollups = useGraphQL<RollupList>(WEEKLY_ROLLUPS);
  const today = useMemo(() => shanghaiDate(new Date()), []);
  const weekly = useGraphQL<WeeklyData>(WEEKLY, weeklyVariables(selected, today), { skip: !selected });
  const campaignsSettled = Boolean(state.data || state.error);
  const weeklySettled = !selected ? campaignsSettled : Boolean(weekly.data || weekly.error);
  const settled = weeklySettled && Boolean(rollups.data || rollups.error);
  return (
    <section>
      <header className="page-header">
        <h1>周报汇总</h1>
        <CampaignPicker campaigns={campaigns} selected={selected} select={select} />
      </header>
      {!settled ? (
        <Loading what="周报与周汇总" />
      ) : (
        <WeeklyBody
          rollups={rollups.data?.weeklyRollups ?? []}
          weekly={weekly.data}
          campaign={selected}
          errors={[state.error, rollups.error, weekly.error]}
          partialErrors={[...rollups.partialErrors, ...weekly.partialErrors]}
        />
      )}
    </section>
  );
}

function weeklyVariables(campaign: Campaign | null, today: string) {
  if (!campaign) return {};
  const first = campaign.weeklyReportsStartOn ?? campaign.periodStart;
  const from = [first, addDays(today, -7 * WEEKS_BACK)].sort().pop()!;
  const to = addDays(today, 7);
  return { campaignId: campaign.id, from: from > to ? to : from, to, asOf: today };
}

function WeeklyBody({
  rollups,
  weekly,
  campaign,
  errors,
  partialErrors,
}: {
  rollups: WeeklyRollupWeek[];
  weekly: WeeklyData | null;
  campaign: Campaign | null;
  errors: (ApiError | null)[];
  partialErrors: GraphQLErrorEntry[];
}) {
  const weeks = useMemo(() => weekly?.weeklyReportWeeks ?? [], [weekly]);
  const choices = useMemo(() => weekChoices(rollups, weeks), [rollups, weeks]);
  const [picked, setPicked] = useState<string | null>(null);
  const choice = choices.find((c) => c.monday === picked) ?? defaultWeekChoice(choices, new Date());
  const week = choice?.reportingWeek ?? null;
  const previous = week ? previousReportingWeek(weeks, week.weekDate) : null;

  return (
    <div data-testid="weekly-ready">
      {errors.map((e, i) => e && <ErrorBox key={i} error={e} />)}
      <PartialErrors errors={partialErrors} />
      <WeekPicker choices={choices} choice={choice} pick={setPicked} />
      <RollupSection choice={choice} internal />

      {campaign && (
        <div className="grid-2">
          <div className="card" data-testid="weekly-obligations-table">
            <h2>周报报送情况 {week?.weekDate ?? ''}</h2>
            <Obligations week={week} />
          </div>
          <div className="card" data-testid="obligation-changes">
            <h2>报送状态与上周对比</h2>
            {week && previous ? (
              <ObligationChanges week={week} previous={previous} />
            ) : (
              <Empty>没有可对比的上一报送周。</Empty>
            )}
          </div>
        </div>
      )}

      {week && week.obligations.some((o) => o.report) && <MergedReports week={week} />}

      {weekly && <Notice notice={weekly.progressNotice} />}
    </div>
  );
}

function PartnerWeekly() {
  const rollups = useGraphQL<RollupList>(WEEKLY_ROLLUPS);
  const choices = useMemo(() => weekChoices(rollups.data?.weeklyRollups ?? [], []), [rollups.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const choice = choices.find((c) => c.monday === picked) ?? defaultWeekChoice(choices, new Date());
  return (
    <section>
      <header className="page-header">
        <h1>周汇总</h1>
      </header>
      {rollups.error ? (
        <ErrorBox error={rollups.error} />
      ) : !rollups.data ? (
        <Loading what="周汇总" />
      ) : (
        <div data-testid="weekly-ready">
          <WeekPicker choices={choices} choice={choice} pick={setPicked} />
          <RollupSection choice={choice} internal={false} />
        </div>
      )}
    </section>
  );
}

function WeekPicker({
  choices,
  choice,
  pick,
}: {
  choices: WeekChoice<WeeklyWeek>[];
  choice: WeekChoice<WeeklyWeek> | null;
  pick(monday: string): void;
}) {
  if (choices.length === 0) return <Empty>尚无周汇总或报送周。</Empty>;
  const now = Date.now();
  const note = (c: WeekChoice<WeeklyWeek>) => {
    const notes: string[] = [];
    if (c.rollup?.moved) notes.push('节假日提前截止');
    if (!c.rollup) {
      const due = c.reportingWeek?.dueAt;
      notes.push(due && Date.parse(due) > now ? '未到截止' : '未汇总');
    }
    if (c.reportingWeek?.skipped) notes.push(`${c.reportingWeek.holidayName ?? '节假日'}，不报送周报`);
    return notes.length > 0 ? `（${notes.join('；')}）` : '';
  };
  return (
    <div className="toolbar">
      <label>
        汇总周（每周三15时截止）
        <select value={choice?.monday ?? ''} onChange={(e) => pick(e.target.value)} data-testid="week-select">
          {choices.map((c) => (
            <option key={c.monday} value={c.monday}>
              {c.day}
              {note(c)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function RollupSection({ choice, internal }: { choice: WeekChoice<WeeklyWeek> | null; internal: boolean }) {
  if (!choice) return null;
  if (!choice.rollup) {
    return (
      <div className="card" data-testid="weekly-rollup" data-week="">
        <h2>周汇总 {choice.day}</h2>
        <Empty>该周尚未汇总：截止时间（周三15时，节假日提前）过后自动生成。</Empty>
      </div>
    );
  }
  return (
    // A new week is a new set of requests: remount rather than show the last week's figures meanwhile.
    <WeeklyRollupView
      key={choice.rollup.weekOf}
      week={choice.rollup}
      previous={choice.previousRollup}
      internal={internal}
    />
  );
}

function Obligations({ week }: { week: WeeklyWeek | null }) {
  if (!week) return <Empty>该周不在整改工作的报送期内。</Empty>;
  if (week.skipped) return <Empty>本周三为{week.holidayName ?? '节假日'}，不报送。</Empty>;
  if (week.obligations.length === 0) return <Empty>本周无部门需要报送（无未完成事项）。</Empty>;
  return (
    <>
      <p className="muted">截止 {formatDateTime(week.dueAt)}</p>
      <div className="table-wrap">
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
      </div>
    </>
  );
}

/** Each department's reporting status against the previous reporting Wednesday. */
function ObligationChanges({ week, previous }: { week: WeeklyWeek; previous: WeeklyWeek }) {
  const before = new Map(previous.obligations.map((o) => [o.agency.id, o.status]));
  const rows = week.obligations.filter((o) => before.get(o.agency.id) !== o.status);
  return (
    <>
      <p className="muted">对比 {previous.weekDate}</p>
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

function MergedReports({ week }: { week: WeeklyWeek }) {
  return (
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
  );
}

function Notice({ notice }: { notice: ProgressNotice }) {
  const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(notice.text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="card" data-testid="progress-notice">
      <h2>整改进展情况通报（截至 {notice.asOf}）</h2>
      <blockquote className="notice-text" data-testid="notice-summary">
        {notice.summaryText}
      </blockquote>
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
      <details className="notice-full" open>
        <summary>
          通报全文
          <button type="button" className="link-button" onClick={copy} data-testid="copy-notice">
            {copied ? '已复制' : '复制全文'}
          </button>
        </summary>
        <pre className="notice-full-text" data-testid="notice-text">
          {notice.text}
        </pre>
      </details>
    </div>
  );
}
