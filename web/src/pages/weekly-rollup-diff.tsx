import type { ReactNode } from 'react';
import type {
  AgencyFigures,
  CoordinationRollupPart,
  RectificationFigures,
  RectificationRollupPart,
  RollupItemRef,
  RollupMeasureRef,
  RollupProblemRef,
  RollupTaskRef,
  SupervisionFigures,
  SupervisionRollupPart,
  WeeklyRollupWeek,
} from '../api/types';
import { Empty } from '../components/page-state';
import { ESCALATION_LEVEL, labelOf } from '../model/labels';
import { figureChanges, formatChange } from '../model/weekly-rollup';
import type { FigureChange, FigureSpec, PartState } from '../model/weekly-rollup';
import { hrefOf } from '../routing';

/** The standing figures compared with the previous roll-up (the changes themselves are listed below). */
const RECTIFICATION_STANDING: FigureSpec<RectificationFigures>[] = [
  { key: 'measuresOpen', label: '未完成措施' },
  { key: 'measuresOverdue', label: '逾期措施', riseIsBad: true },
  { key: 'problemsOpen', label: '未销号问题' },
  { key: 'weeklyReportsMissing', label: '周报未报', riseIsBad: true },
];
const SUPERVISION_STANDING: FigureSpec<SupervisionFigures>[] = [
  { key: 'itemsOpen', label: '在办督办事项' },
  { key: 'itemsOverdue', label: '逾期督办事项', riseIsBad: true },
  { key: 'lightsRed', label: '红灯事项', riseIsBad: true },
  { key: 'lightsYellow', label: '黄灯事项', riseIsBad: true },
];
const COORDINATION_STANDING: FigureSpec<AgencyFigures>[] = [
  { key: 'tasksOpen', label: '未办结协办任务' },
  { key: 'tasksOverdue', label: '逾期协办任务', riseIsBad: true },
  { key: 'acknowledgementsOverdue', label: '签收超时', riseIsBad: true },
];

/** Red for a rise in bad news (overdue, red lights), green for its fall; other figures stay neutral. */
function changeTone(f: FigureChange): string {
  if (!f.riseIsBad || !f.change) return 'muted';
  return f.change > 0 ? 'text-bad' : 'text-good';
}

interface ChangeEntry {
  id: string;
  /** The department or agency it belongs to. */
  owner: string | null | undefined;
  content: ReactNode;
  /** The whole text, for the tooltip of an entry cut short. */
  title: string;
}

interface ChangeList {
  key: string;
  label: string;
  /** Bad news (newly overdue, turned red, an interview): shown in the alert colour. */
  alert?: boolean;
  entries: ChangeEntry[];
}

const ready = <P, F>(state: PartState<P, F>) => (state.kind === 'ready' ? state : null);

const problemEntry = (p: RollupProblemRef): ChangeEntry => ({
  id: p.id,
  owner: p.responsibleDepartment?.name,
  title: `问题 ${p.displayNumber} ${p.title}`,
  content: (
    <a href={hrefOf({ page: 'problem', id: p.id })}>
      问题 {p.displayNumber} {p.title}
    </a>
  ),
});

const measureEntry = (m: RollupMeasureRef): ChangeEntry => ({
  id: m.id,
  owner: m.responsibleAgency?.name,
  title: `问题 ${m.problem.displayNumber} 措施 ${m.sequence}：${m.text}`,
  content: (
    <>
      <a href={hrefOf({ page: 'problem', id: m.problem.id })}>
        问题 {m.problem.displayNumber} 措施 {m.sequence}
      </a>
      ：{m.text}
    </>
  ),
});

const itemEntry = (i: RollupItemRef): ChangeEntry => ({
  id: i.id,
  owner: i.responsibleDepartment?.name,
  title: i.title,
  content: i.title,
});

const taskEntry = (k: RollupTaskRef): ChangeEntry => ({
  id: k.id,
  owner: k.agency.name,
  title: k.title,
  content: k.title,
});

/** The week's changes by name, part by part (a part the caller may not read is left out). */
function changeLists(
  rectification: RectificationRollupPart | null,
  supervision: SupervisionRollupPart | null,
  coordination: CoordinationRollupPart | null,
): ChangeList[] {
  const lists: ChangeList[] = [];
  if (rectification) {
    const t = rectification.totals;
    lists.push(
      { key: 'new-problems', label: '新增问题', entries: t.newProblems.map(problemEntry) },
      { key: 'closed-problems', label: '本周销号问题', entries: t.closedProblems.map(problemEntry) },
      {
        key: 'newly-overdue-measures',
        label: '新逾期措施',
        alert: true,
        entries: t.newlyOverdueMeasures.map(measureEntry),
      },
    );
  }
  if (supervision) {
    const t = supervision.totals;
    lists.push(
      { key: 'turned-red', label: '转为红灯', alert: true, entries: t.turnedRedItems.map(itemEntry) },
      {
        key: 'newly-overdue-items',
        label: '新逾期督办事项',
        alert: true,
        entries: t.newlyOverdueItems.map(itemEntry),
      },
      {
        key: 'escalations',
        label: '触发约谈',
        alert: true,
        entries: t.escalations.map((e) => {
          const text = `${labelOf(ESCALATION_LEVEL, String(e.level))}：${e.item.title}`;
          return { id: e.id, owner: e.item.responsibleDepartment?.name, title: text, content: text };
        }),
      },
      { key: 'new-items', label: '新增督办事项', entries: t.newItems.map(itemEntry) },
      { key: 'closed-items', label: '本周办结事项', entries: t.closedItems.map(itemEntry) },
    );
  }
  if (coordination) {
    const t = coordination.totals;
    lists.push(
      {
        key: 'newly-overdue-tasks',
        label: '新逾期协办任务',
        alert: true,
        entries: t.newlyOverdueTasks.map(taskEntry),
      },
      { key: 'new-tasks', label: '新增协办任务', entries: t.newTasks.map(taskEntry) },
      { key: 'completed-tasks', label: '本周办结协办任务', entries: t.completedTasks.map(taskEntry) },
    );
  }
  return lists;
}

/** 与上周对比: the standing figures against the previous roll-up, and the week's changes by name. */
export function WeeklyRollupDiff({
  previous,
  rectification,
  supervision,
  coordination,
}: {
  previous: WeeklyRollupWeek | null;
  rectification: PartState<RectificationRollupPart, RectificationFigures>;
  supervision: PartState<SupervisionRollupPart, SupervisionFigures>;
  coordination: PartState<CoordinationRollupPart, AgencyFigures>;
}) {
  const r = ready(rectification);
  const s = ready(supervision);
  const c = ready(coordination);
  const changes: FigureChange[] = [
    ...(r ? figureChanges(RECTIFICATION_STANDING, r.part.totals, r.previousTotals) : []),
    ...(s ? figureChanges(SUPERVISION_STANDING, s.part.totals, s.previousTotals) : []),
    ...(c ? figureChanges(COORDINATION_STANDING, c.part.totals, c.previousTotals) : []),
  ];
  const lists = changeLists(r?.part ?? null, s?.part ?? null, c?.part ?? null);

  return (
    <div className="card" data-testid="rollup-diff">
      <h2>与上周对比{previous ? `（上次汇总 ${previous.weekOf}）` : ''}</h2>
      {changes.length === 0 && lists.length === 0 ? (
        <Empty>暂无可对比的汇总数据。</Empty>
      ) : (
        <>
          {changes.length > 0 && (
            <ul className="figure-changes" data-testid="rollup-figure-changes">
              {changes.map((f) => (
                <li key={f.key} data-key={f.key} data-change={f.change ?? ''}>
                  <span className="muted">{f.label}</span>
                  <strong>{f.now}</strong>
                  <span className={changeTone(f)}>
                    {previous ? `较上周 ${formatChange(f.change)}` : '无上周数据'}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="change-lists">
            {lists.map((list) => (
              <section key={list.key} data-testid={`rollup-${list.key}`} data-count={list.entries.length}>
                <h3 className={list.alert && list.entries.length > 0 ? 'text-bad' : ''}>
                  {list.label}（{list.entries.length}）
                </h3>
                {list.entries.length === 0 ? (
                  <p className="muted small">无</p>
                ) : (
                  <ul className="change-list">
                    {list.entries.map((e) => (
                      <li key={e.id} title={e.title}>
                        {e.owner && <span className="owner">{e.owner}</span>}
                        {e.content}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
