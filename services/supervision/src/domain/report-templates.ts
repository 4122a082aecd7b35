import type { FieldError } from '@eco/subgraph';
import type { SupervisionCategory } from './categories';

/** The monthly report forms of seed 001. */
export const REPORT_TEMPLATES = [
  /** Annex 1 批示件进展报送模板: 目前进展 (500 字), 难点问题 (300 字), 下一步打算 (200 字, each step dated). */
  'LEADER_INSTRUCTION_PROGRESS',
  /** Annex 2 为民办实事项目建设进度月报表: 项目完成情况 (证照办理, 本月进展, 下月安排), 累计完成进度 %, 备注. */
  'PRACTICAL_PROJECT_MONTHLY',
  /** Annex 2 新区民心工程简报: 进展情况, 存在问题, 下一步工作. */
  'LIVELIHOOD_BRIEF',
  /** Every other category: progress, with difficulties, next steps and a cumulative % when known. */
  'PROGRESS',
] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

export function templateOf(category: SupervisionCategory): ReportTemplate {
  switch (category) {
    case 'LEADER_INSTRUCTION':
      return 'LEADER_INSTRUCTION_PROGRESS';
    case 'PRACTICAL_PROJECT':
      return 'PRACTICAL_PROJECT_MONTHLY';
    case 'LIVELIHOOD_PROJECT':
      return 'LIVELIHOOD_BRIEF';
    default:
      return 'PROGRESS';
  }
}

export interface NextStep {
  text: string;
  /** The step's date (YYYY-MM-DD); annex 1 wants one for every step. */
  dueOn: string | null;
}

export interface ReportSections {
  progress: string | null;
  difficulties: string | null;
  nextSteps: NextStep[];
  permits: string | null;
  thisMonth: string | null;
  nextMonth: string | null;
  notes: string | null;
  cumulativePercent: number | null;
}

type TextSection = 'progress' | 'difficulties' | 'nextSteps' | 'permits' | 'thisMonth' | 'nextMonth';

interface TemplateRules {
  required: (TextSection | 'cumulativePercent')[];
  /** Annex 1's character limits (字 = Unicode characters), the next steps' texts counted together. */
  limits: Partial<Record<TextSection, number>>;
  nextStepsNeedDates: boolean;
}

const RULES: Record<ReportTemplate, TemplateRules> = {
  LEADER_INSTRUCTION_PROGRESS: {
    required: ['progress', 'difficulties', 'nextSteps'],
    limits: { progress: 500, difficulties: 300, nextSteps: 200 },
    nextStepsNeedDates: true,
  },
  PRACTICAL_PROJECT_MONTHLY: {
    required: ['permits', 'thisMonth', 'nextMonth', 'cumulativePercent'],
    limits: {},
    nextStepsNeedDates: false,
  },
  LIVELIHOOD_BRIEF: {
    required: ['progress', 'difficulties', 'nextSteps'],
    limits: {},
    nextStepsNeedDates: false,
  },
  PROGRESS: { required: ['progress'], limits: {}, nextStepsNeedDates: false },
};

export const templateLimits = (template: ReportTemplate): Partial<Record<TextSection, number>> =>
  RULES[template].limits;

/** Characters as people count them (a Chinese character is one, whatever its UTF-16 length). */
export const characterCount = (text: string | null): number => (text === null ? 0 : [...text].length);

function sectionLength(sections: ReportSections, section: TextSection): number {
  if (section === 'nextSteps') return sections.nextSteps.reduce((n, s) => n + characterCount(s.text), 0);
  return characterCount(sections[section]);
}

export interface OverLimit {
  field: TextSection;
  limit: number;
  length: number;
}

export interface TemplateCheck {
  /** Missing sections: the report is refused, nothing is written. */
  fieldErrors: FieldError[];
  /** Sections longer than the template allows: the report is taken, and counted as 超限. */
  overLimit: OverLimit[];
}

/** Checks a report against its template. */
export function checkReport(template: ReportTemplate, sections: ReportSections): TemplateCheck {
  const rules = RULES[template];
  const fieldErrors: FieldError[] = [];
  for (const section of rules.required) {
    const missing =
      section === 'cumulativePercent'
        ? sections.cumulativePercent === null
        : section === 'nextSteps'
          ? sections.nextSteps.length === 0
          : !sections[section];
    if (missing) fieldErrors.push({ field: section, message: `required by the ${template} template` });
  }
  if (rules.nextStepsNeedDates) {
    sections.nextSteps.forEach((step, i) => {
      if (!step.dueOn)
        fieldErrors.push({ field: `nextSteps.${i}.dueOn`, message: 'each next step needs its date' });
    });
  }
  const overLimit = (Object.entries(rules.limits) as [TextSection, number][])
    .map(([field, limit]) => ({ field, limit, length: sectionLength(sections, field) }))
    .filter((o) => o.length > o.limit);
  return { fieldErrors, overLimit };
}
