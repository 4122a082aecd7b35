import { randomUUID } from 'node:crypto';
import type { ProcessStack } from '@eco/testing';
import type { PartnerTask } from './partner-tasks';

/** Jepsen's three outcomes: it happened, it did not, or the client cannot tell. */
export type Outcome = 'ok' | 'fail' | 'info';

/** One progress report a township sent, as its client saw it. */
export interface Operation {
  /** Unique text of the report: how the checker finds its effect in every table. */
  note: string;
  task: PartnerTask;
  outcome: Outcome;
  /** Requests sent for it (more than one only when resent under the same idempotency key). */
  requests: number;
  /** The first request's outcome was unknown. */
  wasIndeterminate: boolean;
  detail?: string;
}

export interface LoadOptions {
  stack: ProcessStack;
  tasks: PartnerTask[];
  /** Stop once this many reports were acknowledged to the client. */
  targetOk: number;
  /** Hard limit on the whole run. */
  deadlineMs: number;
  /**
   * Resend a report whose outcome is unknown under the same idempotency key until it is known (only
   * when the API takes one; otherwise unknown outcomes stay indeterminate, as in Jepsen).
   */
  idempotencyKeys: boolean;
  runId: string;
}

export interface RunningLoad {
  readonly ok: number;
  /** The target was reached, the deadline passed or `stop` was called. */
  readonly finished: boolean;
  readonly operations: readonly Operation[];
  /** Resolves when the target is reached (or the deadline passed). */
  done: Promise<void>;
  stop(): void;
}

const REPORT = `mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { ok error { code } } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(
  stack: ProcessStack,
  op: Operation,
  key: string | null,
): Promise<Pick<Operation, 'outcome' | 'detail'>> {
  try {
    const response = await stack.gql<{
      reportTaskProgress: { ok: boolean; error: { code: string } | null } | null;
    }>(op.task.token, REPORT, {
      input: { taskId: op.task.id, note: op.note, ...(key ? { idempotencyKey: key } : {}) },
    });
    const result = response.data?.reportTaskProgress;
    if (result?.ok === true) return { outcome: 'ok' };
    // A coded result is the API saying no: the transaction rolled back, nothing changed.
    if (result?.ok === false) return { outcome: 'fail', detail: result.error?.code };
    return { outcome: 'info', detail: response.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}` };
  } catch (error) {
    return { outcome: 'info', detail: (error as Error).message };
  }
}

/**
 * Townships reporting progress as fast as they can: one worker per task (a task's reports are
 * sequential, as a person's are), each report with a unique note. Counts what the clients were told.
 */
export function startPartnerLoad(options: LoadOptions): RunningLoad {
  const operations: Operation[] = [];
  let ok = 0;
  let sequence = 0;
  let stopped = false;
  const deadline = Date.now() + options.deadlineMs;
  const more = () => !stopped && ok < options.targetOk && Date.now() < deadline;

  const worker = async (task: PartnerTask) => {
    while (more()) {
      const op: Operation = {
        note: `${options.runId}:${++sequence}`,
        task,
        outcome: 'info',
        requests: 0,
        wasIndeterminate: false,
      };
      operations.push(op);
      const key = options.idempotencyKeys ? randomUUID() : null;
      for (;;) {
        op.requests += 1;
        Object.assign(op, await send(options.stack, op, key));
        if (op.outcome !== 'info') break;
        op.wasIndeterminate = true;
        // Without a key, resending could apply the report twice: the outcome stays unknown.
        if (!key || Date.now() > deadline) break;
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(op.requests, 5)));
      }
      if (op.outcome === 'ok') ok += 1;
      else await sleep(200); // the system is likely mid-fault: do not spin
    }
  };

  let finished = false;
  const done = Promise.all(options.tasks.map(worker)).then(() => {
    finished = true;
  });
  return {
    get ok() {
      return ok;
    },
    get finished() {
      return finished;
    },
    operations,
    done,
    stop: () => {
      stopped = true;
    },
  };
}
