import { chineseDate, chineseDateRange } from './chinese-date';
import type { LocalDate } from './chinese-date';

/** The counts of a public progress notice (seed 004); the shape of @eco/demo-data's SEED_004_NOTICE. */
export interface NoticeFigures {
  asOf: LocalDate;
  problems: number;
  problemsCompleted: number;
  measures: number;
  measuresCompleted: number;
  /** Omitted from the text when the office has not entered them. */
  discipline?: DisciplineFigures | null;
}

export interface DisciplineFigures {
  /** 党纪政务立案 (cases) */
  casesFiled: number;
  /** 党纪政务处分 (people) */
  peopleDisciplined: number;
  /** 诫勉谈话 (people) */
  admonishmentTalks: number;
  /** 新建制度 */
  regulationsCreated: number;
  /** 修订完善制度 */
  regulationsRevised: number;
}

/** Where the problems come from; it names the feedback in the sentence (巡视反馈的64项问题). */
export type NoticeSourceKind = 'MUNICIPAL_INSPECTION' | 'INTERNAL_INSPECTION' | 'AUDIT';

const FEEDBACK: Record<NoticeSourceKind, string> = {
  MUNICIPAL_INSPECTION: '巡视反馈的',
  INTERNAL_INSPECTION: '巡察反馈的',
  AUDIT: '审计发现的',
};
const WORK: Record<NoticeSourceKind, string> = {
  MUNICIPAL_INSPECTION: '巡视',
  INTERNAL_INSPECTION: '巡察',
  AUDIT: '审计',
};

export interface NoticeTextOptions {
  /** Default MUNICIPAL_INSPECTION, as in seed 004. */
  sourceKind?: NoticeSourceKind;
  /**
   * full-width (default): ，；： as Chinese typesetting (GB/T 15834) has them. half-width: as the
   * seed-004 page was published (, ; :), to reproduce it byte for byte.
   */
  punctuation?: 'full-width' | 'half-width';
}

const HALF_WIDTH: Record<string, string> = { '，': ',', '；': ';', '：': ':' };

function punctuate(text: string, options: NoticeTextOptions): string {
  return options.punctuation === 'half-width' ? text.replace(/[，；：]/g, (c) => HALF_WIDTH[c]!) : text;
}

/**
 * The notice's progress paragraph, in seed 004's sentences:
 * 截至2025年9月10日，巡视反馈的64项问题已完成整改59项；提出整改措施186条，已经完成179条。
 * 党纪政务立案11件，党纪政务处分9人。诫勉谈话6人。已新建制度18项，修订完善7项。
 */
export function renderNoticeSummary(figures: NoticeFigures, options: NoticeTextOptions = {}): string {
  const source = FEEDBACK[options.sourceKind ?? 'MUNICIPAL_INSPECTION'];
  const d = figures.discipline;
  const text = [
    `截至${chineseDate(figures.asOf)}，${source}${figures.problems}项问题已完成整改${figures.problemsCompleted}项；`,
    `提出整改措施${figures.measures}条，已经完成${figures.measuresCompleted}条。`,
    ...(d
      ? [
          `党纪政务立案${d.casesFiled}件，党纪政务处分${d.peopleDisciplined}人。`,
          `诫勉谈话${d.admonishmentTalks}人。`,
          `已新建制度${d.regulationsCreated}项，修订完善${d.regulationsRevised}项。`,
        ]
      : []),
  ].join('');
  return punctuate(text, options);
}

/** Who inspected whom, when, and when the feedback came (the notice's opening paragraph). */
export interface NoticeInspection {
  /** 市委 */
  authority: string;
  /** 市委第十巡视组 */
  team: string;
  /** 市生态环境局党组 */
  inspected: string;
  from: LocalDate;
  to: LocalDate;
  feedbackOn: LocalDate;
}

export interface NoticeContacts {
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  postcode?: string | null;
}

export interface ProgressNoticeText {
  /** 中共上海市生态环境局党组关于十二届市委第五轮巡视整改进展情况的通报 */
  title: string;
  inspection?: NoticeInspection | null;
  figures: NoticeFigures;
  contacts?: NoticeContacts | null;
}

/**
 * The notice's fixed paragraphs around the body the office writes itself: title, opening
 * (根据…统一部署，…于…对…开展巡视，并于…反馈了巡视意见。…现将巡视整改进展情况通报如下。), the progress
 * paragraph, and the closing invitation with its contact lines. Paragraphs are joined with blank lines.
 */
export function renderNoticeText(notice: ProgressNoticeText, options: NoticeTextOptions = {}): string {
  const work = WORK[options.sourceKind ?? 'MUNICIPAL_INSPECTION'];
  const i = notice.inspection;
  const c = notice.contacts;
  const paragraphs = [
    notice.title,
    ...(i
      ? [
          `根据${i.authority}统一部署，${i.team}于${chineseDateRange(i.from, i.to)}对${i.inspected}开展${work}，` +
            `并于${chineseDate(i.feedbackOn)}反馈了${work}意见。按照${work}工作有关要求，现将${work}整改进展情况通报如下。`,
        ]
      : []),
    renderNoticeSummary(notice.figures, options),
    `欢迎广大干部群众对${work}整改落实情况进行监督。如有意见建议，请及时反映。`,
    ...(c?.phone ? [`联系电话：${c.phone}`] : []),
    ...(c?.email ? [`电子邮箱：${c.email}`] : []),
    ...(c?.address ? [`通讯地址：${c.address}`] : []),
    ...(c?.postcode ? [`邮政编码：${c.postcode}`] : []),
  ];
  return paragraphs.map((p) => punctuate(p, options)).join('\n\n');
}
