import { agencyIdOf, personIdOf, stableId } from './stable-id';

export type DemoDeadline =
  | { kind: 'DATE'; dueOn: string; label: string }
  | { kind: 'DATE_RANGE'; startsOn: string; dueOn: string; label: string }
  | { kind: 'MONTH_END'; dueOn: string; label: string }
  | { kind: 'LONG_TERM'; label: string }
  | { kind: 'NONE'; label: string };

export interface DemoMeasure {
  id: string;
  sequence: string;
  text: string;
  responsibleAgencyId: string;
  coordinatingAgencyIds: string[];
  deadline: DemoDeadline;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
  evidenceNotes: string[];
}

export interface DemoProblem {
  id: string;
  number: string;
  sourceNumber: string;
  aspect: string;
  title: string;
  description: string;
  leadLeaderId: string;
  responsibleDepartmentId: string;
  coordinatingAgencyIds: string[];
  measures: DemoMeasure[];
}

const a = agencyIdOf;
const measureId = (code: string) => stableId('measure', `seed-003:${code}`);
const problemId = (code: string) => stableId('problem', `seed-003:${code}`);

/**
 * Seed 003: the bureau Party group's plan for rectifying the 2023 municipal inspection
 * (市委巡视), its leading group, the three problems (one split between two lead leaders, as the
 * plan assigns it) and the measures of annex 1 with their deadlines (counted from 2023-08-29).
 * Statuses are the seed's where it gives one (已完成 / 长期坚持); the rest start NOT_STARTED.
 */
export const SEED_003_CAMPAIGN = {
  id: stableId('campaign', 'seed-003'),
  name: '推进落实市委巡视整改',
  sourceKind: 'MUNICIPAL_INSPECTION' as const,
  sourceTitle: '市委第二巡视组巡视浦东新区情况反馈',
  periodStart: '2023-08-29',
  periodEnd: '2023-09-28',
  officeAgencyId: a('audit-office'),
  leadingGroup: [
    { name: '康永良', role: 'LEADER' as const, personId: personIdOf('kang-yongliang') },
    ...['刘军', '薛加良', '黄海华', '刘贵平', '沈敏', '杨新', '于忠臣', '张红'].map((name) => ({
      name,
      role: 'DEPUTY' as const,
      personId:
        {
          薛加良: personIdOf('xue-jialiang'),
          黄海华: personIdOf('huang-haihua'),
          沈敏: personIdOf('shen-min'),
          杨新: personIdOf('yang-xin'),
        }[name] ?? null,
    })),
    ...[
      '高瑞莲',
      '唐浩',
      '陈静嘉',
      '李岚',
      '夏越青',
      '张芝勍',
      '李荣',
      '张茫',
      '郑弘',
      '赵文章',
      '高文安',
      '胡旭',
    ].map((name) => ({ name, role: 'MEMBER' as const, personId: null })),
  ],
  problems: [
    {
      id: problemId('1-1'),
      number: '1-1',
      sourceNumber: '21',
      aspect: '贯彻落实党中央赋予的重大战略任务还有不足，高起点打造社会主义现代化建设引领区成效不够凸显',
      title: '建筑垃圾偷乱倒和“两非”点位时有发生',
      description:
        '落实最严格的生态环境保护制度不够到位，行业管理部门执法监管和指导不够有力，建筑垃圾偷乱倒和“两非”点位时有发生，曹路镇海塘区域渣土消纳点土方车运输导致扬尘、跑冒滴漏、噪音扰民等问题，影响周边居民出行安全及生活环境，居民投诉不断。合庆镇海塘大堤西侧、祝桥镇拱极北侧和朝航路89号制砖厂多个点位存在环境污染隐患。',
      leadLeaderId: personIdOf('xue-jialiang'),
      responsibleDepartmentId: a('sanitation'),
      coordinatingAgencyIds: [a('enforcement'), a('caolu'), a('heqing'), a('zhuqiao')],
      measures: [
        {
          id: measureId('1-1.1'),
          sequence: '1',
          text: '具体点位明确第一责任主体，即知即改，避免返潮。一是关于祝桥镇拱极北侧有扬尘等问题，已经由土地所属单位光明集团进行补植绿化，祝桥镇加强周边地块日常巡查。二是关于合庆镇海塘大堤西侧海升地块，前期因减量化地块验收消纳部分渣土，已于4月份即日封控场所，后因生态廊道建设需要于7月底完成渣土卸点备案。三是关于曹路镇海塘区域渣土消纳点，已会同曹路镇、区城管执法、区公安交警、属地派出所、道路养护等单位部门，以及消纳点运营方和运输车队多次召开协调会议，细化避早晚高峰等作业时间措施，统筹进场车型车辆、路线数量，以及场内防尘降尘、离场车辆冲洗、沿途道路养护等具体举措。',
          responsibleAgencyId: a('sanitation'),
          coordinatingAgencyIds: [a('zhuqiao'), a('heqing'), a('caolu'), a('enforcement')],
          deadline: { kind: 'NONE', label: '已完成' },
          status: 'COMPLETED',
          evidenceNotes: [],
        },
        {
          id: measureId('1-1.2'),
          sequence: '2',
          text: '提高站位，加强建筑垃圾生态环境保护制度的落实，进一步健全和发挥建筑垃圾管理工作机制。一是加强行业监管，加大对曹路、海塘区域等重点卸点的巡查频次和力度，管执联动形成高压态势。二是加强行业指导，会同区重大办、区建交委、区城管执法局等部门，对建筑工地、施工单位、运输单位等开展常态化的联合检查。三是压实属地街镇责任，督促街镇建立“两非”点位常态化排查机制。四是加强运输车辆管理，采购第三方监管服务，建立智能化监控系统，建立行业信用评价。',
          responsibleAgencyId: a('sanitation'),
          coordinatingAgencyIds: [a('enforcement'), a('caolu'), a('heqing'), a('zhuqiao')],
          deadline: { kind: 'LONG_TERM', label: '长期坚持' },
          status: 'IN_PROGRESS',
          evidenceNotes: [],
        },
      ],
    },
    {
      id: problemId('1-2'),
      number: '1-2',
      sourceNumber: '21',
      aspect: '贯彻落实党中央赋予的重大战略任务还有不足，高起点打造社会主义现代化建设引领区成效不够凸显',
      title: '朝航路89号制砖厂多个点位存在环境污染隐患',
      description: '朝航路89号制砖厂多个点位存在环境污染隐患。',
      leadLeaderId: personIdOf('shen-min'),
      responsibleDepartmentId: a('env-inspection'),
      coordinatingAgencyIds: [a('enforcement'), a('zhuqiao')],
      measures: [
        {
          id: measureId('1-2.1'),
          sequence: '3.1',
          text: '责令企业立即整改。由执法局和祝桥镇督促企业2天内拆除现有设备，并搬离厂区，现场黄沙等原材料和成品落实扬尘覆盖等措施，同步搬离。',
          responsibleAgencyId: a('env-inspection'),
          coordinatingAgencyIds: [a('enforcement'), a('zhuqiao')],
          deadline: { kind: 'NONE', label: '已完成整改' },
          status: 'COMPLETED',
          evidenceNotes: ['该点位已立案查处，立案号：20230414049', '企业已取缔，厂房内生产设备已全部搬离'],
        },
        {
          id: measureId('1-2.2'),
          sequence: '3.2',
          text: '由新区综合执法局对该违法违规生产企业现场笔录，启动执法程序。',
          responsibleAgencyId: a('env-inspection'),
          coordinatingAgencyIds: [a('enforcement')],
          deadline: { kind: 'NONE', label: '已完成整改' },
          status: 'COMPLETED',
          evidenceNotes: ['立案号：20230414049'],
        },
        {
          id: measureId('1-2.3'),
          sequence: '3.3',
          text: '建立长效机制。由祝桥镇继续做好全镇区域范围内的全覆盖排查，结合联勤联动工作站，增加技防人防措施，切实压实属地化环保监管职责，同时进一步加强与综合执法局的联动，保持对违法违规企业整治的高压态势，确保区域生态环境。',
          responsibleAgencyId: a('env-inspection'),
          coordinatingAgencyIds: [a('zhuqiao')],
          deadline: { kind: 'LONG_TERM', label: '长期坚持' },
          status: 'IN_PROGRESS',
          evidenceNotes: [],
        },
      ],
    },
    {
      id: problemId('2'),
      number: '2',
      sourceNumber: '36',
      aspect: '全面从严治党主体责任层层压实不够，严的基调，严的措施落到“神经末梢”还有一定差距',
      title: '张江中转站生活垃圾转运项目未经上会和公开招投标续签',
      description:
        '区生态环境局下属废管中心张江中转站生活垃圾转运项目协议到期后，未经上会和公开招投标，通过两次续签合同，延长合作期限两年。',
      leadLeaderId: personIdOf('xue-jialiang'),
      responsibleDepartmentId: a('sanitation'),
      coordinatingAgencyIds: [],
      measures: [
        {
          id: measureId('2.1'),
          sequence: '1',
          text: '为保障张江地区居民生活垃圾正常转运，综合考虑历史背景情况，进一步完善决策流程。根据局“三重一大”规定，补充审议张江中转站招标事宜，并纳入到2024年招标计划。',
          responsibleAgencyId: a('sanitation'),
          coordinatingAgencyIds: [],
          deadline: { kind: 'MONTH_END', dueOn: '2023-09-30', label: '9月底' },
          status: 'NOT_STARTED',
          evidenceNotes: [],
        },
        {
          id: measureId('2.2'),
          sequence: '2',
          text: '举一反三，对废管中心所有项目进行全面排查，发现问题即知即改，确保所有项目合法规范有序进行。',
          responsibleAgencyId: a('sanitation'),
          coordinatingAgencyIds: [],
          deadline: { kind: 'MONTH_END', dueOn: '2023-09-30', label: '9月底' },
          status: 'NOT_STARTED',
          evidenceNotes: [],
        },
      ],
    },
    {
      id: problemId('3'),
      number: '3',
      sourceNumber: '41',
      aspect: '贯彻新时代党的组织路线不够深入，干部人才队伍建设与引领区高标准要求还有落差',
      title: '承办12345热线工单不主动跨前，试图推诿给属地街镇',
      description:
        '区生态环境局承办12345热线工单不主动跨前，对市民反映陆家嘴幻彩水环品质提升工程推进缓慢的诉求避而不谈，多次尝试退单，试图推诿给四个属地街镇处置。',
      leadLeaderId: personIdOf('huang-haihua'),
      responsibleDepartmentId: a('infrastructure'),
      coordinatingAgencyIds: [a('yangjing'), a('huamu'), a('weifang'), a('tangqiao')],
      measures: [
        {
          id: measureId('3.1'),
          sequence: '1',
          text: '做到举一反三，水环工作组会同绿化中心和基建中心、协调中心，全面梳理水环一期、二期自开工以来收到的工单，对工单反映的问题逐个分析，核实反映问题是否落实，查找工单处置是否形成闭环。同时，会同水环工程代建、设计、施工、监理等分析水环二期工程建设推进情况，查找工程建设和进度存在的问题。',
          responsibleAgencyId: a('infrastructure'),
          coordinatingAgencyIds: [],
          deadline: {
            kind: 'DATE_RANGE',
            startsOn: '2023-09-07',
            dueOn: '2023-09-08',
            label: '自9月7日起至8日',
          },
          status: 'NOT_STARTED',
          evidenceNotes: [],
        },
        {
          id: measureId('3.2'),
          sequence: '2',
          text: '水环工作组会同绿化中心、基建中心分别与洋泾街道、花木街道、潍坊街道和塘桥街道协商，进一步核实情况，重点分析退单原因，及处置情况；针对水环二期工程建设查找存在的问题，研究对策措施，制定整改方案，并开展整改工作。',
          responsibleAgencyId: a('infrastructure'),
          coordinatingAgencyIds: [a('yangjing'), a('huamu'), a('weifang'), a('tangqiao')],
          deadline: {
            kind: 'DATE_RANGE',
            startsOn: '2023-09-11',
            dueOn: '2023-09-14',
            label: '自9月11日起至14日',
          },
          status: 'NOT_STARTED',
          evidenceNotes: [],
        },
        {
          id: measureId('3.3'),
          sequence: '3',
          text: '持续推进落实问题整改，形成工作报告。',
          responsibleAgencyId: a('infrastructure'),
          coordinatingAgencyIds: [],
          deadline: {
            kind: 'DATE_RANGE',
            startsOn: '2023-09-15',
            dueOn: '2023-09-26',
            label: '自9月15日起至26日',
          },
          status: 'NOT_STARTED',
          evidenceNotes: [],
        },
      ],
    },
  ] satisfies DemoProblem[],
};
