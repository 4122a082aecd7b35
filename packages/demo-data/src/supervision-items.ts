import { agencyIdOf, personIdOf, stableId } from './stable-id';

/** The demo year of the supervision items: a full year of reporting, lights and escalation. */
export const SUPERVISION_DEMO_YEAR = 2026;

export type DemoLight = 'GREEN' | 'YELLOW' | 'RED';

export interface DemoSupervisionReport {
  /** YYYY-MM */
  period: string;
  /** Shanghai local 'YYYY-MM-DDTHH:MM' the department sent it. */
  submittedAt: string;
  progress?: string;
  difficulties?: string;
  nextSteps?: { text: string; dueOn: string | null }[];
  permits?: string;
  thisMonth?: string;
  nextMonth?: string;
  notes?: string;
  cumulativePercent?: number;
}

export interface DemoSupervisionItem {
  code: string;
  id: string;
  title: string;
  /** One of the supervision subgraph's categories. */
  category: string;
  sourcePlatform: string | null;
  platformNumber: string | null;
  responsibleDepartmentId: string;
  responsiblePersonId: string | null;
  leadLeaderId: string | null;
  /** Shanghai local 'YYYY-MM-DDTHH:MM' the item was registered. */
  createdAt: string;
  goal: string | null;
  measures: string[];
  milestones: {
    id: string;
    description: string;
    dueOn: string;
    targetPercent: number | null;
    completedOn: string | null;
  }[];
  reports: DemoSupervisionReport[];
  /** Lights entered from the district platform, in order (off-platform items get computed ones). */
  platformLights: { period: string; light: DemoLight; recordedAt: string }[];
  instruction?: {
    receivedAt: string;
    instructionDueOn: string;
    claimedAt: string;
    feedbackText: string;
    feedbackSubmittedAt: string;
    feedbackApprovedAt: string;
  };
  closureReport?: {
    itemNumber: string;
    reportingAgencyId: string;
    problemDescription: string;
    resolution: string;
    solutionDocument: string;
    consentForm: string;
    submittedAt: string;
  };
  /** Closed on this Shanghai local instant, with the note. */
  closed?: { at: string; note: string };
}

const itemId = (code: string) => stableId('supervision-item', code);
const milestoneId = (item: string, n: number) => stableId('supervision-milestone', `${item}:${n}`);
const a = agencyIdOf;
const p = personIdOf;

/**
 * One supervised item of every category of seed 001 (the platform's seven kinds, practical and
 * livelihood projects, bureau key tasks, the big survey, the direct line, higher authorities' and
 * the chief's tasks), with task-book plans, monthly reports and lights through October 2026. The
 * district key task on 建筑垃圾 lights yellow, yellow, red from August: level 1, then level 2.
 * None names an outside agency, so the demo's coordination tasks stay those of seed 003.
 */
export const SUPERVISION_DEMO_ITEMS: DemoSupervisionItem[] = [
  {
    code: 'municipal-key-task',
    id: itemId('municipal-key-task'),
    title: '巩固提升生活垃圾分类实效',
    category: 'MUNICIPAL_KEY_TASK',
    sourcePlatform: '区网上督查室',
    platformNumber: 'SW-2026-011',
    responsibleDepartmentId: a('sanitation'),
    responsiblePersonId: p('demo-sanitation-clerk'),
    leadLeaderId: p('xue-jialiang'),
    createdAt: '2026-01-06T09:00',
    goal: '居住区生活垃圾分类达标率保持95%以上',
    measures: ['开展分类实效季度测评', '对不达标小区挂牌督办'],
    milestones: [
      {
        id: milestoneId('municipal-key-task', 1),
        description: '完成上半年实效测评',
        dueOn: '2026-06-30',
        targetPercent: 50,
        completedOn: '2026-06-26',
      },
      {
        id: milestoneId('municipal-key-task', 2),
        description: '完成全年实效测评',
        dueOn: '2026-12-15',
        targetPercent: 100,
        completedOn: null,
      },
    ],
    reports: [],
    platformLights: [
      { period: '2026-09', light: 'GREEN', recordedAt: '2026-09-22T10:00' },
      { period: '2026-10', light: 'GREEN', recordedAt: '2026-10-21T10:00' },
    ],
  },
  {
    code: 'municipal-overall-target',
    id: itemId('municipal-overall-target'),
    title: '生活垃圾回收利用率达到45%以上',
    category: 'MUNICIPAL_OVERALL_TARGET',
    sourcePlatform: '区网上督查室',
    platformNumber: 'ZT-2026-004',
    responsibleDepartmentId: a('sanitation'),
    responsiblePersonId: p('demo-sanitation-clerk'),
    leadLeaderId: p('xue-jialiang'),
    createdAt: '2026-01-06T09:30',
    goal: '全年生活垃圾回收利用率≥45%',
    measures: ['完善可回收物回收网络', '按月统计回收量'],
    milestones: [
      {
        id: milestoneId('municipal-overall-target', 1),
        description: '回收利用率达到43%',
        dueOn: '2026-06-30',
        targetPercent: 43,
        completedOn: '2026-07-05',
      },
    ],
    reports: [],
    platformLights: [{ period: '2026-10', light: 'GREEN', recordedAt: '2026-10-21T10:30' }],
  },
  {
    code: 'district-key-task',
    id: itemId('district-key-task'),
    title: '建筑垃圾偷乱倒和"两非"点位专项整治',
    category: 'DISTRICT_KEY_TASK',
    sourcePlatform: '区网上督查室',
    platformNumber: 'QZ-2026-027',
    responsibleDepartmentId: a('sanitation'),
    responsiblePersonId: p('demo-sanitation-clerk'),
    leadLeaderId: p('xue-jialiang'),
    createdAt: '2026-01-08T10:00',
    goal: '年底前完成全部在册"两非"点位整治，偷乱倒案件同比下降30%',
    measures: ['联合区城管执法局开展夜间巡查', '建立点位台账并逐一销号', '对偷乱倒行为立案查处'],
    milestones: [
      {
        id: milestoneId('district-key-task', 1),
        description: '完成点位排摸建账',
        dueOn: '2026-03-31',
        targetPercent: 20,
        completedOn: '2026-03-27',
      },
      {
        id: milestoneId('district-key-task', 2),
        description: '完成60%点位整治',
        dueOn: '2026-08-31',
        targetPercent: 60,
        completedOn: null,
      },
      {
        id: milestoneId('district-key-task', 3),
        description: '全部点位整治销号',
        dueOn: '2026-12-20',
        targetPercent: 100,
        completedOn: null,
      },
    ],
    reports: [
      {
        period: '2026-08',
        submittedAt: '2026-08-19T16:00',
        progress: '已完成在册点位整治52%，夜间联合巡查12次。',
        difficulties: '部分点位权属不清，整治推进缓慢。',
        nextSteps: [{ text: '会同属地街镇明确点位权属', dueOn: '2026-09-15' }],
        cumulativePercent: 52,
      },
      {
        period: '2026-09',
        submittedAt: '2026-09-21T09:00',
        progress: '累计完成点位整治55%。',
        difficulties: '执法力量不足。',
        nextSteps: [{ text: '申请区城管执法局增派力量', dueOn: '2026-10-10' }],
        cumulativePercent: 55,
      },
      {
        period: '2026-10',
        submittedAt: '2026-10-19T15:00',
        progress: '累计完成点位整治58%，新发现偷倒点位3处。',
        difficulties: '新增点位反弹。',
        nextSteps: [{ text: '对新增点位实施24小时监控', dueOn: '2026-11-15' }],
        cumulativePercent: 58,
      },
    ],
    platformLights: [
      { period: '2026-07', light: 'GREEN', recordedAt: '2026-07-21T10:00' },
      { period: '2026-08', light: 'YELLOW', recordedAt: '2026-08-21T10:00' },
      { period: '2026-09', light: 'YELLOW', recordedAt: '2026-09-22T10:00' },
      { period: '2026-10', light: 'RED', recordedAt: '2026-10-21T10:00' },
    ],
  },
  {
    code: 'historical-problem',
    id: itemId('historical-problem'),
    title: '曹路镇某地块历史遗留渣土堆放问题',
    category: 'HISTORICAL_PROBLEM',
    sourcePlatform: '区网上督查室',
    platformNumber: 'LS-2026-003',
    responsibleDepartmentId: a('sanitation'),
    responsiblePersonId: p('demo-sanitation-clerk'),
    leadLeaderId: p('xue-jialiang'),
    createdAt: '2026-02-10T09:00',
    goal: '年内清运完毕并完成复绿',
    measures: ['制定清运方案', '征询属地意见'],
    milestones: [
      {
        id: milestoneId('historical-problem', 1),
        description: '完成渣土清运',
        dueOn: '2026-09-30',
        targetPercent: 80,
        completedOn: '2026-09-18',
      },
    ],
    reports: [
      {
        period: '2026-10',
        submittedAt: '2026-10-16T11:00',
        progress: '渣土已全部清运，复绿完成，已征询属地意见。',
        cumulativePercent: 100,
      },
    ],
    platformLights: [{ period: '2026-10', light: 'GREEN', recordedAt: '2026-10-21T10:00' }],
    closureReport: {
      itemNumber: 'LS-2026-003',
      reportingAgencyId: a('sanitation'),
      problemDescription: '该地块自2019年起堆放渣土约1.2万立方米，周边居民反映扬尘问题。',
      resolution: '2026年9月完成清运并复绿，属地镇政府盖章同意销项。',
      solutionDocument: '区生态环境局历史遗留"攻坚"行动工作解决方案（曹路镇地块）.pdf',
      consentForm: '意见征询表（曹路镇盖章同意）.pdf',
      submittedAt: '2026-10-28T14:00',
    },
  },
  {
    code: 'leader-instruction',
    id: itemId('leader-instruction'),
    title: '区领导批示：加强秋冬季道路扬尘管控',
    category: 'LEADER_INSTRUCTION',
    sourcePlatform: '区网上督查室',
    platformNumber: 'PS-2026-118',
    responsibleDepartmentId: a('sanitation'),
    responsiblePersonId: p('demo-sanitation-clerk'),
    leadLeaderId: p('xue-jialiang'),
    createdAt: '2026-10-09T10:00',
    goal: null,
    measures: [],
    milestones: [],
    reports: [
      {
        period: '2026-11',
        submittedAt: '2026-11-05T16:00',
        // Over annex 1's 500 characters on purpose: the demo shows a counted 超限 report.
        progress: `召开专题会议研究秋冬季道路扬尘管控工作，${'加强道路冲洗保洁频次，落实渣土运输车辆密闭运输，'.repeat(22)}取得阶段实效。`,
        difficulties: '渣土运输车辆夜间违规行驶查处需区城管执法局配合。',
        nextSteps: [{ text: '11月底前完成重点道路机扫全覆盖', dueOn: '2026-11-30' }],
      },
    ],
    platformLights: [],
    instruction: {
      receivedAt: '2026-10-09T10:00',
      instructionDueOn: '2026-11-30',
      claimedAt: '2026-10-09T15:00',
      feedbackText: '已制定秋冬季道路扬尘管控方案，重点道路冲洗频次提高至每日两次。',
      feedbackSubmittedAt: '2026-11-10T10:00',
      feedbackApprovedAt: '2026-11-11T09:30',
    },
  },
  {
    code: 'leader-meeting-research',
    id: itemId('leader-meeting-research'),
    title: '区领导调研环境综合协调中心时提出的事项',
    category: 'LEADER_MEETING_RESEARCH',
    sourcePlatform: '区网上督查室',
    platformNumber: 'DY-2026-021',
    responsibleDepartmentId: a('coordination-centre'),
    responsiblePersonId: null,
    leadLeaderId: p('huang-haihua'),
    createdAt: '2026-05-12T09:00',
    goal: null,
    measures: [],
    milestones: [],
    reports: [],
    platformLights: [],
  },
  {
    code: 'media-oversight',
    id: itemId('media-oversight'),
    title: '媒体曝光：某路段垃圾箱房脏乱整改',
    category: 'MEDIA_OVERSIGHT',
    sourcePlatform: '区网上督查室',
    platformNumber: 'YL-2026-009',
    responsibleDepartmentId: a('sanitation'),
    responsiblePersonId: p('demo-sanitation-clerk'),
    leadLeaderId: p('xue-jialiang'),
    createdAt: '2026-03-03T14:00',
    goal: null,
    measures: [],
    milestones: [],
    reports: [],
    platformLights: [],
    closed: { at: '2026-03-20T16:00', note: '整改完毕，已向媒体反馈' },
  },
  {
    code: 'practical-project',
    id: itemId('practical-project'),
    title: '新建改建公共厕所20座',
    category: 'PRACTICAL_PROJECT',
    sourcePlatform: '区重大办',
    platformNumber: null,
    responsibleDepartmentId: a('infrastructure'),
    responsiblePersonId: null,
    leadLeaderId: p('shen-min'),
    createdAt: '2026-01-15T09:00',
    goal: '年内新建改建公共厕所20座并投入使用',
    measures: ['完成选址和立项', '分批开工', '竣工验收'],
    milestones: [
      {
        id: milestoneId('practical-project', 1),
        description: '完成选址立项',
        dueOn: '2026-04-30',
        targetPercent: 20,
        completedOn: '2026-04-28',
      },
      {
        id: milestoneId('practical-project', 2),
        description: '全部开工',
        dueOn: '2026-07-31',
        targetPercent: 50,
        completedOn: '2026-08-10',
      },
      {
        id: milestoneId('practical-project', 3),
        description: '竣工验收',
        dueOn: '2026-11-30',
        targetPercent: 100,
        completedOn: null,
      },
    ],
    reports: [
      {
        period: '2026-08',
        submittedAt: '2026-08-24T10:00',
        permits: '20座全部取得施工许可',
        thisMonth: '全部开工',
        nextMonth: '主体施工',
        cumulativePercent: 55,
      },
      {
        period: '2026-09',
        submittedAt: '2026-09-23T17:00',
        permits: '无新增',
        thisMonth: '12座主体完工',
        nextMonth: '装修安装',
        cumulativePercent: 70,
      },
      {
        period: '2026-10',
        submittedAt: '2026-10-26T09:00',
        permits: '无新增',
        thisMonth: '8座竣工',
        nextMonth: '其余竣工验收',
        cumulativePercent: 85,
        notes: '10月报表迟报一天',
      },
    ],
    platformLights: [],
  },
  {
    code: 'livelihood-project',
    id: itemId('livelihood-project'),
    title: '老旧小区垃圾箱房改造',
    category: 'LIVELIHOOD_PROJECT',
    sourcePlatform: '区重大办',
    platformNumber: null,
    responsibleDepartmentId: a('sanitation'),
    responsiblePersonId: p('demo-sanitation-clerk'),
    leadLeaderId: p('xue-jialiang'),
    createdAt: '2026-01-15T10:00',
    goal: '改造老旧小区垃圾箱房150座',
    measures: ['按街镇分解任务', '月度通报进度'],
    milestones: [
      {
        id: milestoneId('livelihood-project', 1),
        description: '完成改造80座',
        dueOn: '2026-06-30',
        targetPercent: 50,
        completedOn: '2026-06-29',
      },
      {
        id: milestoneId('livelihood-project', 2),
        description: '完成改造150座',
        dueOn: '2026-12-15',
        targetPercent: 100,
        completedOn: null,
      },
    ],
    reports: [
      {
        period: '2026-10',
        submittedAt: '2026-10-27T10:00',
        progress: '累计完成改造121座。',
        difficulties: '个别小区居民对选址有异议。',
        nextSteps: [{ text: '做好居民沟通，11月完成剩余改造', dueOn: null }],
        cumulativePercent: 81,
      },
    ],
    platformLights: [],
  },
  {
    code: 'bureau-key-task',
    id: itemId('bureau-key-task'),
    title: '局属单位内部控制制度建设',
    category: 'BUREAU_KEY_TASK',
    sourcePlatform: null,
    platformNumber: null,
    responsibleDepartmentId: a('finance'),
    responsiblePersonId: null,
    leadLeaderId: p('huang-haihua'),
    createdAt: '2026-01-20T09:00',
    goal: '局属单位内控制度全覆盖',
    measures: ['修订采购与预算执行制度', '开展内控评价'],
    milestones: [
      {
        id: milestoneId('bureau-key-task', 1),
        description: '完成制度修订',
        dueOn: '2026-06-30',
        targetPercent: 60,
        completedOn: '2026-06-20',
      },
      {
        id: milestoneId('bureau-key-task', 2),
        description: '完成内控评价',
        dueOn: '2026-11-30',
        targetPercent: 100,
        completedOn: null,
      },
    ],
    reports: [
      {
        period: '2026-10',
        submittedAt: '2026-10-16T15:00',
        progress: '内控评价已完成6家。',
        cumulativePercent: 85,
      },
    ],
    platformLights: [],
  },
  {
    code: 'big-survey',
    id: itemId('big-survey'),
    title: '大调研：街镇环卫作业质量调研',
    category: 'BIG_SURVEY',
    sourcePlatform: '大调研工作平台',
    platformNumber: 'DDY-2026-06',
    responsibleDepartmentId: a('general-office'),
    responsiblePersonId: p('demo-supervision-officer'),
    leadLeaderId: p('yang-xin'),
    createdAt: '2026-03-01T09:00',
    goal: '形成街镇环卫作业质量调研报告',
    measures: ['走访七个街镇', '形成问题清单'],
    milestones: [
      {
        id: milestoneId('big-survey', 1),
        description: '完成调研报告',
        dueOn: '2026-09-30',
        targetPercent: 100,
        completedOn: '2026-09-25',
      },
    ],
    reports: [],
    platformLights: [],
  },
  {
    code: 'township-direct-line',
    id: itemId('township-direct-line'),
    title: '祝桥镇@件：拱极北侧地块扬尘管控责任划分',
    category: 'TOWNSHIP_DIRECT_LINE',
    sourcePlatform: '街镇直通车',
    platformNumber: null,
    responsibleDepartmentId: a('sanitation'),
    responsiblePersonId: p('demo-sanitation-clerk'),
    leadLeaderId: null,
    createdAt: '2026-09-14T10:00',
    goal: null,
    measures: [],
    milestones: [],
    reports: [],
    platformLights: [],
    closed: { at: '2026-09-16T11:00', note: '已在街镇直通车平台回复' },
  },
  {
    code: 'higher-authority-task',
    id: itemId('higher-authority-task'),
    title: '市绿化市容局部署：秋冬季落叶景观道路保洁',
    category: 'HIGHER_AUTHORITY_TASK',
    sourcePlatform: '市绿化市容局',
    platformNumber: null,
    responsibleDepartmentId: a('greening-centre'),
    responsiblePersonId: null,
    leadLeaderId: p('shen-min'),
    createdAt: '2026-10-08T09:00',
    goal: '落叶景观道路保洁达标',
    measures: ['确定落叶不扫景观道路', '加强日常巡查'],
    milestones: [
      {
        id: milestoneId('higher-authority-task', 1),
        description: '公布景观道路名单',
        dueOn: '2026-10-31',
        targetPercent: null,
        completedOn: '2026-10-30',
      },
    ],
    reports: [],
    platformLights: [],
  },
  {
    code: 'chief-concern',
    id: itemId('chief-concern'),
    title: '局长关注：环卫作业车辆新能源替代',
    category: 'CHIEF_CONCERN',
    sourcePlatform: null,
    platformNumber: null,
    responsibleDepartmentId: a('infrastructure-centre'),
    responsiblePersonId: null,
    leadLeaderId: p('shen-min'),
    createdAt: '2026-02-02T09:00',
    goal: '年内新能源作业车辆占比达到60%',
    measures: ['制定替代计划', '分批采购'],
    milestones: [
      {
        id: milestoneId('chief-concern', 1),
        description: '完成首批采购',
        dueOn: '2026-06-30',
        targetPercent: 40,
        completedOn: null,
      },
      {
        id: milestoneId('chief-concern', 2),
        description: '完成第二批采购',
        dueOn: '2026-10-31',
        targetPercent: 60,
        completedOn: null,
      },
    ],
    reports: [],
    platformLights: [],
  },
];

/** A bi-monthly progress meeting (双月例会) of the demo year. */
export const SUPERVISION_DEMO_MEETING = {
  id: stableId('supervision-meeting', '2026-10'),
  heldOn: '2026-10-15',
  title: '2026年第五次重点工作推进专题会',
  attendees: ['薛加良', '办公室督查岗（演示）', '市容环卫处', '基建处'],
  itemCodes: ['district-key-task', 'practical-project'],
  problems: '建筑垃圾"两非"点位整治进度滞后；公厕项目部分点位竣工延迟。',
  decisions: '市容环卫处11月起每周报送点位整治进度；基建处11月底前完成全部竣工验收。',
};

export const supervisionDemoItem = (code: string): DemoSupervisionItem => {
  const item = SUPERVISION_DEMO_ITEMS.find((i) => i.code === code);
  if (!item) throw new Error(`no demo supervision item ${code}`);
  return item;
};
