import { randomUUID } from 'node:crypto';
import type { Principal } from '@eco/auth';
import { canActOnTask, canListTasksOf, canSeeTask } from '../src/domain/access-policy';
import type { CoordinationTaskEntity } from '../src/persistence/coordination-task.entity';

const zhuqiao = randomUUID();
const caolu = randomUUID();
const person = (agencyId: string, roles: Principal['roles']): Principal => ({
  personId: randomUUID(),
  agencyId,
  name: 'x',
  roles,
});
const task = { agencyId: zhuqiao } as CoordinationTaskEntity;

describe('coordination task access', () => {
  it("lets a partner see and act on its own agency's task only", () => {
    expect(canSeeTask(person(zhuqiao, ['PARTNER_USER']), task)).toBe(true);
    expect(canActOnTask(person(zhuqiao, ['PARTNER_USER']), task)).toBe(true);
    expect(canSeeTask(person(caolu, ['PARTNER_USER']), task)).toBe(false);
    expect(canActOnTask(person(caolu, ['PARTNER_USER']), task)).toBe(false);
  });

  it('lets bureau staff see every task but act on none', () => {
    const officer = person(randomUUID(), ['RECTIFICATION_OFFICE']);
    expect(canSeeTask(officer, task)).toBe(true);
    expect(canActOnTask(officer, task)).toBe(false);
    expect(canListTasksOf(officer, zhuqiao)).toBe(true);
  });

  it("refuses a partner another agency's inbox", () => {
    expect(canListTasksOf(person(caolu, ['PARTNER_USER']), zhuqiao)).toBe(false);
    expect(canListTasksOf(person(caolu, ['PARTNER_USER']), caolu)).toBe(true);
  });
});
