import {
  renderWeeklyReportDocx,
  SUBMISSIONS_HEADING,
  WEEKLY_REPORT_SECTIONS,
  WEEKLY_REPORT_TITLE,
} from '../src';
import type { WeeklyReportDocument } from '../src';
import { readDocx } from './docx-reader';
import { seed003ProblemsOf } from './seed-fixtures';

const firstWeek = {
  weekDate: '2023-09-13',
  period: { from: '2023-09-07', to: '2023-09-13' },
  dueAt: '2023-09-13 15:00',
};

const sanitation: WeeklyReportDocument = {
  ...firstWeek,
  unit: '市容环卫处',
  contact: '市容环卫处内勤',
  contactPhone: '021-00000001',
  departments: [
    {
      department: '市容环卫处',
      progress:
        '曹路镇海塘区域渣土消纳点已细化避早晚高峰作业时间。\n张江中转站招标事宜已提交局党组补充审议。',
      practices: '管执联动，对重点卸点加大巡查频次。',
      items: seed003ProblemsOf('市容环卫处'),
    },
  ],
};

const headingsOf = (paragraphs: { style: string | null; text: string }[], style: string) =>
  paragraphs.filter((p) => p.style === style).map((p) => p.text);

describe('the weekly progress report (周报) as .docx', () => {
  it("carries the report's title, unit, reporting period and deadline", async () => {
    const { paragraphs } = await readDocx(await renderWeeklyReportDocx(sanitation));
    expect(paragraphs[0]).toEqual({ style: 'Title', text: WEEKLY_REPORT_TITLE });
    expect(paragraphs.slice(1, 5).map((p) => p.text)).toEqual([
      '填报单位：市容环卫处',
      '报送周期：2023年9月7日至13日',
      '报送日期：2023年9月13日（15时前）',
      '联系人：市容环卫处内勤\u3000\u3000联系电话：021-00000001',
    ]);
  });

  it("has seed 003 annex 2's three sections, in its words and order", async () => {
    const { paragraphs } = await readDocx(await renderWeeklyReportDocx(sanitation));
    expect(WEEKLY_REPORT_TITLE).toBe('巡视整改工作进展情况周报');
    expect(headingsOf(paragraphs, 'Heading1')).toEqual([
      '一、各责任单位巡视整改落实情况',
      '二、推进整改过程中形成的经验做法',
      '三、落实整改中遇到的问题以及意见建议',
    ]);
    expect(Object.values(WEEKLY_REPORT_SECTIONS)).toEqual([
      '各责任单位巡视整改落实情况',
      '推进整改过程中形成的经验做法',
      '落实整改中遇到的问题以及意见建议',
    ]);
  });

  it("puts each section's text under its heading, a paragraph per line, and 无。 for an empty optional section", async () => {
    const { paragraphs } = await readDocx(await renderWeeklyReportDocx(sanitation));
    const texts = paragraphs.map((p) => p.text);
    const at = (heading: string) => texts.indexOf(heading);
    const progress = texts.indexOf('曹路镇海塘区域渣土消纳点已细化避早晚高峰作业时间。');
    expect(progress).toBeGreaterThan(at('一、各责任单位巡视整改落实情况'));
    expect(texts[progress + 1]).toBe('张江中转站招标事宜已提交局党组补充审议。');
    expect(texts[at('二、推进整改过程中形成的经验做法') + 1]).toBe('管执联动，对重点卸点加大巡查频次。');
    expect(texts[at('三、落实整改中遇到的问题以及意见建议') + 1]).toBe('无。');
    expect(texts.at(-1)).toBe('无。');
  });

  it("tables the department's items under section 1, one row per measure, 序号 and 具体问题 spanning them", async () => {
    const { tables, xml } = await readDocx(await renderWeeklyReportDocx(sanitation));
    expect(tables).toHaveLength(1);
    const [header, ...rows] = tables[0]!;
    expect(header).toEqual(['序号', '具体问题', '整改措施', '完成时限', '整改完成情况']);
    expect(rows).toHaveLength(4); // 1-1: 2 measures, 2: 2
    expect(rows[0]!.slice(0, 2)).toEqual(['1-1 (21)', expect.stringContaining('建筑垃圾偷乱倒')]);
    expect(rows[0]![3]).toBe('已完成');
    // Word keeps an empty continuation cell (vMerge) where a spanned cell goes on.
    expect(rows[1]).toEqual(['', '', expect.stringMatching(/^2\. 提高站位/), '长期坚持', '持续推进。']);
    expect(rows[2]![0]).toBe('2 (36)');
    expect(rows[3]![3]).toBe('9月底');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it("names the department under （一） in the office's merge even when only one has reported", async () => {
    const merged: WeeklyReportDocument = {
      ...sanitation,
      unit: '审计办公室',
      merged: true,
      submissions: [
        { department: '市容环卫处', status: 'ON_TIME', submittedAt: '2023-09-13 14:05' },
        { department: '基建处', status: 'MISSING' },
      ],
    };
    const { paragraphs } = await readDocx(await renderWeeklyReportDocx(merged));
    expect(headingsOf(paragraphs, 'Heading2')).toEqual(['（一）市容环卫处', '（一）市容环卫处']);
  });

  it('merges several departments under （一）（二）… and appends who reported on time', async () => {
    const merged: WeeklyReportDocument = {
      ...firstWeek,
      unit: '审计办公室',
      departments: [
        sanitation.departments[0]!,
        {
          department: '基建处',
          progress: '水环工作组已梳理水环一期、二期工单。',
          practices: '工单逐一分析，形成闭环。',
          difficulties: '属地街道协商时间较长。',
          items: seed003ProblemsOf('基建处'),
        },
      ],
      submissions: [
        { department: '市容环卫处', status: 'ON_TIME', submittedAt: '2023-09-13 14:05' },
        { department: '基建处', status: 'LATE', submittedAt: '2023-09-13 16:30' },
        { department: '生态环境督察处', status: 'MISSING' },
      ],
    };
    const { paragraphs, tables } = await readDocx(await renderWeeklyReportDocx(merged));
    expect(paragraphs[1]!.text).toBe('填报单位：审计办公室');
    expect(headingsOf(paragraphs, 'Heading1')).toEqual([
      '一、各责任单位巡视整改落实情况',
      '二、推进整改过程中形成的经验做法',
      '三、落实整改中遇到的问题以及意见建议',
      SUBMISSIONS_HEADING,
    ]);
    // Sections 1 and 2 name both departments; section 3 only the one that raised something.
    expect(headingsOf(paragraphs, 'Heading2')).toEqual([
      '（一）市容环卫处',
      '（二）基建处',
      '（一）市容环卫处',
      '（二）基建处',
      '（一）基建处',
    ]);
    const texts = paragraphs.map((p) => p.text);
    expect(texts[texts.lastIndexOf('（一）基建处') + 1]).toBe('属地街道协商时间较长。');
    expect(tables).toHaveLength(3);
    expect(tables[1]![1]![0]).toBe('3 (41)');
    expect(tables[2]).toEqual([
      ['序号', '责任部门', '报送情况', '报送时间'],
      ['1', '市容环卫处', '按时报送', '2023年9月13日14时05分'],
      ['2', '基建处', '逾期报送', '2023年9月13日16时30分'],
      ['3', '生态环境督察处', '未报送', ''],
    ]);
  });
});
