import { renderNoticeSummary, renderNoticeText } from '@eco/exports';
import type { NoticeTextOptions } from '@eco/exports';
import type { CampaignProgressNotice } from './rectification-report.service';

export type NoticePunctuation = 'FULL_WIDTH' | 'HALF_WIDTH';

export interface NoticeTextInput {
  title?: string | null;
  inspection?: {
    authority: string;
    team: string;
    inspected: string;
    from: string;
    to: string;
    feedbackOn: string;
  } | null;
  contacts?: {
    phone?: string | null;
    email?: string | null;
    address?: string | null;
    postcode?: string | null;
  } | null;
}

const options = (notice: CampaignProgressNotice, punctuation: NoticePunctuation): NoticeTextOptions => ({
  sourceKind: notice.campaign.sourceKind,
  punctuation: punctuation === 'HALF_WIDTH' ? 'half-width' : 'full-width',
});

const figuresOf = (notice: CampaignProgressNotice) => ({
  asOf: notice.asOf,
  problems: notice.problems,
  problemsCompleted: notice.problemsCompleted,
  measures: notice.measures,
  measuresCompleted: notice.measuresCompleted,
  discipline: notice.discipline,
});

/** Seed 004's progress paragraph (截至…，巡视反馈的N项问题已完成整改X项；…) from the notice's figures. */
export function noticeSummaryText(notice: CampaignProgressNotice, punctuation: NoticePunctuation): string {
  return renderNoticeSummary(figuresOf(notice), options(notice, punctuation));
}

/** The whole notice around the office's own body: title, opening, progress paragraph, closing. */
export function noticeText(
  notice: CampaignProgressNotice,
  input: NoticeTextInput | null,
  punctuation: NoticePunctuation,
): string {
  return renderNoticeText(
    {
      title: input?.title ?? `关于${notice.campaign.name}进展情况的通报`,
      inspection: input?.inspection ?? null,
      figures: figuresOf(notice),
      contacts: input?.contacts ?? null,
    },
    options(notice, punctuation),
  );
}
