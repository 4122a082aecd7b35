import { randomUUID } from 'node:crypto';
import type { Principal } from '@eco/auth';
import {
  canListRounds,
  canRecordFindings,
  canSeeFinding,
  groupMemberIds,
  isGroupMember,
} from '../src/domain/access-policy';

const person = (agencyId: string, roles: Principal['roles']): Principal => ({
  personId: randomUUID(),
  agencyId,
  name: 'x',
  roles,
});

describe('inspection access', () => {
  it('shows a partner a finding only once it was granted to its agency', () => {
    const zhuqiao = randomUUID();
    expect(canSeeFinding(person(zhuqiao, ['PARTNER_USER']), [])).toBe(false);
    expect(canSeeFinding(person(zhuqiao, ['PARTNER_USER']), [randomUUID(), zhuqiao])).toBe(true);
    expect(canListRounds(person(zhuqiao, ['PARTNER_USER']))).toBe(false);
  });

  it('lets the inspection group record findings, and not a department clerk or discipline inspection', () => {
    expect(canRecordFindings(person(randomUUID(), ['INSPECTION_MEMBER']))).toBe(true);
    expect(canRecordFindings(person(randomUUID(), ['DEPARTMENT_CLERK']))).toBe(false);
    expect(canRecordFindings(person(randomUUID(), ['DISCIPLINE_READONLY']))).toBe(false);
    expect(canSeeFinding(person(randomUUID(), ['DISCIPLINE_READONLY']), [])).toBe(true);
  });
});

describe("a round's inspection group", () => {
  const leader = randomUUID();
  const staff = randomUUID();
  const group = {
    groupLeaderId: leader,
    deputyGroupLeaderId: null,
    memberDepartments: [{ staff: [{ personId: staff }, { personId: null }] }],
  };

  it('is its leader, deputy and the member departments’ staff with accounts', () => {
    expect([...groupMemberIds(group)].sort()).toEqual([leader, staff].sort());
  });

  it('is decided by the person, not the role: a bureau chief outside the group is not a member', () => {
    expect(isGroupMember({ ...person(randomUUID(), ['INSPECTION_MEMBER']), personId: staff }, group)).toBe(
      true,
    );
    expect(isGroupMember(person(randomUUID(), ['BUREAU_CHIEF']), group)).toBe(false);
    expect(isGroupMember({ ...person(randomUUID(), ['PARTNER_USER']), personId: leader }, group)).toBe(false);
  });
});
