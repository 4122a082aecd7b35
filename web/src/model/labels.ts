// Chinese names of the API's enum values, as the offices write them.

export const PROBLEM_STATUS: Record<string, string> = {
  OPEN: '未启动',
  IN_PROGRESS: '整改中',
  MEASURES_COMPLETED: '待销号',
  CLOSED: '已销号',
  REOPENED: '已重启',
};

export const MEASURE_STATUS: Record<string, string> = {
  NOT_STARTED: '未开始',
  IN_PROGRESS: '推进中',
  COMPLETED: '已完成',
};

export const VERIFICATION: Record<string, string> = {
  NONE: '未报送',
  SUBMITTED: '待对账',
  ACCEPTED: '已对账',
  RETURNED: '已退回',
};

export const LIGHT: Record<string, string> = {
  GREEN: '绿灯',
  YELLOW: '黄灯',
  RED: '红灯',
  NONE: '未亮灯',
};

export const WEEKLY_STATUS: Record<string, string> = {
  ON_TIME: '按时报送',
  LATE: '逾期报送',
  MISSING: '未报送',
  DUE: '待报送',
};

export const MEASURE_UPDATE_KIND: Record<string, string> = {
  CREATED: '制定措施',
  ASSIGNED_TO_AGENCIES: '交办协同单位',
  AGENCY_ACKNOWLEDGED: '协同单位签收',
  AGENCY_PROGRESS: '协同单位反馈进展',
  AGENCY_COMPLETION_REQUESTED: '协同单位申请办结',
  STATUS_CHANGED: '状态变更',
  SUBMITTED_FOR_VERIFICATION: '报送对账',
  VERIFICATION_ACCEPTED: '对账通过',
  VERIFICATION_RETURNED: '对账退回',
  REOPENED: '重启整改',
  FOLLOW_UP_PLAN: '后续整改计划',
};

export const TASK_STATUS: Record<string, string> = {
  OPEN: '待签收',
  ACKNOWLEDGED: '已签收',
  IN_PROGRESS: '办理中',
  COMPLETION_REQUESTED: '已申请办结',
};

export const ACKNOWLEDGEMENT: Record<string, string> = {
  PENDING: '待签收',
  DUE_SOON: '即将超时',
  OVERDUE: '签收超时',
  ON_TIME: '按时签收',
  LATE: '逾期签收',
};

export const TASK_UPDATE_KIND: Record<string, string> = {
  ACKNOWLEDGED: '签收',
  PROGRESS: '进展反馈',
  COMPLETION_REQUESTED: '申请办结',
};

export const SUPERVISION_CATEGORY: Record<string, string> = {
  MUNICIPAL_KEY_TASK: '市重点工作',
  MUNICIPAL_OVERALL_TARGET: '市总体目标',
  DISTRICT_KEY_TASK: '区重点工作',
  HISTORICAL_PROBLEM: '历史遗留问题攻坚',
  LEADER_INSTRUCTION: '领导批示件',
  LEADER_MEETING_RESEARCH: '领导会议及调研事项',
  MEDIA_OVERSIGHT: '媒体监督整改',
  PRACTICAL_PROJECT: '实事项目',
  LIVELIHOOD_PROJECT: '民心工程',
  BUREAU_KEY_TASK: '局重点工作',
  BIG_SURVEY: '大调研',
  TOWNSHIP_DIRECT_LINE: '街镇直通车',
  HIGHER_AUTHORITY_TASK: '上级部署的其他工作',
  CHIEF_CONCERN: '局长关注的其他工作',
};

export const DIRECT_LINE_STATUS: Record<string, string> = {
  AWAITING_TRIAGE: '待甄别',
  AWAITING_CLAIM: '待认领',
  CLAIMED: '已认领',
  HARD_CASE: '疑难件',
  ANSWERED: '已答复',
  DECLINED: '非本机关职责',
  RAISED: '已提交',
  INTERIM_REPLIED: '已过渡答复',
};

export const DIRECT_LINE_KIND: Record<string, string> = {
  POLICY_QUESTION: '政策咨询',
  PROBLEM: '问题沟通',
};

export const CLOCK_STATUS: Record<string, string> = {
  RUNNING: '计时中',
  BREACHED: '已超时',
  MET: '按时完成',
  MET_LATE: '超时完成',
};

export const ACCOUNTABILITY_KIND: Record<string, string> = {
  INTERVIEW: '约谈',
  ACCOUNTABILITY: '问责',
};

export const ESCALATION_STATE: Record<string, string> = {
  TRIGGERED: '已触发',
  SCHEDULED: '已安排',
  HELD: '已约谈',
  WAIVED: '酌情免予约谈',
};

/** 约谈问询 levels (seed 001): who talks to whom. */
export const ESCALATION_LEVEL: Record<string, string> = {
  '1': '一级约谈',
  '2': '二级约谈',
  '3': '三级约谈',
};

export const ESCALATION_RULE: Record<string, string> = {
  OVER_LIMIT_REPORTS: '超限报告',
  CONSECUTIVE_YELLOW: '连续亮黄灯（含红灯）',
  CONSECUTIVE_RED: '连续亮红灯',
  NAMED_CRITICISM: '点名批评',
  SERIOUSLY_BEHIND: '推进严重滞后',
};

/** A trigger in Chinese: the rule and the periods it covers (the API's detail text is bilingual). */
export function describeTrigger(trigger: { rule: string; periods: string[]; detail: string }): string {
  const periods = trigger.periods.length > 0 ? `（${trigger.periods.join('、')}）` : '';
  return `${labelOf(ESCALATION_RULE, trigger.rule)}${periods}`;
}

export const INTERVIEW_ROLE: Record<string, string> = {
  PROJECT_OWNER: '项目具体负责人',
  DEPARTMENT_HEAD: '牵头部门负责人',
  DEPUTY_CHIEF: '局分管领导',
  BUREAU_CHIEF: '局主要领导',
};

export const LIGHT_SOURCE: Record<string, string> = {
  PLATFORM: '平台亮灯',
  OFFICER: '办公室评定',
  COMPUTED: '按节点自动评定',
};

export const ROLE: Record<string, string> = {
  BUREAU_CHIEF: '局长',
  DEPUTY_CHIEF: '分管局领导',
  DEPARTMENT_HEAD: '处室负责人',
  DEPARTMENT_CLERK: '内勤',
  SUPERVISION_OFFICER: '督查岗',
  RECTIFICATION_OFFICE: '整改办',
  INSPECTION_MEMBER: '巡察组成员',
  UNIT_LIAISON: '联络员',
  PARTNER_USER: '协同单位用户',
  DISCIPLINE_READONLY: '纪检监察（只读）',
};

/** The label of an enum value, or the value itself when this table does not know it yet. */
export function labelOf(table: Record<string, string>, value: string | null | undefined): string {
  if (!value) return '—';
  return table[value] ?? value;
}
