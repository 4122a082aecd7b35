import { localDateOf } from '@eco/calendar';
import type { Ledger, LedgerMeasure, LedgerProblem, MeasureDeadline } from '@eco/exports';

/** A campaign's problems and measures, as much of them as the caller may see (the API's scoping). */
export const LEDGER_FIELDS = `
  fragment LedgerCampaign on RectificationCampaign {
    name
    periodStart
    officeAgency { name }
    problems {
      number
      displayNumber
      description
      leadLeader { name }
      responsibleDepartment { id name }
      measures {
        sequence
        text
        status
        verification
        evidenceNotes
        completedAt
        deadline { kind startsOn dueOn label }
      }
    }
  }
`;

export const LEDGER_EXPORT_QUERY = `
  query LedgerExport($campaignId: ID!) {
    rectificationCampaign(id: $campaignId) { ...LedgerCampaign }
  }
  ${LEDGER_FIELDS}
`;

export interface ApiMeasure {
  sequence: string;
  text: string;
  status: LedgerMeasure['status'];
  verification: NonNullable<LedgerMeasure['verification']> | null;
  evidenceNotes: string[] | null;
  completedAt: string | null;
  deadline: {
    kind: MeasureDeadline['kind'];
    startsOn: string | null;
    dueOn: string | null;
    label: string | null;
  } | null;
}

export interface ApiProblem {
  number: string;
  displayNumber: string;
  description: string;
  leadLeader: { name: string | null } | null;
  responsibleDepartment: { id: string; name: string | null } | null;
  measures: ApiMeasure[] | null;
}

export interface ApiCampaign {
  name: string;
  periodStart: string;
  officeAgency: { name: string | null } | null;
  problems: ApiProblem[] | null;
}

/** The renderer's deadline; a dated kind the API sent without its dates keeps only its words. */
export function deadlineOf(deadline: ApiMeasure['deadline']): MeasureDeadline {
  const label = deadline?.label || null;
  switch (deadline?.kind) {
    case 'DATE':
    case 'MONTH_END':
      return deadline.dueOn ? { kind: deadline.kind, dueOn: deadline.dueOn, label } : { kind: 'NONE', label };
    case 'DATE_RANGE':
      return deadline.startsOn && deadline.dueOn
        ? { kind: 'DATE_RANGE', startsOn: deadline.startsOn, dueOn: deadline.dueOn, label }
        : { kind: 'NONE', label };
    case 'LONG_TERM':
      return { kind: 'LONG_TERM', label };
    default:
      return { kind: 'NONE', label };
  }
}

export function ledgerMeasureOf(measure: ApiMeasure): LedgerMeasure {
  return {
    sequence: measure.sequence,
    text: measure.text,
    deadline: deadlineOf(measure.deadline),
    status: measure.status,
    verification: measure.verification,
    evidenceNotes: measure.evidenceNotes ?? [],
    completedOn: measure.completedAt ? localDateOf(new Date(measure.completedAt)) : null,
  };
}

export function ledgerProblemOf(problem: ApiProblem): LedgerProblem {
  return {
    displayNumber: problem.displayNumber,
    description: problem.description,
    leadLeader: problem.leadLeader?.name ?? null,
    responsibleDepartment: problem.responsibleDepartment?.name ?? null,
    measures: (problem.measures ?? []).map(ledgerMeasureOf),
  };
}

/** The ledger's order (the rectification service's): by our number, 1-1 before 1-2 before 2 before 10. */
export function inLedgerOrder(problems: readonly ApiProblem[]): ApiProblem[] {
  return [...problems].sort((a, b) => a.number.localeCompare(b.number, 'zh', { numeric: true }));
}

/** Seed 003 annex 1's table for one campaign: 推进落实市委巡视整改工作措施一览表. */
export function ledgerOf(campaign: ApiCampaign, asOf: string): Ledger {
  return {
    title: `${campaign.name}工作措施一览表`,
    // Seed 003: 完成时限 (自8月29日起), the first day of the concentrated period.
    deadlinesCountFrom: campaign.periodStart,
    reportingUnit: campaign.officeAgency?.name ?? null,
    asOf,
    problems: inLedgerOrder(campaign.problems ?? []).map(ledgerProblemOf),
  };
}

/** 推进落实市委巡视整改台账-2023-09-20.xlsx */
export const ledgerFileName = (campaign: Pick<ApiCampaign, 'name'>, asOf: string) =>
  `${campaign.name}台账-${asOf}.xlsx`;
