import {
  agencyIdOf,
  DEMO_AGENCIES,
  DEMO_PEOPLE,
  personIdOf,
  SEED_003_CAMPAIGN,
  seed004Problems,
} from '@eco/demo-data';
import type { DemoProblem, Seed004Problem } from '@eco/demo-data';
import type { Ledger, LedgerProblem } from '../src';

const personNames = new Map(DEMO_PEOPLE.map((p) => [personIdOf(p.code), p.name]));
const agencyNames = new Map(DEMO_AGENCIES.map((a) => [agencyIdOf(a.code), a.name]));

/** 序号 as the rectification service prints it: 1 (21). */
const displayNumber = (p: Pick<DemoProblem, 'number' | 'sourceNumber'>) =>
  p.sourceNumber && p.sourceNumber !== p.number ? `${p.number} (${p.sourceNumber})` : p.number;

/** A demo problem as the ledger takes it: names instead of ids, as the gateway will resolve them. */
export function ledgerProblemOf(problem: DemoProblem | Seed004Problem): LedgerProblem {
  return {
    displayNumber: displayNumber(problem),
    description: problem.description,
    leadLeader: personNames.get(problem.leadLeaderId) ?? null,
    responsibleDepartment: agencyNames.get(problem.responsibleDepartmentId) ?? null,
    measures: problem.measures.map((m) => ({
      sequence: m.sequence,
      text: m.text,
      deadline: m.deadline,
      status: m.status,
      evidenceNotes: m.evidenceNotes,
      completedOn: 'completedOn' in m ? m.completedOn : null,
    })),
  };
}

/** Seed 003 annex 1 as a ledger (its 10 measures under 4 problems). */
export function seed003Ledger(overrides: Partial<Ledger> = {}): Ledger {
  return {
    title: `${SEED_003_CAMPAIGN.name}工作措施一览表`,
    deadlinesCountFrom: SEED_003_CAMPAIGN.periodStart,
    reportingUnit: '审计办公室',
    contact: '整改办',
    contactPhone: '021-00000000',
    asOf: '2023-09-20',
    problems: SEED_003_CAMPAIGN.problems.map(ledgerProblemOf),
    ...overrides,
  };
}

/** Seed 004's proportions: 64 problems, 186 measures, 59 and 179 completed. */
export function seed004Ledger(): Ledger {
  return {
    title: '巡视整改工作措施一览表',
    deadlinesCountFrom: '2025-02-28',
    problems: seed004Problems().map(ledgerProblemOf),
  };
}

export const seed003ProblemsOf = (department: string): LedgerProblem[] =>
  SEED_003_CAMPAIGN.problems.map(ledgerProblemOf).filter((p) => p.responsibleDepartment === department);
