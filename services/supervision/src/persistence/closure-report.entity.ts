import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface AttachedDocument {
  name: string;
  url: string | null;
}

/** 历史遗留问题"攻坚"行动事项销项的情况报告 (seed 001 annex 4). */
@Entity({ name: 'closure_reports' })
export class ClosureReportEntity {
  /** The item's id: one per item. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** 事项编号 */
  @Column({ type: 'text' })
  itemNumber!: string;

  /** 事项名称 */
  @Column({ type: 'text' })
  itemName!: string;

  /** 报送机构 */
  @Column({ type: 'uuid' })
  reportingAgencyId!: string;

  /** 问题描述 */
  @Column({ type: 'text' })
  problemDescription!: string;

  /** 解决情况 */
  @Column({ type: 'text' })
  resolution!: string;

  /** 附件: 区生态环境局历史遗留"攻坚"行动工作解决方案 */
  @Column({ type: 'jsonb' })
  solutionDocument!: AttachedDocument;

  /** 附件: 意见征询表（盖章同意） */
  @Column({ type: 'jsonb' })
  consentForm!: AttachedDocument;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
