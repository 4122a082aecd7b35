import { agencyIdOf, personIdOf, stableId } from './stable-id';

/** One row of the 2023 check-item list as the seed's table lays it out (merged cells left empty). */
export type Seed000ChecklistRow = [
  number: string,
  category: string,
  item: string,
  checks: string,
  staff: string,
];

const STAFF_PARTY_BUILDING = '刘宇轩 顾彩虹 孙小雨';

/**
 * Seed 000: the bureau's 2023 internal inspection plan (区生态环境局2023年内部巡察工作方案), year 3 of
 * the third round (2021–2023). Group leader 康永良 (局党组书记、局长), deputy 杨新; member departments
 * the Audit Office (which leads), the General Office, HR and Finance (计财条线), each contributing one
 * or two staff; the seed names the list's staff but not their departments, so only the demo
 * rectification-office account is placed (in the Audit Office). Six affiliated units inspected in
 * August–October, about a week each; the seed gives no unit's dates, so no window is scheduled.
 * The plan cites 浦环党[2023]39号 (the 巡审一体 rules), not a number of its own.
 */
export const SEED_000_ROUND = {
  id: stableId('round', 'seed-000:2023'),
  name: '区生态环境局2023年内部巡察（第三轮第三年）',
  roundNumber: 3,
  startYear: 2021,
  endYear: 2023,
  year: 2023,
  planDocumentNumber: null,
  groupLeaderId: personIdOf('kang-yongliang'),
  deputyGroupLeaderId: personIdOf('yang-xin'),
  periodStart: '2023-08-01',
  periodEnd: '2023-10-31',
  memberDepartments: [
    {
      agencyId: agencyIdOf('audit-office'),
      staff: [{ name: '整改办（演示）', personId: personIdOf('demo-rectification-office') }],
    },
    { agencyId: agencyIdOf('general-office'), staff: [] },
    { agencyId: agencyIdOf('hr'), staff: [] },
    { agencyId: agencyIdOf('finance'), staff: [] },
  ],
  specialInspections: [
    {
      title: '工会经费使用情况专项巡察',
      focus: [
        '基层工会组织落实《上海市总工会关于印发〈上海基层工会经费收支管理实施办法〉的通知》（沪工总财【2018】96号）的自查情况',
        '2022年1月至今的工会经费使用情况',
        '2020年6月以来，在各级巡视巡察和各类审计过程中发现的关于工会经费使用问题的整改情况',
      ],
    },
  ],
  budgetLines: [
    { purpose: '巡审联合监督第三方审计费用', amountYuan: '126000.00', fundingSource: '审计经费' },
  ],
  outsideFirm: {
    name: '上海申威会计师事务所',
    service: '审计服务（第三方中介机构）',
    procurementRoute: '电子集市平台',
  },
  targets: [
    'env-affairs-centre',
    'greening-centre',
    'coordination-centre',
    'infrastructure-centre',
    'finance-centre',
    'waste-centre',
  ].map((code, i) => ({
    id: stableId('inspection-target', `seed-000:2023:${code}`),
    agencyId: agencyIdOf(code),
    sequence: i + 1,
  })),
  checklistSource: '《2023年度局内部巡察检查项目清单》（seed 000 附件）',
  /** 2023年度局内部巡察检查项目清单: 序号, 类别, 项目, 检查内容, 人员安排. */
  checklist: [
    [
      '1',
      '2022年区委巡察、上一轮局内巡察发现问题的整改情况',
      '落实整改情况',
      '履行整改主体责任、涉及的问题和领域整改落实情况；党组织负责人履行整改第一责任人责任、班子成员履行“一岗双责”及落实分管职责范围内的整改落实情况。',
      '工作组全体',
    ],
    [
      '2',
      '全面从严治党主体责任落实情况',
      '落实基层党建责任制情况',
      '局2023年落实全面从严治党主体责任量化评分表中基层党建责任制具体细化指标的落实情况。如：年度基层党建责任制工作方案、工作计划、支部记录本等材料；学习贯彻党的二十大精神、组织学习制度落实情况、党费收缴落实情况；党统维护、落实“双报到”“一个支部一件实事”等工作情况。',
      STAFF_PARTY_BUILDING,
    ],
    [
      '',
      '',
      '落实党风廉政建设责任制情况',
      '1、班子成员落实党风廉政建设责任制责任书； 2、廉政风险防控重点项目推进情况； 3、“四责协同”向基层延伸（一单位一特色）贯彻落实情况； 4、《廉政风险防控手册》制定或修订情况。',
      '黄晓敏 黄云飞',
    ],
    [
      '',
      '',
      '落实法制建设责任制情况',
      '按照2022年落实“法治建设责任制”工作自查自评表开展自查，检查法治工作执行情况及材料。',
      '余美贤',
    ],
    [
      '',
      '',
      '落实意识形态责任制情况',
      '1、局2023年落实全面从严治党主体责任量化评分表中意识形态责任制具体细化指标的落实情况。如：年度意识形态责任制部署会材料、意识形态工作方案、工作年度计划（安排）、意识形态责任书、学习记录等。 2、局《四个责任制工作方案》量化评分表中意识形态责任制具体细化指标的落实情况。如：年度意识形态责任制部署会材料、意识形态工作方案、工作年度计划（安排）、学习记录等。 3、按照浦东新区生态环境局2023年落实“意识形态工作责任制”——对宣传阵地类（宣传栏、电子屏等）建设和科普展馆管理工作开展自查，检查工作执行情况及材料。',
      `${STAFF_PARTY_BUILDING} 余美贤`,
    ],
    [
      '3',
      '中央八项规定精神落实情况',
      '办公用房管理情况',
      '1、严格按标准配置使用办公用房，从领导职务上退下来后及时腾退办公用房； 2、办公用房利用、维修或执行改造标准情况',
      '余美贤',
    ],
    [
      '',
      '',
      '公务用车管理情况',
      '1、公务车辆配置情况，车辆登记证或行驶证、移交单 2、用车标识张贴、卫星定位系统安装和平台建设使用 3、公务用车使用制度建设和执行、台帐建设、公示等规范使用和管理 4、车辆台账及加油卡充值及使用台账',
      '',
    ],
    [
      '4',
      '主题教育开展情况',
      '先学先改行动以及学习贯彻习近平新时代中国特色社会主义思想主题教育落实情况',
      '《关于在局系统党组织和党员中开展先学先改行动的工作方案》中的要求落实情况。 如：部署会材料，集中研讨情况等。主题教育动员会、实施方案、领导机构、专题学习安排、专题党课、专题组织生活会等材料。',
      STAFF_PARTY_BUILDING,
    ],
    [
      '5',
      '选人用人专项检查',
      '2021年“三定”后提任干部办件整理及人事档案情况',
      '根据干部管理权限事业单位中层实职干部及普七普八岗提任过程中的相关过程性材料（包括动议、推荐、考察材料，提任对象人事档案审核材料、征求纪检意见、党组织会议材料等）',
      '于静 周莉',
    ],
    [
      '6',
      '单位内控、招投标制度执行情况和预算执行情况等',
      '内控手册修订和执行情况',
      '最新修订的内控手册',
      '张君 闵丽蓉',
    ],
    ['', '', '招投标制度执行情况', '2022年度专项清单，招投标项目台账资料及其他相关材料', ''],
    ['', '', '公共基础设施入账或在建工程转固相关情况', '公共基础设施入账或在建工程转固相关资料', ''],
    ['', '', '预算执行情况', '2022年度执行率分析及其他相关材料', ''],
    [
      '',
      '',
      '全过程绩效管理实施情况',
      '2022年度项目的绩效目标表、绩效跟踪报告、绩效评价报告及其他相关材料。',
      '',
    ],
    [
      '7',
      '工会经费使用管理情况',
      '经费的使用、自查、整改情况',
      '1、基层工会组织上阶段落实《上海市总工会关于印发〈上海基层工会经费收支管理实施办法〉的通知》（沪工总财【2018】96号）的自查情况； 2、2022年1月至今的工会经费使用情况； 3、2020年6月以来，在各级巡视巡察和各类审计过程中发现的关于工会经费使用问题的整改情况。',
      '局工会 审计办',
    ],
  ] satisfies Seed000ChecklistRow[],
};
