import { SEED_004_NOTICE } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { createCampaign, mutate } from './support/rectification-fixtures';
import { loadSeed004 } from './support/seed-004';

jest.setTimeout(60_000);

// Seed 004 as published (half-width punctuation in Chinese text), line by line.
const SEED_004_TITLE = '中共上海市生态环境局党组关于十二届市委第五轮巡视整改进展情况的通报';
const SEED_004_OPENING =
  '根据市委统一部署,市委第十巡视组于2024年10月21日至12月20日对市生态环境局党组开展巡视,并于2025年2月28日反馈了巡视意见。按照巡视工作有关要求,现将巡视整改进展情况通报如下。';
const SEED_004_PROGRESS =
  '截至2025年9月10日,巡视反馈的64项问题已完成整改59项;提出整改措施186条,已经完成179条。党纪政务立案11件,党纪政务处分9人。诫勉谈话6人。已新建制度18项,修订完善7项。';
const SEED_004_CLOSING = [
  '欢迎广大干部群众对巡视整改落实情况进行监督。如有意见建议,请及时反映。',
  '联系电话:021-23117431',
  '电子邮箱:sthjxsgk@sthj.shanghai.gov.cn',
  '通讯地址:大沽路100号上海市生态环境局直属机关党委(信封上注明“关于巡视整改落实情况的意见建议”)',
  '邮政编码:200003',
];

/**
 * Issue #8: the public progress notice's text (seed 004) generated from the notice data — the
 * counts the rectification subgraph derives and the discipline figures the office enters — through
 * @eco/exports' renderers.
 */
describe('the public progress notice text', () => {
  let t: TestStack;
  let office: string;
  let campaignId: string;

  const notice = async (selection: string, variables: Record<string, unknown> = {}, token = office) =>
    t.gql<{ progressNotice: Record<string, string> }>(
      token,
      `query($c: ID!${'input' in variables ? ', $input: ProgressNoticeTextInput' : ''}) {
        progressNotice(campaignId: $c, asOf: "2025-09-10") { ${selection} } }`,
      { c: campaignId, ...variables },
    );

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-notice-text', demo: 'directory' });
    office = await t.tokenFor('demo-rectification-office');
    campaignId = await createCampaign(t, office, {
      name: '十二届市委第五轮巡视整改',
      sourceTitle: '市委第十巡视组巡视反馈意见',
      periodStart: '2025-02-28',
      periodEnd: '2025-09-10',
      reportReceivedOn: SEED_004_NOTICE.feedbackOn,
    });
    await loadSeed004(t, campaignId);
    const figures = await mutate<{ figures: unknown }>(
      t,
      office,
      'recordDisciplineFigures',
      'RecordDisciplineFiguresInput',
      { campaignId, asOf: SEED_004_NOTICE.asOf, ...SEED_004_NOTICE.discipline },
      'figures { casesFiled }',
    );
    expect(figures.ok).toBe(true);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("reproduces seed 004's progress paragraph byte for byte from the data", async () => {
    const response = await notice('summaryText(punctuation: HALF_WIDTH)');
    expect(response.data?.progressNotice.summaryText).toBe(SEED_004_PROGRESS);
  });

  it('uses full-width punctuation by default (GB/T 15834)', async () => {
    const response = await notice('summaryText');
    expect(response.data?.progressNotice.summaryText).toBe(
      '截至2025年9月10日，巡视反馈的64项问题已完成整改59项；提出整改措施186条，已经完成179条。' +
        '党纪政务立案11件，党纪政务处分9人。诫勉谈话6人。已新建制度18项，修订完善7项。',
    );
  });

  it("gives the whole notice in seed 004's shape around the office's own body", async () => {
    const response = await notice('text(input: $input, punctuation: HALF_WIDTH)', {
      input: {
        title: SEED_004_TITLE,
        inspection: {
          authority: '市委',
          team: '市委第十巡视组',
          inspected: '市生态环境局党组',
          from: '2024-10-21',
          to: '2024-12-20',
          feedbackOn: '2025-02-28',
        },
        contacts: {
          phone: '021-23117431',
          email: 'sthjxsgk@sthj.shanghai.gov.cn',
          address: '大沽路100号上海市生态环境局直属机关党委(信封上注明“关于巡视整改落实情况的意见建议”)',
          postcode: '200003',
        },
      },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.progressNotice.text?.split('\n\n')).toEqual([
      SEED_004_TITLE,
      SEED_004_OPENING,
      SEED_004_PROGRESS,
      ...SEED_004_CLOSING,
    ]);
  });

  it('titles the notice after the campaign when the office gives no title', async () => {
    const response = await notice('text');
    expect(response.data?.progressNotice.text?.split('\n\n')).toEqual([
      '关于十二届市委第五轮巡视整改进展情况的通报',
      SEED_004_PROGRESS.replace(/,/g, '，').replace(/;/g, '；'),
      '欢迎广大干部群众对巡视整改落实情况进行监督。如有意见建议，请及时反映。',
    ]);
  });

  it('is internal: a partner agency is refused', async () => {
    const response = await notice('summaryText', {}, await t.tokenFor('demo-zhuqiao'));
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
