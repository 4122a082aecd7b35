import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/graphql-client';
import { ACKNOWLEDGE_TASK, MY_TASKS, REPORT_TASK_PROGRESS } from '../api/queries';
import type { CoordinationTask, DirectLineRequest, TaskResult } from '../api/types';
import { useGraphQL, useMutation } from '../api/use-graphql';
import { Badge } from '../components/badge';
import { EvidenceList } from '../components/evidence-list';
import { Empty, QueryView } from '../components/page-state';
import {
  ACKNOWLEDGEMENT,
  DIRECT_LINE_KIND,
  DIRECT_LINE_STATUS,
  TASK_STATUS,
  TASK_UPDATE_KIND,
  labelOf,
} from '../model/labels';
import { evidenceOfFile } from '../model/file-evidence';
import { newIdempotencyKey } from '../model/idempotency-key';
import type { EvidenceInput } from '../model/file-evidence';
import { formatDateTime } from '../model/shanghai-time';
import { hrefOf } from '../routing';
import { useSession } from '../session/session-context';

interface InboxData {
  myTasks: { totalCount: number; edges: { node: CoordinationTask }[] };
  directLineRequests: DirectLineRequest[];
}

/** The inbox page size; the API pages further with `after`. */
const PAGE = 100;

/** 协同单位视图: the signed-in agency's inbox — sign for tasks, report progress with evidence. */
export function PartnerPage() {
  const { me } = useSession();
  const agencyName = me?.agency.name ?? '本单位';
  const state = useGraphQL<InboxData>(MY_TASKS, { first: PAGE });
  // Tasks as the last mutation returned them, ahead of the next reload.
  const [updated, setUpdated] = useState<Record<string, CoordinationTask>>({});
  const tasks = (state.data?.myTasks.edges ?? []).map((e) => updated[e.node.id] ?? e.node);
  const open = tasks.filter((t) => t.status === 'OPEN').length;
  return (
    <section>
      <header className="page-header">
        <h1>{agencyName} · 我的任务</h1>
        <p className="muted">交办给本单位的整改措施与督办事项：请在时限内签收，并反馈进展与佐证材料。</p>
      </header>
      <QueryView state={state} what="任务">
        {(data) => (
          <div data-testid="partner-ready">
            <div className="tiles">
              <div className="tile" data-testid="tile-tasks">
                <div className="tile-label">任务</div>
                <div className="tile-value">{data.myTasks.totalCount}</div>
              </div>
              <div className={`tile ${open > 0 ? 'tile-warn' : ''}`} data-testid="tile-open">
                <div className="tile-label">待签收</div>
                <div className="tile-value">{open}</div>
              </div>
            </div>
            {tasks.length === 0 && <Empty>暂无交办给本单位的任务。</Empty>}
            {data.myTasks.totalCount > tasks.length && (
              <p className="muted">
                显示最新 {tasks.length} 项，共 {data.myTasks.totalCount} 项。
              </p>
            )}
            {tasks.map((task) => (
              <TaskCard
                key={task.id}
                task={task}
                onUpdated={(t) => setUpdated((u) => ({ ...u, [t.id]: t }))}
              />
            ))}
            <h2>本单位直通车事项</h2>
            <DirectLineRequests requests={data.directLineRequests} />
          </div>
        )}
      </QueryView>
    </section>
  );
}

function TaskCard({ task, onUpdated }: { task: CoordinationTask; onUpdated(task: CoordinationTask): void }) {
  const mutate = useMutation<Record<string, TaskResult>>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // Kept while an answer is lost in transit, so the retry counts once.
  const pendingKey = useRef<string | null>(null);

  /** One action on the task, as of the version on screen. */
  const run = async (mutation: string, field: string, input: Record<string, unknown>) => {
    setBusy(true);
    setMessage(null);
    pendingKey.current ??= newIdempotencyKey();
    try {
      const result = (
        await mutate(mutation, {
          input: {
            ...input,
            taskId: task.id,
            expectedVersion: task.version,
            idempotencyKey: pendingKey.current,
          },
        })
      )[field]!;
      pendingKey.current = null;
      if (result.ok && result.task) {
        onUpdated(result.task);
        return true;
      }
      setMessage(
        result.error?.code === 'CONFLICT'
          ? '该任务已有新的办理记录，请刷新页面后再操作。'
          : (result.error?.message ?? '操作未成功'),
      );
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'NETWORK')) pendingKey.current = null;
      setMessage(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
    return false;
  };

  return (
    <article className="card task" data-testid={`task-${task.id}`} data-status={task.status}>
      <header className="measure-header">
        <h3>{task.title}</h3>
        <Badge value={task.status}>{labelOf(TASK_STATUS, task.status)}</Badge>
      </header>
      <dl className="facts">
        {task.problem && (
          <>
            <dt>整改问题</dt>
            <dd>
              <a href={hrefOf({ page: 'problem', id: task.problem.id })}>
                {task.problem.displayNumber} {task.problem.title}
              </a>
            </dd>
          </>
        )}
        {task.measure && (
          <>
            <dt>整改措施</dt>
            <dd>
              {task.measure.text}（时限：{task.measure.deadline.label}）
            </dd>
          </>
        )}
        {task.supervisionItem && (
          <>
            <dt>督办事项</dt>
            <dd>{task.supervisionItem.title}</dd>
          </>
        )}
        <dt>签收</dt>
        <dd>
          <Badge value={task.acknowledgement}>{labelOf(ACKNOWLEDGEMENT, task.acknowledgement)}</Badge>{' '}
          {task.acknowledgedAt
            ? `${formatDateTime(task.acknowledgedAt)} ${task.acknowledgedBy?.name ?? ''}`
            : `签收时限 ${formatDateTime(task.acknowledgeDueAt)}`}
        </dd>
        <dt>交办时间</dt>
        <dd>{formatDateTime(task.openedAt)}</dd>
      </dl>
      {task.status === 'OPEN' && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          data-testid="acknowledge"
          onClick={() => void run(ACKNOWLEDGE_TASK, 'acknowledgeTask', {})}
        >
          签收
        </button>
      )}
      {task.status !== 'OPEN' && (
        <ProgressForm
          busy={busy}
          onSubmit={(input) => run(REPORT_TASK_PROGRESS, 'reportTaskProgress', input)}
        />
      )}
      {message && (
        <p className="text-bad" role="alert">
          {message}
        </p>
      )}
      {task.updates.length > 0 && (
        <>
          <h4>办理记录</h4>
          <ol className="timeline" data-testid="task-updates">
            {task.updates.map((u) => (
              <li key={u.id} data-kind={u.kind}>
                <div className="timeline-head">
                  <span className="timeline-kind">{labelOf(TASK_UPDATE_KIND, u.kind)}</span>
                  <span className="muted">
                    {formatDateTime(u.at)} · {u.byName}
                  </span>
                </div>
                {u.note && <p className="timeline-note">{u.note}</p>}
                <EvidenceList evidence={u.evidence} />
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}

function ProgressForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit(input: { note: string; evidence: EvidenceInput[] }): Promise<boolean>;
}) {
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const url = link.trim() || null;
    const evidence: EvidenceInput[] = await Promise.all(files.map((f) => evidenceOfFile(f, url)));
    // A link alone is evidence too (the file already lives on a shared drive).
    if (url && files.length === 0) evidence.push({ name: url, url, sha256: null, sizeBytes: null });
    if (await onSubmit({ note, evidence })) {
      setNote('');
      setLink('');
      setFiles([]);
      setInputKey((k) => k + 1);
    }
  };

  return (
    <form className="progress-form" onSubmit={(e) => void submit(e)} data-testid="progress-form">
      <label>
        进展情况
        <textarea
          required
          maxLength={2000}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="progress-note"
        />
      </label>
      <label>
        佐证材料（文件）
        <input
          key={inputKey}
          type="file"
          multiple
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
          data-testid="progress-file"
        />
      </label>
      <label>
        材料存放链接（可选）
        <input type="url" placeholder="https://" value={link} onChange={(e) => setLink(e.target.value)} />
      </label>
      <p className="small muted">
        系统暂不保存文件本身：登记文件名、大小与 SHA-256 指纹，请将文件存放于单位共享盘或政务云并填写链接。
      </p>
      <button type="submit" className="primary" disabled={busy || !note.trim()} data-testid="progress-submit">
        反馈进展
      </button>
    </form>
  );
}

function DirectLineRequests({ requests }: { requests: DirectLineRequest[] }) {
  if (requests.length === 0) return <Empty>暂无直通车事项。</Empty>;
  return (
    <ul className="due-list">
      {requests.map((r) => (
        <li key={r.id}>
          <strong>{r.title}</strong> <Badge value={r.status}>{labelOf(DIRECT_LINE_STATUS, r.status)}</Badge>
          <span className="due-meta">
            {labelOf(DIRECT_LINE_KIND, r.kind)} · {formatDateTime(r.raisedAt)}
          </span>
          {r.replies.map((reply, i) => (
            <div key={i} className="small">
              {formatDateTime(reply.repliedAt)} 答复：{reply.text}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
