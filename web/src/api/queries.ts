// Every operation the dashboard sends to the gateway, in one place: when a subgraph's schema grows
// (lights, escalations, weekly roll-ups), this is the file to update. Result shapes are in types.ts.

export const ME = /* GraphQL */ `
  query Me {
    me {
      id
      name
      title
      roles
      agency {
        id
        name
        kind
        isPartner
      }
    }
  }
`;

export const CAMPAIGNS = /* GraphQL */ `
  query Campaigns {
    rectificationCampaigns {
      id
      name
      sourceTitle
      periodStart
      periodEnd
      weeklyReportsStartOn
      reportDueAt
    }
  }
`;

const ESCALATION_FIELDS = /* GraphQL */ `
  fragment EscalationFields on Escalation {
    id
    level
    state
    triggeredAt
    scheduledAt
    heldAt
    interviewerRole
    intervieweeRole
    interviewer {
      name
    }
    interviewee {
      name
    }
    triggers {
      level
      rule
      detail
      periods
    }
    item {
      id
      title
      responsibleDepartment {
        name
      }
    }
  }
`;

/**
 * The overview's rectification figures in one request, counted by the database (GROUP BY): the
 * page draws them without receiving a row per problem or measure. Only the due lists are rows, at
 * most `$measuresListed` each. The supervision part is a separate request in parallel, so one
 * subgraph failing leaves the other shown. bench/src/queries/dashboard.query.ts sends both as one.
 */
export const OVERVIEW_RECTIFICATION = /* GraphQL */ `
  query OverviewRectification(
    $campaignId: ID!
    $asOf: DateTime!
    $weekEndsAt: DateTime!
    $measuresListed: Int!
    $weeksFrom: Date!
    $weeksTo: Date!
  ) {
    problemCounts(campaignId: $campaignId) {
      department {
        id
        name
      }
      status
      count
    }
    measureCounts(campaignId: $campaignId, asOf: $asOf) {
      department {
        id
        name
      }
      status
      count
      overdue
      dueThisWeek
    }
    measureWeekCounts(campaignId: $campaignId) {
      weekStartsOn
      completed
      due
    }
    overdueMeasures: measuresDue(campaignId: $campaignId, dueBefore: $asOf, first: $measuresListed) {
      ...DueMeasure
    }
    measuresDueThisWeek: measuresDue(
      campaignId: $campaignId
      dueFrom: $asOf
      dueBefore: $weekEndsAt
      first: $measuresListed
    ) {
      ...DueMeasure
    }
    weeklyReportCounts(campaignId: $campaignId, from: $weeksFrom, to: $weeksTo, asOf: $asOf) {
      weekDate
      dueAt
      skipped
      obligations {
        status
        count
      }
    }
  }
  fragment DueMeasure on Measure {
    id
    sequence
    text
    status
    dueAt
    deadline {
      label
    }
    responsibleAgency {
      id
      name
    }
    problem {
      id
      displayNumber
      responsibleDepartment {
        id
        name
      }
    }
  }
`;

/** Open supervised items counted by light, the due lists (at most `$itemsListed` rows each), open interviews. */
export const OVERVIEW_SUPERVISION = /* GraphQL */ `
  query OverviewSupervision($asOf: DateTime!, $weekEndsAt: DateTime!, $itemsListed: Int!) {
    supervisionItemCounts(status: OPEN, asOf: $asOf) {
      light
      count
      overdue
      dueThisWeek
    }
    overdueItems: supervisionItemsDue(dueBefore: $asOf, first: $itemsListed) {
      ...DueItem
    }
    itemsDueThisWeek: supervisionItemsDue(dueFrom: $asOf, dueBefore: $weekEndsAt, first: $itemsListed) {
      ...DueItem
    }
    openEscalations: escalations(states: [TRIGGERED, SCHEDULED]) {
      ...EscalationFields
    }
  }
  fragment DueItem on SupervisionItem {
    id
    title
    category
    light
    dueAt
    responsibleDepartment {
      id
      name
    }
  }
  ${ESCALATION_FIELDS}
`;

export const LEDGER = /* GraphQL */ `
  query Ledger($campaignId: ID!) {
    rectificationLedger(campaignId: $campaignId) {
      displayNumber
      problem {
        id
        displayNumber
        status
      }
      problemDescription
      leadLeader {
        name
      }
      responsibleDepartment {
        id
        name
      }
      measure {
        id
        sequence
        dueAt
      }
      measureText
      deadlineLabel
      status
      verification
      followUpDueOn
    }
  }
`;

const PROBLEM_FIELDS = /* GraphQL */ `
  fragment ProblemFields on Problem {
    id
    displayNumber
    aspect
    title
    description
    status
    openedAt
    closedAt
    campaign {
      id
      name
    }
    leadLeader {
      name
      title
    }
    responsibleDepartment {
      name
    }
    coordinatingAgencies {
      id
      name
    }
    closeoutHistory {
      kind
      reason
      at
      actorName
    }
    measures {
      id
      sequence
      text
      status
      dueAt
      completedAt
      verification
      evidenceNotes
      deadline {
        kind
        label
      }
      responsibleAgency {
        name
      }
      coordinatingAgencies {
        id
        name
      }
      timeline {
        id
        kind
        note
        statusFrom
        statusTo
        evidenceNotes
        at
        actorName
        actorAgency {
          id
          name
          isPartner
        }
        evidence {
          name
          url
          sha256
          sizeBytes
        }
      }
    }
  }
`;

/** What a partner agency may read of a problem: its own measures, no internal records. */
export const PROBLEM = /* GraphQL */ `
  query Problem($id: ID!) {
    problem(id: $id) {
      ...ProblemFields
    }
  }
  ${PROBLEM_FIELDS}
`;

/** Internal staff also see accountability (约谈/问责), the source finding and follow-up plans. */
export const PROBLEM_INTERNAL = /* GraphQL */ `
  query ProblemInternal($id: ID!) {
    problem(id: $id) {
      ...ProblemFields
      sourceFinding {
        id
        number
        title
        round {
          name
        }
      }
      accountabilityRecords {
        id
        kind
        reason
        decidedOn
        people {
          name
        }
        agency {
          name
        }
      }
      measures {
        id
        followUpPlan {
          route
          recordedAt
          timetable {
            step
            dueOn
          }
        }
      }
    }
  }
  ${PROBLEM_FIELDS}
`;

/** Internal only: light history and escalations are refused to partner agencies. */
export const SUPERVISION_ITEMS = /* GraphQL */ `
  query SupervisionItems {
    supervisionItems {
      id
      title
      category
      assessed
      sourcePlatform
      platformNumber
      year
      status
      light
      dueAt
      createdAt
      responsibleDepartment {
        name
      }
      responsiblePerson {
        name
      }
      leadLeader {
        name
      }
      involvedAgencies {
        id
        name
      }
      updates {
        id
        kind
        note
        at
        actorName
        actorAgency {
          name
        }
      }
      lightHistory {
        id
        period
        light
        source
        reason
        recordedAt
        recordedByName
      }
      escalationStatus {
        level
        overLimitReportCount
        triggers {
          level
          rule
          detail
          periods
        }
      }
      escalations {
        ...EscalationFields
      }
    }
  }
  ${ESCALATION_FIELDS}
`;

export const DIRECT_LINE_ITEMS = /* GraphQL */ `
  query DirectLineItems {
    directLineItems {
      id
      kind
      title
      body
      raisedByName
      raisedAt
      status
      answer
      agency {
        id
        name
      }
      department {
        name
      }
      triage {
        ...Clock
      }
      claim {
        ...Clock
      }
      interimReply {
        ...Clock
      }
      answerClock {
        ...Clock
      }
    }
  }
  fragment Clock on DirectLineClock {
    dueAt
    doneAt
    status
  }
`;

const TASK_FIELDS = /* GraphQL */ `
  fragment TaskFields on CoordinationTask {
    id
    version
    title
    status
    subjectKind
    dueAt
    openedAt
    acknowledgeDueAt
    acknowledgement
    acknowledgedAt
    acknowledgedBy {
      name
    }
    agency {
      id
      name
    }
    measure {
      id
      text
      deadline {
        label
      }
    }
    problem {
      id
      displayNumber
      title
    }
    supervisionItem {
      id
      title
    }
    updates {
      id
      kind
      note
      at
      byName
      evidence {
        name
        url
        sha256
        sizeBytes
      }
    }
  }
`;

/** 收件箱: the signed-in agency's coordination tasks. */
export const MY_TASKS = /* GraphQL */ `
  query MyTasks($first: Int!) {
    myTasks(first: $first) {
      totalCount
      edges {
        node {
          ...TaskFields
        }
      }
    }
    directLineRequests {
      id
      kind
      title
      raisedAt
      status
      replies {
        kind
        text
        repliedAt
      }
    }
  }
  ${TASK_FIELDS}
`;

export const ACKNOWLEDGE_TASK = /* GraphQL */ `
  mutation AcknowledgeTask($input: AcknowledgeTaskInput!) {
    acknowledgeTask(input: $input) {
      ok
      error {
        code
        message
        currentVersion
      }
      task {
        ...TaskFields
      }
    }
  }
  ${TASK_FIELDS}
`;

export const REPORT_TASK_PROGRESS = /* GraphQL */ `
  mutation ReportTaskProgress($input: ReportTaskProgressInput!) {
    reportTaskProgress(input: $input) {
      ok
      error {
        code
        message
        currentVersion
        fieldErrors {
          field
          message
        }
      }
      task {
        ...TaskFields
      }
    }
  }
  ${TASK_FIELDS}
`;

/** The weekly page: who owed a report each Wednesday, and the public progress notice's figures and text. */
export const WEEKLY = /* GraphQL */ `
  query Weekly($campaignId: ID!, $from: Date!, $to: Date!, $asOf: Date!) {
    weeklyReportWeeks(campaignId: $campaignId, from: $from, to: $to) {
      weekDate
      dueAt
      skipped
      holidayName
      obligations {
        status
        dueAt
        agency {
          id
          name
        }
        report {
          id
          progress
          practices
          difficulties
          submittedAt
          submittedByName
          onTime
        }
      }
    }
    progressNotice(campaignId: $campaignId, asOf: $asOf) {
      asOf
      aspects
      problems
      problemsCompleted
      measures
      measuresCompleted
      measuresLongTerm
      measuresInProgress
      problemCompletionRate
      measureCompletionRate
      summaryText
      text
      discipline {
        asOf
        casesFiled
        peopleDisciplined
        admonishmentTalks
        regulationsCreated
        regulationsRevised
      }
    }
  }
`;

/**
 * 周汇总: the weeks rolled up (newest first). The week itself names no agency: a partner agency may
 * read it too, and then sees its own row of the coordination part only.
 */
export const WEEKLY_ROLLUPS = /* GraphQL */ `
  query WeeklyRollups {
    weeklyRollups {
      weekOf
      cutOffAt
      moved
      periodStartsAt
      weekStartsOn
      weekEndsOn
      weeklyReportsOwed
      takenAt
      parts
      readyAt
    }
  }
`;

// One request per part, so a part refused to the caller (FORBIDDEN: rectification's is non-null and
// would null the whole week) or not taken yet leaves the others shown. `previous` is the roll-up
// before, for the change of the standing figures; the lists of changes come computed by the API.

const RECTIFICATION_FIGURES = /* GraphQL */ `
  fragment RectificationFigures on RectificationDepartmentWeek {
    measuresOpen
    measuresDueThisWeek
    measuresOverdue
    measuresCompleted
    measuresNew
    problemsOpen
    problemsNew
    problemsClosed
    weeklyReportsOwed
    weeklyReportsOnTime
    weeklyReportsLate
    weeklyReportsMissing
  }
`;

const ROLLUP_PROBLEM = /* GraphQL */ `
  fragment RollupProblem on Problem {
    id
    displayNumber
    title
    responsibleDepartment {
      name
    }
  }
`;

export const WEEKLY_ROLLUP_RECTIFICATION = /* GraphQL */ `
  query WeeklyRollupRectification($weekOf: Date!, $previousWeekOf: Date!, $withPrevious: Boolean!) {
    week: weeklyRollup(weekOf: $weekOf) {
      weekOf
      rectification {
        totals {
          ...RectificationFigures
          newProblems {
            ...RollupProblem
          }
          closedProblems {
            ...RollupProblem
          }
          newlyOverdueMeasures {
            id
            sequence
            text
            dueAt
            problem {
              id
              displayNumber
            }
            responsibleAgency {
              name
            }
          }
        }
        departments {
          department {
            id
            name
          }
          ...RectificationFigures
        }
      }
    }
    previous: weeklyRollup(weekOf: $previousWeekOf) @include(if: $withPrevious) {
      weekOf
      rectification {
        totals {
          ...RectificationFigures
        }
      }
    }
  }
  ${RECTIFICATION_FIGURES}
  ${ROLLUP_PROBLEM}
`;

const SUPERVISION_FIGURES = /* GraphQL */ `
  fragment SupervisionFigures on SupervisionDepartmentWeek {
    itemsOpen
    itemsDueThisWeek
    itemsOverdue
    itemsNew
    itemsClosed
    lightsGreen
    lightsYellow
    lightsRed
    lightChanges
    escalationsTriggered
    reportsOwed
    reportsOnTime
    reportsLate
    reportsMissing
  }
`;

const ROLLUP_ITEM = /* GraphQL */ `
  fragment RollupItem on SupervisionItem {
    id
    title
    responsibleDepartment {
      name
    }
  }
`;

export const WEEKLY_ROLLUP_SUPERVISION = /* GraphQL */ `
  query WeeklyRollupSupervision($weekOf: Date!, $previousWeekOf: Date!, $withPrevious: Boolean!) {
    week: weeklyRollup(weekOf: $weekOf) {
      weekOf
      supervision {
        totals {
          ...SupervisionFigures
          newItems {
            ...RollupItem
          }
          closedItems {
            ...RollupItem
          }
          turnedRedItems {
            ...RollupItem
          }
          newlyOverdueItems {
            ...RollupItem
          }
          escalations {
            id
            level
            item {
              ...RollupItem
            }
          }
        }
        departments {
          department {
            id
            name
          }
          ...SupervisionFigures
        }
      }
    }
    previous: weeklyRollup(weekOf: $previousWeekOf) @include(if: $withPrevious) {
      weekOf
      supervision {
        totals {
          ...SupervisionFigures
        }
      }
    }
  }
  ${SUPERVISION_FIGURES}
  ${ROLLUP_ITEM}
`;

const AGENCY_FIGURES = /* GraphQL */ `
  fragment AgencyFigures on AgencyWeek {
    tasksOpen
    tasksDueThisWeek
    tasksOverdue
    tasksNew
    tasksCompleted
    tasksAcknowledged
    acknowledgementsOverdue
    progressReports
  }
`;

const ROLLUP_TASK = /* GraphQL */ `
  fragment RollupTask on CoordinationTask {
    id
    title
    dueAt
    agency {
      name
    }
  }
`;

/** The agencies' part: a partner agency gets its own agency's row (and totals) only. */
export const WEEKLY_ROLLUP_COORDINATION = /* GraphQL */ `
  query WeeklyRollupCoordination($weekOf: Date!, $previousWeekOf: Date!, $withPrevious: Boolean!) {
    week: weeklyRollup(weekOf: $weekOf) {
      weekOf
      coordination {
        totals {
          ...AgencyFigures
          newTasks {
            ...RollupTask
          }
          completedTasks {
            ...RollupTask
          }
          newlyOverdueTasks {
            ...RollupTask
          }
        }
        agencies {
          agency {
            id
            name
          }
          ...AgencyFigures
        }
      }
    }
    previous: weeklyRollup(weekOf: $previousWeekOf) @include(if: $withPrevious) {
      weekOf
      coordination {
        totals {
          ...AgencyFigures
        }
      }
    }
  }
  ${AGENCY_FIGURES}
  ${ROLLUP_TASK}
`;
