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
