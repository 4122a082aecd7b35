import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '@eco/auth';
import { agencyIdOf, DEMO_AGENCIES, DEMO_PEOPLE, personIdOf } from '@eco/demo-data';
import type { DemoAgencyKind } from '@eco/demo-data';
import type { DatasetBuilder } from './dataset';
import { WeightedPool } from './random';

/** The directory size the issue names: about 220 organisations, whatever the scale of the work. */
export const AGENCY_COUNT = 220;

export interface GeneratedAgency {
  id: string;
  code: string;
  name: string;
  kind: DemoAgencyKind;
}

export interface Directory {
  agencies: GeneratedAgency[];
  /** Internal departments and affiliated units: responsible for problems, measures and items. */
  departments: GeneratedAgency[];
  /** Outside agencies (townships, sub-districts, the enforcement bureau, other offices). */
  partners: GeneratedAgency[];
  /** Townships and sub-districts: those that raise direct-line items. */
  townships: GeneratedAgency[];
  /** Busy townships and the enforcement bureau get far more coordination work than quiet offices. */
  partnerPool: WeightedPool<GeneratedAgency>;
  /** The partner user who acts for each outside agency (its liaison). */
  liaisonOf: Map<string, Principal>;
  /** Staff of each department (clerks and heads). */
  staffOf: Map<string, Principal[]>;
  /** Bureau leaders: lead leaders of problems (牵头领导). */
  leaders: Principal[];
  inspectionMembers: Principal[];
  rectificationOffice: Principal;
}

// Pudong's towns and sub-districts beyond the seed's seven, then the bureau's other departments and units.
const MORE_TOWNS = [
  '川沙新镇',
  '高桥镇',
  '北蔡镇',
  '唐镇',
  '金桥镇',
  '高行镇',
  '高东镇',
  '张江镇',
  '三林镇',
  '惠南镇',
  '周浦镇',
  '新场镇',
  '大团镇',
  '康桥镇',
  '航头镇',
  '泥城镇',
  '宣桥镇',
  '书院镇',
  '万祥镇',
  '老港镇',
  '南汇新城镇',
];
const MORE_SUB_DISTRICTS = [
  '陆家嘴街道',
  '周家渡街道',
  '上钢新村街道',
  '南码头路街道',
  '沪东新村街道',
  '金杨新村街道',
  '浦兴路街道',
  '东明路街道',
];
const MORE_DEPARTMENTS = [
  '法规处',
  '综合规划处',
  '水生态环境处',
  '大气环境处',
  '土壤生态处',
  '固体废物管理处',
  '环境影响评价处',
  '生态监测处',
  '应急管理处',
  '宣传教育处',
  '科技处',
  '机关党委',
  '行政审批处',
  '林业处',
  '绿化管理处',
  '市容管理处',
  '信息中心',
];
const AFFILIATED_PREFIXES = ['环境监测站', '绿化养护所', '环卫所', '林业站', '固废处置场', '执法大队'];
const OTHER_OFFICE_PREFIXES = [
  '区水务局',
  '区规划资源局',
  '区商务委',
  '区农业农村委',
  '区卫健委',
  '区国资委',
  '区教育局',
  '区文旅局',
];

const PARTNER_KINDS: ReadonlySet<DemoAgencyKind> = new Set([
  'TOWN',
  'SUB_DISTRICT',
  'ENFORCEMENT_BUREAU',
  'OTHER_OFFICE',
]);

/** How much coordination work lands on an agency, relative to a quiet office. */
function workloadWeight(agency: GeneratedAgency): number {
  if (['zhuqiao', 'caolu', 'heqing'].includes(agency.code)) return 30;
  if (agency.kind === 'ENFORCEMENT_BUREAU') return 25;
  if (agency.kind === 'TOWN' || agency.kind === 'SUB_DISTRICT') return 6;
  return 0.5;
}

function principal(id: string, agencyId: string, name: string, roles: Role[]): Principal {
  return { personId: id, agencyId, name, roles };
}

/** The seed's organisations and demo people (stable ids), then generated ones up to ~220 agencies. */
export function buildDirectory(b: DatasetBuilder): Directory {
  const { random } = b;
  const agencies: GeneratedAgency[] = DEMO_AGENCIES.map((a) => ({
    id: agencyIdOf(a.code),
    code: a.code,
    name: a.name,
    kind: a.kind,
  }));
  const parentOf = new Map(
    DEMO_AGENCIES.map((a) => [agencyIdOf(a.code), a.parentCode ? agencyIdOf(a.parentCode) : null]),
  );
  const bureauId = agencyIdOf('bureau');
  const add = (code: string, name: string, kind: DemoAgencyKind, parentId: string | null) => {
    const agency = { id: randomUUID(), code, name, kind };
    agencies.push(agency);
    parentOf.set(agency.id, parentId);
  };
  MORE_TOWNS.forEach((name, i) => add(`bench-town-${i + 1}`, name, 'TOWN', null));
  MORE_SUB_DISTRICTS.forEach((name, i) => add(`bench-sub-district-${i + 1}`, name, 'SUB_DISTRICT', null));
  MORE_DEPARTMENTS.forEach((name, i) =>
    add(`bench-department-${i + 1}`, name, 'INTERNAL_DEPARTMENT', bureauId),
  );
  for (let i = 0; i < 24; i += 1) {
    const prefix = AFFILIATED_PREFIXES[i % AFFILIATED_PREFIXES.length]!;
    add(
      `bench-unit-${i + 1}`,
      `${prefix}（第${Math.floor(i / AFFILIATED_PREFIXES.length) + 1}）`,
      'AFFILIATED_UNIT',
      bureauId,
    );
  }
  for (let i = 0; agencies.length < AGENCY_COUNT; i += 1) {
    const prefix = OTHER_OFFICE_PREFIXES[i % OTHER_OFFICE_PREFIXES.length]!;
    add(
      `bench-office-${i + 1}`,
      `${prefix}下属单位${Math.floor(i / OTHER_OFFICE_PREFIXES.length) + 1}`,
      'OTHER_OFFICE',
      null,
    );
  }

  // Parents first, so the foreign key holds within one statement's order too.
  b.table('agencies.agencies').push(
    ...agencies
      .map((a) => ({
        id: a.id,
        code: a.code,
        name: a.name,
        kind: a.kind,
        parent_id: parentOf.get(a.id) ?? null,
      }))
      .sort((x, y) => Number(x.parent_id !== null) - Number(y.parent_id !== null)),
  );

  const people = b.table('agencies.people', ['agencies.agencies']);
  const memberships = b.table('agencies.memberships', ['agencies.people']);
  const added = new Set<string>();
  const addPerson = (p: Principal, title: string) => {
    if (added.has(p.personId)) return;
    added.add(p.personId);
    people.push({ id: p.personId, name: p.name, title, agency_id: p.agencyId, roles: p.roles });
  };

  const demoPrincipals = DEMO_PEOPLE.map((p) => ({
    demo: p,
    principal: principal(personIdOf(p.code), agencyIdOf(p.agencyCode), p.name, p.roles as Role[]),
  }));
  for (const { demo, principal: p } of demoPrincipals) addPerson(p, demo.title);

  const liaisonOf = new Map<string, Principal>();
  const staffOf = new Map<string, Principal[]>();
  for (const { principal: p } of demoPrincipals) {
    if (p.roles.includes('PARTNER_USER')) liaisonOf.set(p.agencyId, p);
    if (p.roles.some((r) => r === 'DEPARTMENT_CLERK' || r === 'DEPARTMENT_HEAD')) {
      staffOf.set(p.agencyId, [...(staffOf.get(p.agencyId) ?? []), p]);
    }
  }

  for (const agency of agencies) {
    if (agency.kind === 'BUREAU_LEADERSHIP') continue;
    const partner = PARTNER_KINDS.has(agency.kind);
    if (partner) {
      if (!liaisonOf.has(agency.id)) {
        const liaison = principal(randomUUID(), agency.id, `${agency.name}联络员`, ['PARTNER_USER']);
        addPerson(liaison, '联络员');
        liaisonOf.set(agency.id, liaison);
      }
      for (let i = random.int(1, 3); i > 0; i -= 1) {
        addPerson(
          principal(randomUUID(), agency.id, `${agency.name}工作人员${i}`, ['PARTNER_USER']),
          '工作人员',
        );
      }
      continue;
    }
    const staff = staffOf.get(agency.id) ?? [];
    staff.push(principal(randomUUID(), agency.id, `${agency.name}负责人`, ['DEPARTMENT_HEAD']));
    for (let i = random.int(2, 4); i > 0; i -= 1) {
      staff.push(principal(randomUUID(), agency.id, `${agency.name}内勤${i}`, ['DEPARTMENT_CLERK']));
    }
    for (const p of staff) addPerson(p, p.roles.includes('DEPARTMENT_HEAD') ? '负责人' : '内勤');
    staffOf.set(agency.id, staff);
    if (agency.kind === 'AFFILIATED_UNIT') {
      addPerson(principal(randomUUID(), agency.id, `${agency.name}联络员`, ['UNIT_LIAISON']), '联络员');
    }
  }
  for (const liaison of liaisonOf.values()) {
    memberships.push({ person_id: liaison.personId, agency_id: liaison.agencyId, kind: 'LIAISON' });
  }

  const partners = agencies.filter((a) => PARTNER_KINDS.has(a.kind));
  const leaders = demoPrincipals
    .filter(({ principal: p }) => p.roles.includes('DEPUTY_CHIEF') || p.roles.includes('BUREAU_CHIEF'))
    .map(({ principal: p }) => p);
  const rectificationOffice = demoPrincipals.find(
    ({ demo }) => demo.code === 'demo-rectification-office',
  )!.principal;
  return {
    agencies,
    departments: agencies.filter((a) => a.kind === 'INTERNAL_DEPARTMENT' || a.kind === 'AFFILIATED_UNIT'),
    partners,
    townships: agencies.filter((a) => a.kind === 'TOWN' || a.kind === 'SUB_DISTRICT'),
    partnerPool: new WeightedPool(partners, workloadWeight),
    liaisonOf,
    staffOf,
    leaders,
    inspectionMembers: [rectificationOffice],
    rectificationOffice,
  };
}
