import { ordinaryStaffShare } from '../src/domain/attendance-rule';

const meeting = (ordinaryStaff: number, others: number) => ({
  leadershipMembers: others,
  middleManagers: 0,
  democraticPartyRepresentatives: 0,
  ordinaryStaff,
});

describe('the mobilisation meeting attendance rule (ordinary staff ≥ 50 % of attendees)', () => {
  it('passes at exactly half and above', () => {
    expect(ordinaryStaffShare(meeting(20, 20))).toEqual({
      total: 40,
      ordinaryStaff: 20,
      share: 0.5,
      meetsRule: true,
    });
    expect(
      ordinaryStaffShare({
        leadershipMembers: 5,
        middleManagers: 12,
        democraticPartyRepresentatives: 2,
        ordinaryStaff: 21,
      }).meetsRule,
    ).toBe(true);
  });

  it('fails one short of half', () => {
    expect(
      ordinaryStaffShare({
        leadershipMembers: 5,
        middleManagers: 12,
        democraticPartyRepresentatives: 3,
        ordinaryStaff: 19,
      }),
    ).toEqual({
      total: 39,
      ordinaryStaff: 19,
      share: 0.4872,
      meetsRule: false,
    });
  });

  it('fails an empty meeting', () => {
    expect(ordinaryStaffShare(meeting(0, 0))).toMatchObject({ total: 0, share: 0, meetsRule: false });
  });

  it('agrees with 2 × ordinary ≥ total for every small meeting', () => {
    for (let others = 0; others <= 30; others++) {
      for (let ordinary = 0; ordinary <= 30; ordinary++) {
        const total = others + ordinary;
        expect(ordinaryStaffShare(meeting(ordinary, others)).meetsRule).toBe(
          total > 0 && ordinary / total >= 0.5,
        );
      }
    }
  });
});
