import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/**
 * Issue #4: the whole internal inspection round of seed 000: the round's plan (group, members,
 * special inspections, budget, outside firm, report, closing), its targets with their windows,
 * phases and extensions, the check-item list, activities, interviews, survey answers, site-visit
 * checks, the per-unit feedback, and the findings' target, check item, severity, evidence and
 * referral. Every new column has a default or is nullable, so rows written before stay valid.
 * These tables hold no partner-agency rows (partners are refused by the application, ADR 0006).
 */
export class InspectionRoundInFull1763800000020 implements MigrationInterface {
  name = 'InspectionRoundInFull1763800000020';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      ALTER TABLE ${s}.rounds
        ADD COLUMN member_departments jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN special_inspections jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN budget_lines jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN outside_firm jsonb,
        ADD COLUMN checklist_revision int NOT NULL DEFAULT 0,
        ADD COLUMN checklist_source text,
        ADD COLUMN report jsonb,
        ADD COLUMN status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        ADD COLUMN closed_on date,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN version int NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE ${s}.targets (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES ${s}.rounds(id),
        agency_id uuid NOT NULL,
        sequence int NOT NULL,
        on_site_from date,
        on_site_until date,
        originally_planned_until date,
        phase text NOT NULL DEFAULT 'PREPARATION'
          CHECK (phase IN ('PREPARATION','ON_SITE','SUMMARY','RECTIFICATION_SUPERVISION','CLOSED')),
        unit_notified_on date,
        unit_notice_reference text,
        public_notice_posted_on date,
        public_notice_removed_on date,
        rectification_check jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (round_id, agency_id),
        UNIQUE (round_id, sequence),
        CHECK ((on_site_from IS NULL) = (on_site_until IS NULL)),
        CHECK (on_site_until IS NULL OR on_site_until >= on_site_from)
      )`);
    await q.query(`
      CREATE TABLE ${s}.target_phases (
        target_id uuid NOT NULL REFERENCES ${s}.targets(id),
        phase text NOT NULL,
        ordinal int NOT NULL,
        planned_start date,
        planned_end date,
        actual_start date,
        actual_end date,
        PRIMARY KEY (target_id, phase)
      )`);
    await q.query(`
      CREATE TABLE ${s}.window_extensions (
        id uuid PRIMARY KEY,
        target_id uuid NOT NULL REFERENCES ${s}.targets(id),
        previous_until date NOT NULL,
        new_until date NOT NULL CHECK (new_until > previous_until),
        reason text NOT NULL,
        decided_by uuid NOT NULL,
        decided_on date NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX window_extensions_target ON ${s}.window_extensions (target_id)`);
    await q.query(`
      CREATE TABLE ${s}.checklist_items (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES ${s}.rounds(id),
        revision int NOT NULL,
        position int NOT NULL,
        category_number int NOT NULL,
        category text NOT NULL,
        item_number int NOT NULL,
        item text NOT NULL,
        checks text NOT NULL,
        assigned_staff text[] NOT NULL DEFAULT '{}',
        source_row int,
        superseded_at timestamptz,
        UNIQUE (round_id, revision, position)
      )`);
    await q.query(`
      CREATE TABLE ${s}.activities (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES ${s}.rounds(id),
        target_id uuid NOT NULL REFERENCES ${s}.targets(id),
        kind text NOT NULL CHECK (kind IN ('MOBILISATION_MEETING','DOCUMENT_REVIEW','SITE_VISIT')),
        held_on date NOT NULL,
        note text,
        attendance jsonb,
        documents text[] NOT NULL DEFAULT '{}',
        check_item_id uuid REFERENCES ${s}.checklist_items(id),
        site text,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX activities_target ON ${s}.activities (target_id, held_on)`);
    // One mobilisation meeting per unit: the backstop of the use case's own check.
    await q.query(
      `CREATE UNIQUE INDEX activities_one_mobilisation ON ${s}.activities (target_id) WHERE kind = 'MOBILISATION_MEETING'`,
    );
    await q.query(`
      CREATE TABLE ${s}.interviews (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES ${s}.rounds(id),
        target_id uuid NOT NULL REFERENCES ${s}.targets(id),
        held_on date NOT NULL,
        interviewee_name text NOT NULL,
        interviewee_role text NOT NULL CHECK (interviewee_role IN ('LEADERSHIP_MEMBER','MIDDLE_MANAGER','OTHER_STAFF')),
        notes text NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX interviews_target ON ${s}.interviews (target_id, held_on)`);
    await q.query(`
      CREATE TABLE ${s}.survey_responses (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES ${s}.rounds(id),
        target_id uuid NOT NULL REFERENCES ${s}.targets(id),
        respondent_group text,
        staff_satisfaction text NOT NULL CHECK (staff_satisfaction IN ('SATISFIED','BASICALLY_SATISFIED','DISSATISFIED')),
        leadership_satisfaction text NOT NULL CHECK (leadership_satisfaction IN ('SATISFIED','BASICALLY_SATISFIED','DISSATISFIED')),
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX survey_responses_target ON ${s}.survey_responses (target_id)`);
    await q.query(`
      CREATE TABLE ${s}.site_visit_checks (
        id uuid PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES ${s}.activities(id),
        position int NOT NULL,
        finding_id uuid REFERENCES ${s}.findings(id),
        problem_id uuid,
        result text NOT NULL CHECK (result IN ('RECTIFIED','INSUFFICIENT','FALSE_RECTIFICATION')),
        note text,
        CHECK (finding_id IS NOT NULL OR problem_id IS NOT NULL),
        UNIQUE (activity_id, position)
      )`);
    await q.query(`
      CREATE TABLE ${s}.unit_feedbacks (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES ${s}.rounds(id),
        target_id uuid NOT NULL UNIQUE REFERENCES ${s}.targets(id),
        title text NOT NULL,
        content text NOT NULL,
        issued_on date NOT NULL,
        plan_due_at timestamptz NOT NULL,
        report_due_at timestamptz NOT NULL,
        issued_by uuid NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await q.query(`
      ALTER TABLE ${s}.findings
        ADD COLUMN target_id uuid REFERENCES ${s}.targets(id),
        ADD COLUMN check_item_id uuid REFERENCES ${s}.checklist_items(id),
        ADD COLUMN severity text NOT NULL DEFAULT 'GENERAL' CHECK (severity IN ('GENERAL','SIGNIFICANT','SERIOUS')),
        ADD COLUMN evidence text[] NOT NULL DEFAULT '{}',
        ADD COLUMN feedback_id uuid REFERENCES ${s}.unit_feedbacks(id),
        ADD COLUMN referred_to_discipline_on date,
        ADD COLUMN referral_note text,
        ADD COLUMN referred_by uuid`);
    await q.query(`CREATE INDEX findings_target ON ${s}.findings (target_id)`);
    await q.query(`CREATE INDEX findings_round ON ${s}.findings (round_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP INDEX ${s}.findings_round`);
    await q.query(`DROP INDEX ${s}.findings_target`);
    await q.query(`
      ALTER TABLE ${s}.findings
        DROP COLUMN referred_by,
        DROP COLUMN referral_note,
        DROP COLUMN referred_to_discipline_on,
        DROP COLUMN feedback_id,
        DROP COLUMN evidence,
        DROP COLUMN severity,
        DROP COLUMN check_item_id,
        DROP COLUMN target_id`);
    for (const table of [
      'unit_feedbacks',
      'site_visit_checks',
      'survey_responses',
      'interviews',
      'activities',
      'checklist_items',
      'window_extensions',
      'target_phases',
      'targets',
    ]) {
      await q.query(`DROP TABLE ${s}.${table}`);
    }
    await q.query(`
      ALTER TABLE ${s}.rounds
        DROP COLUMN version,
        DROP COLUMN closed_at,
        DROP COLUMN closed_on,
        DROP COLUMN status,
        DROP COLUMN report,
        DROP COLUMN checklist_source,
        DROP COLUMN checklist_revision,
        DROP COLUMN outside_firm,
        DROP COLUMN budget_lines,
        DROP COLUMN special_inspections,
        DROP COLUMN member_departments`);
  }
}
