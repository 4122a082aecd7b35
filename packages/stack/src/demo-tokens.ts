import { demoPerson } from '@eco/demo-data';
import { signUserToken } from '@eco/auth';
import type { Role } from '@eco/auth';

/** The demo users the quick start prints tokens for. */
export const DEMO_TOKEN_USERS = [
  { label: 'bureau leader (副局长 薛加良)', code: 'xue-jialiang' },
  { label: 'rectification office (整改办)', code: 'demo-rectification-office' },
  { label: 'department clerk (市容环卫处内勤)', code: 'demo-sanitation-clerk' },
  { label: '祝桥镇 user', code: 'demo-zhuqiao' },
  { label: '曹路镇 user', code: 'demo-caolu' },
  { label: 'enforcement bureau user (区城管执法局)', code: 'demo-enforcement' },
] as const;

export async function demoToken(
  settings: { issuer: string; audience: string; hs256Secret: string },
  personCode: string,
  ttlSeconds = 30 * 24 * 3600,
): Promise<string> {
  const person = demoPerson(personCode);
  return signUserToken(
    settings,
    { personId: person.id, agencyId: person.agencyId, name: person.name, roles: person.roles as Role[] },
    ttlSeconds,
  );
}
