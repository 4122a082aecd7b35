// 4a. Write throughput of partner progress updates (reportTaskProgress) through the gateway, against
// the same mutation sent straight to the agencies subgraph. Each write commits the task's update and
// its event (outbox) in one transaction; the events then flow to rectification and supervision.
// Run alone: npx tsx bench/src/benchmarks/writes.ts --smoke
import { INTERNAL_TOKEN_HEADER } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { observe, runStandalone } from '../harness/bench-environment';
import type { BenchEnvironment } from '../harness/bench-environment';
import { waitForProgressBacklog } from '../harness/event-backlog';
import { checkOnce, graphqlBody, measurePair, rotate } from '../harness/load';
import type { GraphQLRequest, LoadSpec } from '../harness/load';
import { LOAD_COLUMNS, loadRow, percent, profileNotes } from '../harness/report';
import type { BenchResult } from '../harness/report';
import { REPORT_PROGRESS_MUTATION, reportProgressVariables } from '../queries/progress-mutation.query';

/**
 * Progress reports spread over every actionable task, each sent as its agency's liaison. Tasks come
 * round in turn, so with more tasks than connections no two writes race for one task's version.
 */
export async function progressRequests(
  env: BenchEnvironment,
  via: 'gateway' | 'direct',
): Promise<() => GraphQLRequest> {
  const tasks = env.facts.actionableTasks;
  if (tasks.length < env.options.connections * 4) {
    throw new Error(
      `only ${tasks.length} actionable tasks for ${env.options.connections} connections: raise --scale`,
    );
  }
  const headersByAgency = new Map<string, Record<string, string>>();
  for (const task of tasks) {
    if (headersByAgency.has(task.agencyId)) continue;
    const liaison: Principal = {
      personId: task.personId,
      agencyId: task.agencyId,
      name: task.personName,
      roles: ['PARTNER_USER'],
    };
    headersByAgency.set(
      task.agencyId,
      via === 'gateway'
        ? { authorization: `Bearer ${await env.stack.userToken(liaison)}` }
        : { [INTERNAL_TOKEN_HEADER]: await env.stack.gatewayToken(liaison) },
    );
  }
  const nextTask = rotate(tasks);
  let sequence = 0;
  return () => {
    const task = nextTask();
    sequence += 1;
    return {
      headers: headersByAgency.get(task.agencyId)!,
      body: graphqlBody(REPORT_PROGRESS_MUTATION, reportProgressVariables(task.taskId, sequence)),
    };
  };
}

export async function writes(env: BenchEnvironment): Promise<BenchResult> {
  const { options } = env;
  const direct: LoadSpec = {
    label: 'direct to agencies subgraph (baseline)',
    url: env.stack.subgraphUrls.agencies,
    connections: options.connections,
    next: await progressRequests(env, 'direct'),
  };
  const gateway: LoadSpec = {
    label: 'through the gateway',
    url: env.stack.gatewayUrl,
    connections: options.connections,
    next: await progressRequests(env, 'gateway'),
  };
  await checkOnce(direct.url, direct.next());
  await checkOnce(gateway.url, gateway.next());
  const { baseline, target } = await measurePair(direct, gateway, {
    seconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    rounds: options.rounds,
    observed: observe(env.stack),
  });
  // The writes' events are consumed one at a time per consumer: how long the queue they left takes.
  const drain = await waitForProgressBacklog(env.stack.databaseUrl);
  return {
    title: `4a. Partner progress updates, writes/s (${options.connections} connections)`,
    columns: [...LOAD_COLUMNS, 'RPS vs baseline'],
    rows: [loadRow(baseline, 1), loadRow(target, target.rps / baseline.rps)],
    targets: [],
    notes: [
      ...profileNotes(baseline, target),
      `reportTaskProgress over ${env.facts.actionableTasks.length} signed-for tasks of ${new Set(env.facts.actionableTasks.map((t) => t.agencyId)).size} agencies, each as its agency's liaison; "failed" counts answers with ok: false (e.g. a version conflict)`,
      `each write: the task's row and history entry and its outbox event in one transaction; the events are consumed by rectification and supervision meanwhile`,
      `the issue sets no throughput target for writes; through the gateway they reach ${percent(target.rps / baseline.rps)} of the direct rate`,
      `after the last write ${drain.backlog} events were still queued (unpublished, or not yet in a consumer's inbox); ${drain.drained ? `drained in ${drain.seconds.toFixed(1)} s` : `NOT drained after ${drain.seconds.toFixed(0)} s`}`,
    ],
  };
}

if (require.main === module) runStandalone('bench_writes', writes);
