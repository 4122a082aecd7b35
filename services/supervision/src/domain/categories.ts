export const SUPERVISION_CATEGORIES = [
  'MUNICIPAL_KEY_TASK',
  'MUNICIPAL_OVERALL_TARGET',
  'DISTRICT_KEY_TASK',
  'HISTORICAL_PROBLEM',
  'LEADER_INSTRUCTION',
  'LEADER_MEETING_RESEARCH',
  'MEDIA_OVERSIGHT',
  'PRACTICAL_PROJECT',
  'LIVELIHOOD_PROJECT',
  'BUREAU_KEY_TASK',
  'BIG_SURVEY',
  'TOWNSHIP_DIRECT_LINE',
  'HIGHER_AUTHORITY_TASK',
  'CHIEF_CONCERN',
] as const;

export type SupervisionCategory = (typeof SUPERVISION_CATEGORIES)[number];

/** The starred categories of seed 001: they count in the district's performance assessment. */
const ASSESSED: ReadonlySet<SupervisionCategory> = new Set([
  'DISTRICT_KEY_TASK',
  'PRACTICAL_PROJECT',
  'LIVELIHOOD_PROJECT',
  'BIG_SURVEY',
]);

export function isAssessed(category: SupervisionCategory): boolean {
  return ASSESSED.has(category);
}

/**
 * 三大平台 (seed 001 §三(二)): 区网上督查室, the big-survey platform and the township direct line.
 * Departments fill items on these in the platform itself; every other item is reported to the
 * General Office one working day before the deadline.
 */
export const PLATFORMS = ['DISTRICT_ONLINE_SUPERVISION', 'BIG_SURVEY', 'TOWNSHIP_DIRECT_LINE'] as const;
export type Platform = (typeof PLATFORMS)[number];

const DISTRICT_PLATFORM_KINDS: ReadonlySet<SupervisionCategory> = new Set([
  'MUNICIPAL_KEY_TASK',
  'MUNICIPAL_OVERALL_TARGET',
  'DISTRICT_KEY_TASK',
  'HISTORICAL_PROBLEM',
  'LEADER_INSTRUCTION',
  'LEADER_MEETING_RESEARCH',
  'MEDIA_OVERSIGHT',
]);

/** The platform an item of this category lives on, or null for items off the three platforms. */
export function platformOf(category: SupervisionCategory): Platform | null {
  if (DISTRICT_PLATFORM_KINDS.has(category)) return 'DISTRICT_ONLINE_SUPERVISION';
  if (category === 'BIG_SURVEY') return 'BIG_SURVEY';
  if (category === 'TOWNSHIP_DIRECT_LINE') return 'TOWNSHIP_DIRECT_LINE';
  return null;
}

/**
 * Work planned for the year goes into the departments' task books (任务书, seed 001 §三(一)); items
 * that arrive during the year (instructions, meeting items, media cases, @件) do not.
 */
const AD_HOC: ReadonlySet<SupervisionCategory> = new Set([
  'LEADER_INSTRUCTION',
  'LEADER_MEETING_RESEARCH',
  'MEDIA_OVERSIGHT',
  'TOWNSHIP_DIRECT_LINE',
]);

export function isInTaskBook(category: SupervisionCategory): boolean {
  return !AD_HOC.has(category);
}
