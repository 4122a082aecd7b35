import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface GroupStaffRecord {
  name: string;
  personId: string | null;
}

/** 成员单位: a member department of the inspection group and the staff it contributes (业务骨干). */
export interface MemberDepartmentRecord {
  agencyId: string;
  staff: GroupStaffRecord[];
}

/** 专项巡察, e.g. the use of union funds, with the points it looks at. */
export interface SpecialInspectionRecord {
  title: string;
  focus: string[];
}

/** A budget line, e.g. the third-party audit fee; amounts as decimal strings of yuan (no floats). */
export interface BudgetLineRecord {
  purpose: string;
  amountYuan: string;
  fundingSource: string | null;
}

/** The outside firm engaged (第三方中介机构) and how it was procured. */
export interface OutsideFirmRecord {
  name: string;
  service: string | null;
  procurementRoute: string | null;
}

/** 巡察报告: the round report to the bureau's Party group (局党组). */
export interface RoundReportRecord {
  title: string;
  summary: string;
  submittedOn: string;
  submittedBy: string;
  submittedAt: string;
}

export type RoundStatus = 'OPEN' | 'CLOSED';

@Entity({ name: 'rounds' })
export class InspectionRoundEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  roundNumber!: number;

  @Column({ type: 'int' })
  startYear!: number;

  @Column({ type: 'int' })
  endYear!: number;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text', nullable: true })
  planDocumentNumber!: string | null;

  @Column({ type: 'uuid', nullable: true })
  groupLeaderId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  deputyGroupLeaderId!: string | null;

  @Column({ type: 'date', nullable: true })
  periodStart!: string | null;

  @Column({ type: 'date', nullable: true })
  periodEnd!: string | null;

  @Column({ type: 'int', default: 0 })
  findingCount!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  memberDepartments!: MemberDepartmentRecord[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  specialInspections!: SpecialInspectionRecord[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  budgetLines!: BudgetLineRecord[];

  @Column({ type: 'jsonb', nullable: true })
  outsideFirm!: OutsideFirmRecord | null;

  /** The check-item list in force: 0 before any list, bumped by every import. */
  @Column({ type: 'int', default: 0 })
  checklistRevision!: number;

  @Column({ type: 'text', nullable: true })
  checklistSource!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  report!: RoundReportRecord | null;

  @Column({ type: 'text', default: 'OPEN' })
  status!: RoundStatus;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
