import type { ReactNode } from 'react';
import {
  WEEKLY_ROLLUP_COORDINATION,
  WEEKLY_ROLLUP_RECTIFICATION,
  WEEKLY_ROLLUP_SUPERVISION,
} from '../api/queries';
import type {
  AgencyFigures,
  CoordinationRollupPart,
  RectificationFigures,
  RectificationRollupPart,
  RollupPartData,
  SupervisionFigures,
  SupervisionRollupPart,
  WeeklyRollupWeek,
} from '../api/types';
import { useGraphQL } from '../api/use-graphql';
import type { QueryState } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { FiguresTable } from '../components/figures-table';
import type { FigureGroup } from '../components/figures-table';
import { Empty, Loading } from '../components/page-state';
import { formatDateTime } from '../model/shanghai-time';
import { partState } from '../model/weekly-rollup';
import type { PartState } from '../model/weekly-rollup';
import { WeeklyRollupDiff } from './weekly-rollup-diff';

type RectificationData = RollupPartData<RectificationRollupPart, RectificationFigures, 'rectification'>;
type SupervisionData = RollupPartData<SupervisionRollupPart, SupervisionFigures, 'supervision'>;
type CoordinationData = RollupPartData<CoordinationRollupPart, AgencyFigures, 'coordination'>;

const PART_NAMES: Record<string, string> = { RECTIFICATION: '整改', SUPERVISION: '督办', AGENCIES: '协办' };

const RECTIFICATION_GROUPS: FigureGroup<RectificationFigures>[] = [
  {
    label: '整改措施',
    columns: [
      { key: 'measuresOpen', label: '未完成' },
      { key: 'measuresDueThisWeek', label: '本周到期' },
      { key: 'measuresOverdue', label: '逾期', alert: true },
      { key: 'measuresCompleted', label: '本周完成' },
      { key: 'measuresNew', label: '新增' },
    ],
  },
  {
    label: '问题',
    columns: [
      { key: 'problemsOpen', label: '未销号' },
      { key: 'problemsNew', label: '新增' },
      { key: 'problemsClosed', label: '本周销号' },
    ],
  },
  {
    label: '周报',
    columns: [
      { key: 'weeklyReportsOwed', label: '应报' },
      { key: 'weeklyReportsOnTime', label: '按时' },
      { key: 'weeklyReportsLate', label: '迟报', alert: true },
      { key: 'weeklyReportsMissing', label: '未报', alert: true },
    ],
  },
];

const SUPERVISION_GROUPS: FigureGroup<SupervisionFigures>[] = [
  {
    label: '督办事项',
    columns: [
      { key: 'itemsOpen', label: '在办' },
      { key: 'itemsDueThisWeek', label: '本周到期' },
      { key: 'itemsOverdue', label: '逾期', alert: true },
      { key: 'itemsNew', label: '新增' },
      { key: 'itemsClosed', label: '本周办结' },
    ],
  },
  {
    label: '灯色',
    columns: [
      { key: 'lightsRed', label: '红灯', alert: true },
      { key: 'lightsYellow', label: '黄灯' },
      { key: 'lightsGreen', label: '绿灯' },
      { key: 'lightChanges', label: '本周变化' },
    ],
  },
  { label: '约谈', columns: [{ key: 'escalationsTriggered', label: '本周触发', alert: true }] },
  {
    label: '月报',
    columns: [
      { key: 'reportsOwed', label: '应报' },
      { key: 'reportsOnTime', label: '按时' },
      { key: 'reportsLate', label: '迟报', alert: true },
      { key: 'reportsMissing', label: '未报', alert: true },
    ],
  },
];

const COORDINATION_GROUPS: FigureGroup<AgencyFigures>[] = [
  {
    label: '协办任务',
    columns: [
      { key: 'tasksOpen', label: '未办结' },
      { key: 'tasksDueThisWeek', label: '本周到期' },
      { key: 'tasksOverdue', label: '逾期', alert: true },
      { key: 'tasksNew', label: '新增' },
      { key: 'tasksCompleted', label: '本周办结' },
    ],
  },
  {
    label: '签收与反馈',
    columns: [
      { key: 'tasksAcknowledged', label: '本周签收' },
      { key: 'acknowledgementsOverdue', label: '签收超时', alert: true },
      { key: 'progressReports', label: '进展反馈' },
    ],
  },
];

/**
 * One part's card state from its request: `skipped` when an internal part is not asked for on a
 * partner's behalf (the API refuses them).
 */
function partOf<P, F, N extends string>(
  query: QueryState<RollupPartData<P, F, N>>,
  name: N,
  skipped: boolean,
): PartState<P, F> {
  const week: Record<N, P | null> | null | undefined = query.data?.week;
  const previous: Record<N, { totals: F } | null> | null | undefined = query.data?.previous;
  return partState<P, F>({ ...query, skipped }, week?.[name], previous?.[name]?.totals);
}

/** A responsible department's figures as a table row. */
function departmentRows<F>(departments: (F & { department: { id: string; name: string } | null })[]) {
  return departments.map((d) => ({
    key: d.department?.id ?? 'none',
    name: d.department?.name ?? '（未指定部门）',
    figures: d,
  }));
}

/**
 * 周汇总 of one week: rectification and supervision per responsible department, coordination per
 * outside agency, and what changed since the previous cut-off. Each part is its own request, so a
 * part refused to the caller or not taken yet leaves the others on screen.
 */
export function WeeklyRollupView({
  week,
  previous,
  internal,
}: {
  week: WeeklyRollupWeek;
  previous: WeeklyRollupWeek | null;
  internal: boolean;
}) {
  const variables = {
    weekOf: week.weekOf,
    previousWeekOf: previous?.weekOf ?? week.weekOf,
    withPrevious: previous !== null,
  };
  const rectificationQuery = useGraphQL<RectificationData>(WEEKLY_ROLLUP_RECTIFICATION, variables, {
    skip: !internal,
  });
  const supervisionQuery = useGraphQL<SupervisionData>(WEEKLY_ROLLUP_SUPERVISION, variables, {
    skip: !internal,
  });
  const coordinationQuery = useGraphQL<CoordinationData>(WEEKLY_ROLLUP_COORDINATION, variables);

  const rectification = partOf(rectificationQuery, 'rectification', !internal);
  const supervision = partOf(supervisionQuery, 'supervision', !internal);
  const coordination = partOf(coordinationQuery, 'coordination', false);

  return (
    <div data-testid="weekly-rollup" data-week={week.weekOf}>
      <WeekFacts week={week} previous={previous} />
      {internal ? (
        <>
          <PartCard title="整改（按责任部门）" testId="rollup-rectification" state={rectification}>
            {(part) => (
              <FiguresTable
                nameHeading="责任部门"
                groups={RECTIFICATION_GROUPS}
                rows={departmentRows(part.departments)}
                totals={part.totals}
              />
            )}
          </PartCard>
          <PartCard title="督办（按责任部门）" testId="rollup-supervision" state={supervision}>
            {(part) => (
              <FiguresTable
                nameHeading="责任部门"
                groups={SUPERVISION_GROUPS}
                rows={departmentRows(part.departments)}
                totals={part.totals}
              />
            )}
          </PartCard>
        </>
      ) : (
        <p className="muted" data-testid="rollup-internal-note">
          整改、督办部分为局内汇总数据，此处只显示本单位的协办任务。
        </p>
      )}
      <PartCard
        title={internal ? '协办（按街镇及外单位）' : '协办任务（本单位）'}
        testId="rollup-coordination"
        state={coordination}
      >
        {(part) => (
          <FiguresTable
            nameHeading="单位"
            groups={COORDINATION_GROUPS}
            rows={part.agencies.map((a) => ({
              key: a.agency?.id ?? 'none',
              name: a.agency?.name ?? '—',
              figures: a,
            }))}
            totals={part.totals}
          />
        )}
      </PartCard>
      <WeeklyRollupDiff
        previous={previous}
        rectification={rectification}
        supervision={supervision}
        coordination={coordination}
      />
    </div>
  );
}

function WeekFacts({ week, previous }: { week: WeeklyRollupWeek; previous: WeeklyRollupWeek | null }) {
  return (
    <div className="card" data-testid="rollup-week">
      <h2>
        周汇总 {week.weekOf}
        {week.readyAt ? <Badge value="COMPLETED">已汇总</Badge> : <Badge value="DUE">汇总中</Badge>}
      </h2>
      <dl className="facts">
        <dt>截止时间</dt>
        <dd>
          {formatDateTime(week.cutOffAt)}
          {week.moved && <span className="muted">（周三为节假日，提前至前一工作日）</span>}
        </dd>
        <dt>统计区间</dt>
        <dd>
          {formatDateTime(week.periodStartsAt)} 至 {formatDateTime(week.cutOffAt)}
          <span className="muted">
            （“本周到期”指 {week.weekStartsOn} 至 {week.weekEndsOn}）
          </span>
        </dd>
        <dt>对比基准</dt>
        <dd>{previous ? `上次汇总 ${previous.weekOf}` : '此前无汇总'}</dd>
        <dt>已汇入</dt>
        <dd>
          {(['RECTIFICATION', 'SUPERVISION', 'AGENCIES'] as const).map((name) => (
            <Badge key={name} value={week.parts.includes(name) ? 'COMPLETED' : 'DUE'}>
              {PART_NAMES[name]}
              {week.parts.includes(name) ? '✓' : '（待汇入）'}
            </Badge>
          ))}
          {!week.weeklyReportsOwed && <span className="muted"> 本周节假日，各部门不报送周报。</span>}
        </dd>
      </dl>
    </div>
  );
}

function PartCard<P, F>({
  title,
  testId,
  state,
  children,
}: {
  title: string;
  testId: string;
  state: PartState<P, F>;
  children: (part: P) => ReactNode;
}) {
  return (
    <div className="card" data-testid={testId} data-state={state.kind}>
      <h2>{title}</h2>
      {state.kind === 'loading' && <Loading what="汇总" />}
      {state.kind === 'refused' && <p className="muted">局内汇总数据，仅供局内人员查看。</p>}
      {state.kind === 'not-taken' && <Empty>该部分尚未汇入（截止后由对应系统生成）。</Empty>}
      {state.kind === 'failed' && (
        <div className="error-box" role="alert">
          {state.message}
          <span className="muted">（{state.code}）</span>
        </div>
      )}
      {state.kind === 'ready' && children(state.part)}
    </div>
  );
}
