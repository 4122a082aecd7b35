// Result shapes of the operations in queries.ts (only the fields the pages select).

export type ProblemStatus = 'OPEN' | 'IN_PROGRESS' | 'MEASURES_COMPLETED' | 'CLOSED' | 'REOPENED';
export type MeasureStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
export type MeasureVerification = 'NONE' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
export type MeasureDeadlineKind = 'DATE' | 'DATE_RANGE' | 'MONTH_END' | 'LONG_TERM' | 'NONE';
export type Light = 'GREEN' | 'YELLOW' | 'RED';
export type WeeklyReportStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'DUE';
export type ClockStatus = 'RUNNING' | 'BREACHED' | 'MET' | 'MET_LATE';

export interface Named {
  id?: string;
  name: string;
}

export interface Me {
  id: string;
  name: string;
  title: string | null;
  roles: string[];
  agency: { id: string; name: string; kind: string; isPartner: boolean };
}

export interface Campaign {
  id: string;
  name: string;
  sourceTitle: string;
  periodStart: string;
  periodEnd: string;
  weeklyReportsStartOn: string | null;
  reportDueAt: string | null;
}

/** Of one department in one status: what the database counted for the overview. */
export interface ProblemCount {
  department: { id: string; name: string } | null;
  status: ProblemStatus;
  count: number;
}

export interface MeasureCount {
  department: { id: string; name: string } | null;
  status: MeasureStatus;
  count: number;
  overdue: number;
  dueThisWeek: number;
}

/** Measures completed and falling due in one week (Monday; null: completed before times were kept). */
export interface MeasureWeekCount {
  weekStartsOn: string | null;
  completed: number;
  due: number;
}

/** A measure on the overview's due lists. */
export interface DueMeasure {
  id: string;
  sequence: string;
  text: string;
  status: MeasureStatus;
  dueAt: string | null;
  deadline: { label: string };
  responsibleAgency: { id: string; name: string } | null;
  problem: { id: string; displayNumber: string; responsibleDepartment: { id: string; name: string } | null };
}

export interface SupervisionItemCount {
  light: Light | null;
  count: number;
  overdue: number;
  dueThisWeek: number;
}

export interface SupervisionItemSummary {
  id: string;
  title: string;
  category: string;
  light: Light | null;
  dueAt: string | null;
  responsibleDepartment: { id: string; name: string } | null;
}

export interface WeeklyObligation {
  status: WeeklyReportStatus;
  dueAt: string;
  agency: { id: string; name: string };
  report?: {
    id: string;
    progress: string;
    practices: string;
    difficulties: string | null;
    submittedAt: string;
    submittedByName: string | null;
    onTime: boolean;
  } | null;
}

/** A reporting Wednesday with who owed a report; the overview asks only each obligation's status. */
export interface ReportingWeek<O = WeeklyObligation> {
  weekDate: string;
  dueAt: string | null;
  skipped: boolean;
  holidayName: string | null;
  obligations: O[];
}

export type WeeklyWeek = ReportingWeek<WeeklyObligation>;

/** A reporting week with its obligations counted by status. */
export interface WeeklyReportWeekCounts {
  weekDate: string;
  dueAt: string | null;
  skipped: boolean;
  obligations: { status: WeeklyReportStatus; count: number }[];
}

export interface OverviewRectificationData {
  problemCounts: ProblemCount[];
  measureCounts: MeasureCount[];
  measureWeekCounts: MeasureWeekCount[];
  overdueMeasures: DueMeasure[];
  measuresDueThisWeek: DueMeasure[];
  /** None for a campaign without weekly reports. */
  weeklyReportCounts: WeeklyReportWeekCounts[];
}

export interface EscalationTrigger {
  level: number;
  rule: string;
  detail: string;
  periods: string[];
}

export interface Escalation {
  id: string;
  level: number;
  state: 'TRIGGERED' | 'SCHEDULED' | 'HELD' | 'WAIVED';
  triggeredAt: string;
  scheduledAt: string | null;
  heldAt: string | null;
  interviewerRole: string;
  intervieweeRole: string;
  interviewer: { name: string } | null;
  interviewee: { name: string } | null;
  triggers: EscalationTrigger[];
  item: { id: string; title: string; responsibleDepartment: { name: string } | null };
}

export interface OverviewSupervisionData {
  supervisionItemCounts: SupervisionItemCount[];
  overdueItems: SupervisionItemSummary[];
  itemsDueThisWeek: SupervisionItemSummary[];
  /** Interviews triggered or scheduled, not yet held or waived. */
  openEscalations: Escalation[];
}

export interface LedgerRow {
  displayNumber: string | null;
  problem: { id: string; displayNumber: string; status: ProblemStatus };
  problemDescription: string;
  leadLeader: { name: string } | null;
  responsibleDepartment: { id: string; name: string } | null;
  measure: { id: string; sequence: string; dueAt: string | null } | null;
  measureText: string | null;
  deadlineLabel: string | null;
  status: MeasureStatus | null;
  verification: MeasureVerification | null;
  followUpDueOn: string | null;
}

export interface Evidence {
  name: string;
  url: string | null;
  sha256: string | null;
  sizeBytes: number | null;
}

export interface MeasureUpdate {
  id: string;
  kind: string;
  note: string | null;
  statusFrom: MeasureStatus | null;
  statusTo: MeasureStatus | null;
  evidenceNotes: string[];
  at: string;
  actorName: string | null;
  actorAgency: { id: string; name: string; isPartner: boolean } | null;
  evidence: Evidence[];
}

export interface ProblemMeasure {
  id: string;
  sequence: string;
  text: string;
  status: MeasureStatus;
  dueAt: string | null;
  completedAt: string | null;
  verification: MeasureVerification;
  evidenceNotes: string[];
  deadline: { kind: MeasureDeadlineKind; label: string };
  responsibleAgency: { name: string } | null;
  coordinatingAgencies: { id: string; name: string }[];
  timeline: MeasureUpdate[];
  followUpPlan?: { route: string; recordedAt: string; timetable: { step: string; dueOn: string }[] } | null;
}

export interface ProblemDetail {
  id: string;
  displayNumber: string;
  aspect: string | null;
  title: string;
  description: string;
  status: ProblemStatus;
  openedAt: string;
  closedAt: string | null;
  campaign: { id: string; name: string } | null;
  leadLeader: { name: string; title: string | null } | null;
  responsibleDepartment: { name: string } | null;
  coordinatingAgencies: { id: string; name: string }[];
  closeoutHistory: { kind: string; reason: string | null; at: string; actorName: string | null }[];
  measures: ProblemMeasure[];
  sourceFinding?: { id: string; number: string; title: string; round: { name: string } } | null;
  accountabilityRecords?: {
    id: string;
    kind: string;
    reason: string;
    decidedOn: string;
    people: { name: string }[];
    agency: { name: string } | null;
  }[];
}

export interface SupervisionItem {
  id: string;
  title: string;
  category: string;
  assessed: boolean;
  sourcePlatform: string | null;
  platformNumber: string | null;
  year: number;
  status: 'OPEN' | 'CLOSED';
  leadLeader: { name: string } | null;
  lightHistory: {
    id: string;
    period: string;
    light: Light;
    source: string;
    reason: string | null;
    recordedAt: string;
    recordedByName: string | null;
  }[];
  escalationStatus: { level: number; overLimitReportCount: number; triggers: EscalationTrigger[] };
  escalations: Escalation[];
  light: Light | null;
  dueAt: string | null;
  createdAt: string;
  responsibleDepartment: { name: string } | null;
  responsiblePerson: { name: string } | null;
  involvedAgencies: { id: string; name: string }[];
  updates: {
    id: string;
    kind: string;
    note: string | null;
    at: string;
    actorName: string | null;
    actorAgency: { name: string } | null;
  }[];
}

export interface DirectLineClock {
  dueAt: string;
  doneAt: string | null;
  status: ClockStatus;
}

export interface DirectLineItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  raisedByName: string;
  raisedAt: string;
  status: string;
  answer: string | null;
  agency: { id: string; name: string };
  department: { name: string } | null;
  triage: DirectLineClock;
  claim: DirectLineClock | null;
  interimReply: DirectLineClock | null;
  answerClock: DirectLineClock | null;
}

export interface TaskUpdate {
  id: string;
  kind: string;
  note: string | null;
  at: string;
  byName: string;
  evidence: Evidence[];
}

export interface CoordinationTask {
  id: string;
  version: number;
  title: string;
  status: string;
  subjectKind: string;
  dueAt: string | null;
  openedAt: string;
  acknowledgeDueAt: string | null;
  acknowledgement: string;
  acknowledgedAt: string | null;
  acknowledgedBy: { name: string } | null;
  agency: { id: string; name: string };
  measure: { id: string; text: string; deadline: { label: string } } | null;
  problem: { id: string; displayNumber: string; title: string } | null;
  supervisionItem: { id: string; title: string } | null;
  updates: TaskUpdate[];
}

export interface DirectLineRequest {
  id: string;
  kind: string;
  title: string;
  raisedAt: string;
  status: string;
  replies: { kind: string; text: string; repliedAt: string }[];
}

export interface MutationError {
  code: string;
  message: string;
  currentVersion?: number | null;
  fieldErrors?: { field: string; message: string }[];
}

export interface TaskResult {
  ok: boolean;
  error: MutationError | null;
  task: CoordinationTask | null;
}

export interface ProgressNotice {
  asOf: string;
  aspects: number;
  problems: number;
  problemsCompleted: number;
  measures: number;
  measuresCompleted: number;
  measuresLongTerm: number;
  measuresInProgress: number;
  problemCompletionRate: number;
  measureCompletionRate: number;
  /** Seed 004's progress paragraph (截至…，…N项问题已完成整改X项；…). */
  summaryText: string;
  /** The whole public notice: title, progress paragraph, closing invitation. */
  text: string;
  discipline: {
    asOf: string;
    casesFiled: number;
    peopleDisciplined: number;
    admonishmentTalks: number;
    regulationsCreated: number;
    regulationsRevised: number;
  } | null;
}

// 周汇总 (weekly roll-up): the week as rectification took it, and each subgraph's part.

export type RollupPartName = 'RECTIFICATION' | 'SUPERVISION' | 'AGENCIES';

export interface WeeklyRollupWeek {
  /** The day the schedule names (the Wednesday), even when a holiday moved the cut-off. */
  weekOf: string;
  cutOffAt: string;
  moved: boolean;
  periodStartsAt: string;
  weekStartsOn: string;
  weekEndsOn: string;
  weeklyReportsOwed: boolean;
  takenAt: string;
  parts: RollupPartName[];
  readyAt: string | null;
}

export interface RectificationFigures {
  measuresOpen: number;
  measuresDueThisWeek: number;
  measuresOverdue: number;
  measuresCompleted: number;
  measuresNew: number;
  problemsOpen: number;
  problemsNew: number;
  problemsClosed: number;
  weeklyReportsOwed: number;
  weeklyReportsOnTime: number;
  weeklyReportsLate: number;
  weeklyReportsMissing: number;
}

export interface RollupProblemRef {
  id: string;
  displayNumber: string;
  title: string;
  responsibleDepartment: { name: string } | null;
}

export interface RollupMeasureRef {
  id: string;
  sequence: string;
  text: string;
  dueAt: string | null;
  problem: { id: string; displayNumber: string };
  responsibleAgency: { name: string } | null;
}

export interface RectificationTotals extends RectificationFigures {
  newProblems: RollupProblemRef[];
  closedProblems: RollupProblemRef[];
  newlyOverdueMeasures: RollupMeasureRef[];
}

export interface RectificationRollupPart {
  totals: RectificationTotals;
  departments: (RectificationFigures & { department: { id: string; name: string } | null })[];
}

export interface SupervisionFigures {
  itemsOpen: number;
  itemsDueThisWeek: number;
  itemsOverdue: number;
  itemsNew: number;
  itemsClosed: number;
  lightsGreen: number;
  lightsYellow: number;
  lightsRed: number;
  lightChanges: number;
  escalationsTriggered: number;
  reportsOwed: number;
  reportsOnTime: number;
  reportsLate: number;
  reportsMissing: number;
}

export interface RollupItemRef {
  id: string;
  title: string;
  responsibleDepartment: { name: string } | null;
}

export interface SupervisionTotals extends SupervisionFigures {
  newItems: RollupItemRef[];
  closedItems: RollupItemRef[];
  turnedRedItems: RollupItemRef[];
  newlyOverdueItems: RollupItemRef[];
  escalations: { id: string; level: number; item: RollupItemRef }[];
}

export interface SupervisionRollupPart {
  totals: SupervisionTotals;
  departments: (SupervisionFigures & { department: { id: string; name: string } | null })[];
}

export interface AgencyFigures {
  tasksOpen: number;
  tasksDueThisWeek: number;
  tasksOverdue: number;
  tasksNew: number;
  tasksCompleted: number;
  tasksAcknowledged: number;
  acknowledgementsOverdue: number;
  progressReports: number;
}

export interface RollupTaskRef {
  id: string;
  title: string;
  dueAt: string | null;
  agency: { name: string };
}

export interface AgencyTotals extends AgencyFigures {
  newTasks: RollupTaskRef[];
  completedTasks: RollupTaskRef[];
  newlyOverdueTasks: RollupTaskRef[];
}

export interface CoordinationRollupPart {
  totals: AgencyTotals;
  agencies: (AgencyFigures & { agency: { id: string; name: string } | null })[];
}

/** One part's query: the selected week's part and, when there is one, the previous roll-up's totals. */
export interface RollupPartData<Part, Figures, Name extends string> {
  week: ({ weekOf: string } & Record<Name, Part | null>) | null;
  previous?: ({ weekOf: string } & Record<Name, { totals: Figures } | null>) | null;
}
