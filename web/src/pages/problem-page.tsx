import { PROBLEM, PROBLEM_INTERNAL } from '../api/queries';
import type { MeasureUpdate, ProblemDetail, ProblemMeasure } from '../api/types';
import { useGraphQL } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { EvidenceList } from '../components/evidence-list';
import { Empty, QueryView } from '../components/page-state';
import {
  ACCOUNTABILITY_KIND,
  MEASURE_STATUS,
  MEASURE_UPDATE_KIND,
  PROBLEM_STATUS,
  VERIFICATION,
  labelOf,
} from '../model/labels';
import { isOverdue } from '../model/overview-stats';
import { formatDate, formatDateTime } from '../model/shanghai-time';
import { hrefOf } from '../routing';
import { useSession } from '../session/session-context';

export function ProblemPage({ id }: { id: string }) {
  const { isPartner } = useSession();
  // A partner agency may not read accountability records or follow-up plans (FORBIDDEN): it asks less.
  const state = useGraphQL<{ problem: ProblemDetail | null }>(isPartner ? PROBLEM : PROBLEM_INTERNAL, { id });
  return (
    <section>
      <p>
        <a href={hrefOf(isPartner ? { page: 'partner' } : { page: 'ledger' })}>
          ← 返回{isPartner ? '我的任务' : '整改台账'}
        </a>
        <button type="button" className="link-button" onClick={state.reload} data-testid="reload">
          刷新
        </button>
      </p>
      <QueryView state={state} what="问题">
        {({ problem }) =>
          problem ? <ProblemView problem={problem} /> : <Empty>找不到该问题，或您无权查看。</Empty>
        }
      </QueryView>
    </section>
  );
}

function ProblemView({ problem }: { problem: ProblemDetail }) {
  return (
    <div data-testid="problem-ready">
      <header className="page-header">
        <h1>
          问题 {problem.displayNumber}：{problem.title}
        </h1>
        <Badge value={problem.status}>{labelOf(PROBLEM_STATUS, problem.status)}</Badge>
      </header>
      <div className="card">
        <p>{problem.description}</p>
        <dl className="facts">
          {problem.campaign && <Fact label="整改工作" value={problem.campaign.name} />}
          {problem.aspect && <Fact label="方面" value={problem.aspect} />}
          <Fact
            label="牵头领导"
            value={
              problem.leadLeader ? `${problem.leadLeader.name}（${problem.leadLeader.title ?? ''}）` : '—'
            }
          />
          <Fact label="责任部门" value={problem.responsibleDepartment?.name ?? '—'} />
          <Fact label="牵头联系" value={problem.coordinatingAgencies.map((a) => a.name).join('、') || '—'} />
          <Fact label="立项时间" value={formatDateTime(problem.openedAt)} />
          {problem.closedAt && <Fact label="销号时间" value={formatDateTime(problem.closedAt)} />}
          {problem.sourceFinding && (
            <Fact
              label="来源"
              value={`${problem.sourceFinding.round.name} 第${problem.sourceFinding.number}号发现：${problem.sourceFinding.title}`}
            />
          )}
        </dl>
      </div>

      <h2>整改措施（{problem.measures.length}）</h2>
      {problem.measures.length === 0 && <Empty>暂无可见的整改措施。</Empty>}
      {problem.measures.map((m) => (
        <MeasureCard key={m.id} measure={m} />
      ))}

      {problem.closeoutHistory.length > 0 && (
        <div className="card">
          <h2>销号记录</h2>
          <ul>
            {problem.closeoutHistory.map((c, i) => (
              <li key={i}>
                {formatDateTime(c.at)} {c.kind === 'CLOSED' ? '销号' : '重启'} {c.actorName ?? ''}{' '}
                {c.reason ?? ''}
              </li>
            ))}
          </ul>
        </div>
      )}

      {problem.accountabilityRecords && problem.accountabilityRecords.length > 0 && (
        <div className="card">
          <h2>约谈与问责</h2>
          <ul>
            {problem.accountabilityRecords.map((r) => (
              <li key={r.id}>
                {r.decidedOn} {labelOf(ACCOUNTABILITY_KIND, r.kind)}：
                {[...r.people.map((p) => p.name), r.agency?.name].filter(Boolean).join('、')} — {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function MeasureCard({ measure }: { measure: ProblemMeasure }) {
  const overdue = isOverdue(measure, new Date());
  return (
    <article className="card measure" data-testid={`measure-${measure.id}`}>
      <header className="measure-header">
        <h3>
          措施 {measure.sequence}：{measure.text}
        </h3>
        <Badge value={measure.status}>{labelOf(MEASURE_STATUS, measure.status)}</Badge>
      </header>
      <dl className="facts">
        <Fact label="责任单位" value={measure.responsibleAgency?.name ?? '—'} />
        <Fact label="协同单位" value={measure.coordinatingAgencies.map((a) => a.name).join('、') || '—'} />
        <Fact
          label="完成时限"
          value={`${measure.deadline.label}${measure.dueAt ? `（${formatDate(measure.dueAt)}）` : ''}${overdue ? ' · 已逾期' : ''}`}
        />
        <Fact label="对账" value={labelOf(VERIFICATION, measure.verification)} />
        {measure.completedAt && <Fact label="完成时间" value={formatDateTime(measure.completedAt)} />}
      </dl>
      {measure.evidenceNotes.length > 0 && (
        <ul className="evidence-notes">
          {measure.evidenceNotes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {measure.followUpPlan && (
        <div className="follow-up">
          <strong>后续整改计划：</strong>
          {measure.followUpPlan.route}
          <ul>
            {measure.followUpPlan.timetable.map((s, i) => (
              <li key={i}>
                {s.dueOn} {s.step}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h4>办理过程</h4>
      <ol className="timeline" data-testid={`timeline-${measure.id}`}>
        {measure.timeline.map((u) => (
          <TimelineEntry key={u.id} update={u} />
        ))}
      </ol>
    </article>
  );
}

function TimelineEntry({ update }: { update: MeasureUpdate }) {
  const fromPartner = update.actorAgency?.isPartner ?? false;
  return (
    <li className={fromPartner ? 'from-partner' : ''} data-kind={update.kind}>
      <div className="timeline-head">
        <span className="timeline-kind">{labelOf(MEASURE_UPDATE_KIND, update.kind)}</span>
        <span className="muted">
          {formatDateTime(update.at)} · {update.actorAgency?.name ?? ''} {update.actorName ?? ''}
          {fromPartner && <span className="badge badge-info">外部单位</span>}
        </span>
      </div>
      {update.statusFrom && update.statusTo && update.statusFrom !== update.statusTo && (
        <div className="small">
          {labelOf(MEASURE_STATUS, update.statusFrom)} → {labelOf(MEASURE_STATUS, update.statusTo)}
        </div>
      )}
      {update.note && <p className="timeline-note">{update.note}</p>}
      {update.evidenceNotes.length > 0 && <p className="small">{update.evidenceNotes.join('；')}</p>}
      <EvidenceList evidence={update.evidence} />
    </li>
  );
}
