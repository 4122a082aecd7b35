import { randomUUID } from 'node:crypto';
import type { DatasetBuilder } from './dataset';
import type { Directory } from './directory-rows';

export interface GeneratedRound {
  id: string;
  name: string;
  year: number;
}

export interface ConfirmedFinding {
  id: string;
  roundId: string;
  year: number;
  targetAgencyId: string;
  title: string;
  description: string;
  confirmedAt: Date;
}

const CATEGORIES = [
  '党的领导',
  '党的建设',
  '全面从严治党',
  '选人用人',
  '巡察整改',
  '意识形态',
  '财务管理',
  '作风建设',
];
const FINDING_TITLES = [
  '落实生态环境保护责任制不到位',
  '重点项目推进缓慢',
  '执行中央八项规定精神不严格',
  '财务报销审核把关不严',
  '合同管理制度执行不规范',
  '固定资产管理台账不清',
  '意识形态工作责任制落实有差距',
  '基层党组织建设薄弱',
  '干部队伍建设统筹不够',
  '上轮巡察整改不彻底',
  '政府采购程序不规范',
  '环境执法案件办理超时限',
];

/** Three inspection rounds of three years each; findings in the inspected departments and units. */
export function buildInspections(b: DatasetBuilder, directory: Directory): ConfirmedFinding[] {
  const { random } = b;
  const rounds: GeneratedRound[] = [];
  const roundRows = b.table('inspections.rounds');
  for (let round = 1; round <= 3; round += 1) {
    const startYear = 2015 + round * 3;
    for (let year = startYear; year < startYear + 3; year += 1) {
      const id = randomUUID();
      const name = `第${['一', '二', '三'][round - 1]}轮巡察（${year}年）`;
      rounds.push({ id, name, year });
      roundRows.push({
        id,
        name,
        round_number: round,
        start_year: startYear,
        end_year: startYear + 2,
        year,
        plan_document_number: `浦环党〔${year}〕${random.int(10, 60)}号`,
        group_leader_id: random.pick(directory.leaders).personId,
        deputy_group_leader_id: random.pick(directory.leaders).personId,
        period_start: `${year}-03-01`,
        period_end: `${year}-11-30`,
        finding_count: 0,
      });
    }
  }

  const findings = b.table('inspections.findings', ['inspections.rounds']);
  const confirmed: ConfirmedFinding[] = [];
  const perRound = new Map<string, number>();
  const total = b.count(2_400, 30);
  for (let i = 0; i < total; i += 1) {
    const round = random.pick(rounds);
    const number = (perRound.get(round.id) ?? 0) + 1;
    perRound.set(round.id, number);
    const target = random.pick(directory.departments);
    const recordedAt = b.instantBetween(
      new Date(`${round.year}-04-01T02:00:00Z`),
      new Date(`${round.year}-10-31T09:00:00Z`),
    );
    const isConfirmed = random.chance(0.9);
    const confirmedAt = isConfirmed ? b.later(recordedAt, 24, 24 * 40) : null;
    const title = `${target.name}${random.pick(FINDING_TITLES)}`;
    const description = `${title}：巡察发现${random.int(2, 9)}处问题，涉及${random.int(1, 30)}个事项，需限期整改。`;
    const id = randomUUID();
    findings.push({
      id,
      round_id: round.id,
      number: String(number),
      target_agency_id: target.id,
      category: random.pick(CATEGORIES),
      title,
      description,
      status: isConfirmed ? 'CONFIRMED' : 'DRAFT',
      recorded_by: random.pick(directory.inspectionMembers).personId,
      recorded_at: recordedAt,
      confirmed_by: isConfirmed ? random.pick(directory.inspectionMembers).personId : null,
      confirmed_at: confirmedAt,
      version: isConfirmed ? 2 : 1,
    });
    if (confirmedAt) {
      confirmed.push({
        id,
        roundId: round.id,
        year: round.year,
        targetAgencyId: target.id,
        title,
        description,
        confirmedAt,
      });
    }
  }
  for (const row of roundRows) row['finding_count'] = perRound.get(row['id'] as string) ?? 0;
  return confirmed;
}
