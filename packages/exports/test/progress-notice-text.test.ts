import { SEED_004_NOTICE, seed004Problems } from '@eco/demo-data';
import { renderNoticeSummary, renderNoticeText } from '../src';
import type { NoticeFigures } from '../src';

// Seed 004 as published (its page uses half-width , ; : in Chinese text), line 214 and around.
const SEED_004_SUMMARY =
  '截至2025年9月10日,巡视反馈的64项问题已完成整改59项;提出整改措施186条,已经完成179条。党纪政务立案11件,党纪政务处分9人。诫勉谈话6人。已新建制度18项,修订完善7项。';
const SEED_004_TITLE = '中共上海市生态环境局党组关于十二届市委第五轮巡视整改进展情况的通报';
const SEED_004_OPENING =
  '根据市委统一部署,市委第十巡视组于2024年10月21日至12月20日对市生态环境局党组开展巡视,并于2025年2月28日反馈了巡视意见。按照巡视工作有关要求,现将巡视整改进展情况通报如下。';
const SEED_004_CLOSING = [
  '欢迎广大干部群众对巡视整改落实情况进行监督。如有意见建议,请及时反映。',
  '联系电话:021-23117431',
  '电子邮箱:sthjxsgk@sthj.shanghai.gov.cn',
  '通讯地址:大沽路100号上海市生态环境局直属机关党委(信封上注明“关于巡视整改落实情况的意见建议”)',
  '邮政编码:200003',
];

const fullWidth = (s: string) => s.replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：');

describe('the public progress notice text (seed 004)', () => {
  it("reproduces seed 004's progress sentences from its figures, byte for byte", () => {
    expect(renderNoticeSummary(SEED_004_NOTICE, { punctuation: 'half-width' })).toBe(SEED_004_SUMMARY);
  });

  it('sets the same sentences with Chinese full-width punctuation by default', () => {
    expect(renderNoticeSummary(SEED_004_NOTICE)).toBe(fullWidth(SEED_004_SUMMARY));
    expect(renderNoticeSummary(SEED_004_NOTICE)).toMatch(
      /^截至2025年9月10日，巡视反馈的64项问题已完成整改59项；/,
    );
  });

  it("gives the seed's sentences when the figures are counted from the seed-004 demo campaign", () => {
    const problems = seed004Problems();
    const measures = problems.flatMap((p) => p.measures);
    const figures: NoticeFigures = {
      asOf: SEED_004_NOTICE.asOf,
      problems: problems.length,
      problemsCompleted: problems.filter((p) => p.measures.every((m) => m.status === 'COMPLETED')).length,
      measures: measures.length,
      measuresCompleted: measures.filter((m) => m.status === 'COMPLETED').length,
      discipline: SEED_004_NOTICE.discipline,
    };
    expect(renderNoticeSummary(figures, { punctuation: 'half-width' })).toBe(SEED_004_SUMMARY);
  });

  it('stops after the measures when no discipline figures were entered', () => {
    expect(renderNoticeSummary({ ...SEED_004_NOTICE, discipline: null })).toBe(
      '截至2025年9月10日，巡视反馈的64项问题已完成整改59项；提出整改措施186条，已经完成179条。',
    );
  });

  it('names the feedback after where the problems came from', () => {
    const figures = {
      asOf: '2023-09-28',
      problems: 4,
      problemsCompleted: 1,
      measures: 10,
      measuresCompleted: 3,
    };
    expect(renderNoticeSummary(figures, { sourceKind: 'INTERNAL_INSPECTION' })).toBe(
      '截至2023年9月28日，巡察反馈的4项问题已完成整改1项；提出整改措施10条，已经完成3条。',
    );
    expect(renderNoticeSummary(figures, { sourceKind: 'AUDIT' })).toContain('审计发现的4项问题');
  });

  it("frames the figures with seed 004's title, opening and closing paragraphs", () => {
    const text = renderNoticeText(
      {
        title: SEED_004_TITLE,
        inspection: {
          authority: '市委',
          team: '市委第十巡视组',
          inspected: '市生态环境局党组',
          from: '2024-10-21',
          to: '2024-12-20',
          feedbackOn: SEED_004_NOTICE.feedbackOn,
        },
        figures: SEED_004_NOTICE,
        contacts: {
          phone: '021-23117431',
          email: 'sthjxsgk@sthj.shanghai.gov.cn',
          address: '大沽路100号上海市生态环境局直属机关党委(信封上注明“关于巡视整改落实情况的意见建议”)',
          postcode: '200003',
        },
      },
      { punctuation: 'half-width' },
    );
    expect(text.split('\n\n')).toEqual([
      SEED_004_TITLE,
      SEED_004_OPENING,
      SEED_004_SUMMARY,
      ...SEED_004_CLOSING,
    ]);
  });
});
