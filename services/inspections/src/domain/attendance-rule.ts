/**
 * Seed 000 §五(二)1: the mobilisation meeting (动员会) is attended by the whole leadership team,
 * middle managers and above, democratic-party representatives and ordinary staff representatives,
 * the last being at least 50 % of everyone attending (不少于出席会议总人数的50%).
 */
export interface MobilisationAttendance {
  leadershipMembers: number;
  middleManagers: number;
  democraticPartyRepresentatives: number;
  ordinaryStaff: number;
}

export interface OrdinaryStaffShare {
  total: number;
  ordinaryStaff: number;
  /** 0–1, four decimals; 0 for an empty meeting. */
  share: number;
  meetsRule: boolean;
}

export function attendanceTotal(attendance: MobilisationAttendance): number {
  return (
    attendance.leadershipMembers +
    attendance.middleManagers +
    attendance.democraticPartyRepresentatives +
    attendance.ordinaryStaff
  );
}

/** Integer arithmetic decides the rule (2 × ordinary ≥ total), so 50 % exactly passes. */
export function ordinaryStaffShare(attendance: MobilisationAttendance): OrdinaryStaffShare {
  const total = attendanceTotal(attendance);
  return {
    total,
    ordinaryStaff: attendance.ordinaryStaff,
    share: total === 0 ? 0 : Math.round((attendance.ordinaryStaff / total) * 10_000) / 10_000,
    meetsRule: total > 0 && attendance.ordinaryStaff * 2 >= total,
  };
}
