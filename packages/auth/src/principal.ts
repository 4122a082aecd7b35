import { z } from 'zod';

/** Roles that act in the system (DOMAIN.md, "Organisations and people"). */
export const ROLES = [
  'BUREAU_CHIEF', // 局长 / 党组书记
  'DEPUTY_CHIEF', // 副局长 (分管领导)
  'DEPARTMENT_HEAD', // 处室负责人
  'DEPARTMENT_CLERK', // 内勤
  'SUPERVISION_OFFICER', // 办公室督查岗
  'RECTIFICATION_OFFICE', // 审计办公室 / 整改办
  'INSPECTION_MEMBER', // 巡察组成员
  'UNIT_LIAISON', // 局属单位联络员
  'PARTNER_USER', // 街镇、执法局等外部单位用户
  'DISCIPLINE_READONLY', // 纪检监察 (只读)
  'SYSTEM_OPERATOR', // 信息化运维: the system's plumbing (dead letters), never the records themselves
] as const;

export type Role = (typeof ROLES)[number];

export const principalSchema = z.object({
  personId: z.string().uuid(),
  agencyId: z.string().uuid(),
  name: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
});

/** The caller, as derived by the gateway from a verified token and forwarded to every subgraph. */
export type Principal = z.infer<typeof principalSchema>;

/** A partner-agency user sees only what is assigned to, or raised by, their own agency. */
export function isPartner(principal: Principal): boolean {
  return principal.roles.includes('PARTNER_USER');
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
