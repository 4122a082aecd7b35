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
 * The overview's rectification figures in one request (the page aggregates in the browser). The
 * supervision part is a separate request in parallel, so one subgraph failing leaves the other shown.
 */
export const OVERVIEW_RECTIFICATION = /* GraphQL */ `
  query OverviewRectification($campaignId: ID!, $weeksFrom: Date!, $weeksTo: Date!) {
    problems(campaignId: $campaignId) {
      id
      displayNumber
      title
      status
      openedAt
      closedAt
      responsibleDepartment {
        id
        name
      }
      measures {
        id
        sequence
        text
        status
        dueAt
        completedAt
        deadline {
          kind
          label
        }
        responsibleAgency {
          id
          name
        }
      }
    }
    weeklyReportWeeks(campaignId: $campaignId, from: $weeksFrom, to: $weeksTo) {
      weekDate
      dueAt
      skipped
      holidayName
      obligations {
        status
        dueAt
      }
    }
  }
`;

export const OVERVIEW_SUPERVISION = /* GraphQL */ `
  query OverviewSupervision {
    supervisionItems(status: OPEN) {
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
    escalations {
      ...EscalationFields
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

/** The weekly page: who owed a report each Wednesday, and the public progress notice. */
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
      summary
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
