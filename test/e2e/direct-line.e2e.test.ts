import { agencyIdOf } from '@eco/demo-data';
import { startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';

const INTERIM = '该政策咨询/问题已收到，经研判需集体讨论，我局将尽快在线下回复贵街道（镇）。';

/**
 * 街镇直通车 (seed 001, annex 3): a township raises an @件, it reaches supervision by event with its
 * clocks running, the General Office triages it, the department claims it, sends the interim reply
 * of a hard case and then the answer — and every reply comes back to the township by event.
 */
describe('a direct-line item from a township and the replies that come back', () => {
  let t: TestStack;
  let zhuqiao: string;
  let officer: string;
  let clerk: string;

  beforeAll(async () => {
    t = await startTestStack({ label: 'direct_line', demo: 'directory' });
    zhuqiao = await t.tokenFor('demo-zhuqiao');
    officer = await t.tokenFor('demo-supervision-officer');
    clerk = await t.tokenFor('demo-sanitation-clerk');
  });

  afterAll(async () => {
    await t?.stop();
  });

  const raise = (token: string, title: string) =>
    t.gql<any>(
      token,
      'mutation($input: RaiseDirectLineItemInput!) { raiseDirectLineItem(input: $input) { ok error { code } request { id status } } }',
      { input: { kind: 'POLICY_QUESTION', title, body: '拱极北侧地块的扬尘管控责任如何划分？' } },
    );

  const itemFor = (title: string) =>
    waitFor(`the @件 "${title}" in supervision`, async () => {
      const response = await t.gql<any>(
        officer,
        '{ directLineItems { id title status raisedAt agency { name } triage { dueAt status } claim { dueAt } answerClock { dueAt } } }',
      );
      return response.data?.directLineItems.find((item: { title: string }) => item.title === title);
    });

  const step = (token: string, mutation: string, input: Record<string, unknown>) =>
    t.gql<any>(
      token,
      `mutation($input: ${mutation === 'triageDirectLineItem' ? 'TriageDirectLineItemInput' : mutation === 'answerDirectLineItem' ? 'AnswerDirectLineItemInput' : 'DirectLineItemInput'}!) {
      ${mutation}(input: $input) { ok error { code message } item { status department { name } claim { dueAt status } answerClock { dueAt status } interimReply { status } answer } } }`,
      { input },
    );

  const requestOf = (id: string) =>
    t
      .gql<any>(zhuqiao, '{ directLineRequests { id status replies { kind text } } }')
      .then((r) => r.data.directLineRequests.find((q: { id: string }) => q.id === id));

  it('is raised by the township and reaches the General Office with a half-working-day triage clock', async () => {
    const raised = await raise(zhuqiao, '扬尘管控责任划分');
    expect(raised.data.raiseDirectLineItem).toMatchObject({ ok: true, request: { status: 'RAISED' } });
    const item = await itemFor('扬尘管控责任划分');
    expect(item).toMatchObject({
      status: 'AWAITING_TRIAGE',
      agency: { name: '祝桥镇' },
      claim: null,
      answerClock: null,
    });
    expect(['RUNNING', 'BREACHED']).toContain(item.triage.status);
    expect(Date.parse(item.triage.dueAt)).toBeGreaterThan(Date.parse(item.raisedAt));
  });

  it('is triaged to a department, claimed, answered provisionally as a hard case, then answered', async () => {
    const raised = await raise(zhuqiao, '渣土消纳点夜间作业');
    const requestId = raised.data.raiseDirectLineItem.request.id;
    const item = await itemFor('渣土消纳点夜间作业');

    const beforeTriage = await step(clerk, 'claimDirectLineItem', { itemId: item.id });
    expect(beforeTriage.data.claimDirectLineItem.error.code).toBe('DIRECT_LINE_ITEM_WRONG_STATE');
    const noDepartment = await step(officer, 'triageDirectLineItem', { itemId: item.id, accept: true });
    expect(noDepartment.data.triageDirectLineItem.error).toMatchObject({ code: 'SUPERVISION_INVALID_INPUT' });

    const triaged = await step(officer, 'triageDirectLineItem', {
      itemId: item.id,
      accept: true,
      departmentId: agencyIdOf('sanitation'),
    });
    expect(triaged.data.triageDirectLineItem.item).toMatchObject({
      status: 'AWAITING_CLAIM',
      department: { name: '市容环卫处' },
    });

    const claimed = await step(clerk, 'claimDirectLineItem', { itemId: item.id });
    const { answerClock } = claimed.data.claimDirectLineItem.item;
    expect(claimed.data.claimDirectLineItem.item.status).toBe('CLAIMED');
    expect(answerClock.status).toBe('RUNNING');

    const hard = await step(clerk, 'markDirectLineItemHardCase', { itemId: item.id });
    expect(hard.data.markDirectLineItemHardCase.item).toMatchObject({
      status: 'HARD_CASE',
      interimReply: { status: 'MET' },
    });
    const interim = await waitFor('the interim reply at the township', async () => {
      const request = await requestOf(requestId);
      return request?.status === 'INTERIM_REPLIED' ? request : undefined;
    });
    expect(interim.replies).toEqual([{ kind: 'INTERIM', text: INTERIM }]);

    const answered = await step(clerk, 'answerDirectLineItem', {
      itemId: item.id,
      answer: '夜间作业须经属地审批，由区城管执法局负责查处。',
    });
    expect(answered.data.answerDirectLineItem.item).toMatchObject({
      status: 'ANSWERED',
      answerClock: { status: 'MET' },
    });
    const final = await waitFor('the answer at the township', async () => {
      const request = await requestOf(requestId);
      return request?.status === 'ANSWERED' ? request : undefined;
    });
    expect(final.replies.map((r: { kind: string }) => r.kind)).toEqual(['INTERIM', 'ANSWER']);
  });

  it("is declined as not this bureau's responsibility, and the township hears so", async () => {
    const raised = await raise(zhuqiao, '学校食堂卫生');
    const item = await itemFor('学校食堂卫生');
    const declined = await step(officer, 'triageDirectLineItem', { itemId: item.id, accept: false });
    expect(declined.data.triageDirectLineItem.item).toMatchObject({
      status: 'DECLINED',
      answer: '非本机关职责范围。',
    });
    const request = await waitFor('the decline at the township', async () => {
      const found = await requestOf(raised.data.raiseDirectLineItem.request.id);
      return found?.status === 'DECLINED' ? found : undefined;
    });
    expect(request.replies).toEqual([{ kind: 'DECLINED', text: '非本机关职责范围。' }]);
  });

  it('is raised only by townships, and each township sees only its own', async () => {
    const enforcement = await raise(await t.tokenFor('demo-enforcement'), '执法协作');
    expect(enforcement.data.raiseDirectLineItem.error.code).toBe('FORBIDDEN');
    const caolu = await t.tokenFor('demo-caolu');
    const theirs = await t.gql<any>(caolu, '{ directLineRequests { id } directLineItems { id } }');
    expect(theirs.data).toEqual({ directLineRequests: [], directLineItems: [] });
    const [mine] = (await t.gql<any>(zhuqiao, '{ directLineItems { id } }')).data.directLineItems;
    const selfTriage = await step(zhuqiao, 'triageDirectLineItem', { itemId: mine.id, accept: false });
    expect(selfTriage.data.triageDirectLineItem.error.code).toBe('FORBIDDEN');
  });
});
