import { agencyIdOf, personIdOf } from './stable-id';

export type DemoAgencyKind =
  | 'BUREAU_LEADERSHIP'
  | 'INTERNAL_DEPARTMENT'
  | 'AFFILIATED_UNIT'
  | 'TOWN'
  | 'SUB_DISTRICT'
  | 'ENFORCEMENT_BUREAU'
  | 'OTHER_OFFICE';

export interface DemoAgency {
  code: string;
  name: string;
  kind: DemoAgencyKind;
  parentCode?: string;
}

/** Every organisation named in the seed documents (DOMAIN.md, "Organisations and people"). */
export const DEMO_AGENCIES: DemoAgency[] = [
  { code: 'bureau', name: '区生态环境局', kind: 'BUREAU_LEADERSHIP' },
  { code: 'general-office', name: '办公室', kind: 'INTERNAL_DEPARTMENT', parentCode: 'bureau' },
  { code: 'audit-office', name: '审计办公室', kind: 'INTERNAL_DEPARTMENT', parentCode: 'bureau' },
  { code: 'hr', name: '组织人事处', kind: 'INTERNAL_DEPARTMENT', parentCode: 'bureau' },
  { code: 'finance', name: '计划财务处', kind: 'INTERNAL_DEPARTMENT', parentCode: 'bureau' },
  { code: 'sanitation', name: '市容环卫处', kind: 'INTERNAL_DEPARTMENT', parentCode: 'bureau' },
  { code: 'env-inspection', name: '生态环境督察处', kind: 'INTERNAL_DEPARTMENT', parentCode: 'bureau' },
  { code: 'infrastructure', name: '基建处', kind: 'INTERNAL_DEPARTMENT', parentCode: 'bureau' },
  { code: 'env-affairs-centre', name: '环境事务中心', kind: 'AFFILIATED_UNIT', parentCode: 'bureau' },
  { code: 'greening-centre', name: '绿化中心', kind: 'AFFILIATED_UNIT', parentCode: 'bureau' },
  { code: 'coordination-centre', name: '环境综合协调中心', kind: 'AFFILIATED_UNIT', parentCode: 'bureau' },
  { code: 'infrastructure-centre', name: '基建中心', kind: 'AFFILIATED_UNIT', parentCode: 'bureau' },
  { code: 'finance-centre', name: '财务中心', kind: 'AFFILIATED_UNIT', parentCode: 'bureau' },
  { code: 'waste-centre', name: '废管中心', kind: 'AFFILIATED_UNIT', parentCode: 'bureau' },
  { code: 'caolu', name: '曹路镇', kind: 'TOWN' },
  { code: 'heqing', name: '合庆镇', kind: 'TOWN' },
  { code: 'zhuqiao', name: '祝桥镇', kind: 'TOWN' },
  { code: 'yangjing', name: '洋泾街道', kind: 'SUB_DISTRICT' },
  { code: 'huamu', name: '花木街道', kind: 'SUB_DISTRICT' },
  { code: 'weifang', name: '潍坊街道', kind: 'SUB_DISTRICT' },
  { code: 'tangqiao', name: '塘桥街道', kind: 'SUB_DISTRICT' },
  { code: 'enforcement', name: '区城管执法局', kind: 'ENFORCEMENT_BUREAU' },
  { code: 'traffic-police', name: '区公安交警', kind: 'OTHER_OFFICE' },
  { code: 'major-projects', name: '区重大办', kind: 'OTHER_OFFICE' },
  { code: 'construction-committee', name: '区建交委', kind: 'OTHER_OFFICE' },
  { code: 'district-supervision-office', name: '区委督查室', kind: 'OTHER_OFFICE' },
  { code: 'hotline-12345', name: '12345市民服务热线', kind: 'OTHER_OFFICE' },
  { code: 'discipline', name: '纪检监察', kind: 'OTHER_OFFICE' },
];

export type DemoRole =
  | 'BUREAU_CHIEF'
  | 'DEPUTY_CHIEF'
  | 'DEPARTMENT_HEAD'
  | 'DEPARTMENT_CLERK'
  | 'SUPERVISION_OFFICER'
  | 'RECTIFICATION_OFFICE'
  | 'INSPECTION_MEMBER'
  | 'UNIT_LIAISON'
  | 'PARTNER_USER'
  | 'DISCIPLINE_READONLY';

export interface DemoPerson {
  code: string;
  name: string;
  title: string;
  agencyCode: string;
  roles: DemoRole[];
}

/**
 * The leaders named in seed 003, plus one demo account per kind of user the quick start prints a
 * token for (their names say they are demo accounts).
 */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    code: 'kang-yongliang',
    name: '康永良',
    title: '局长、党组书记',
    agencyCode: 'bureau',
    roles: ['BUREAU_CHIEF'],
  },
  { code: 'xue-jialiang', name: '薛加良', title: '副局长', agencyCode: 'bureau', roles: ['DEPUTY_CHIEF'] },
  { code: 'huang-haihua', name: '黄海华', title: '副局长', agencyCode: 'bureau', roles: ['DEPUTY_CHIEF'] },
  { code: 'shen-min', name: '沈敏', title: '副局长', agencyCode: 'bureau', roles: ['DEPUTY_CHIEF'] },
  { code: 'yang-xin', name: '杨新', title: '局领导', agencyCode: 'bureau', roles: ['DEPUTY_CHIEF'] },
  {
    code: 'demo-rectification-office',
    name: '整改办（演示）',
    title: '整改办专员',
    agencyCode: 'audit-office',
    roles: ['RECTIFICATION_OFFICE', 'INSPECTION_MEMBER'],
  },
  {
    code: 'demo-sanitation-clerk',
    name: '市容环卫处内勤（演示）',
    title: '内勤',
    agencyCode: 'sanitation',
    roles: ['DEPARTMENT_CLERK'],
  },
  {
    code: 'demo-supervision-officer',
    name: '办公室督查岗（演示）',
    title: '督查岗',
    agencyCode: 'general-office',
    roles: ['SUPERVISION_OFFICER'],
  },
  {
    code: 'demo-zhuqiao',
    name: '祝桥镇联络员（演示）',
    title: '联络员',
    agencyCode: 'zhuqiao',
    roles: ['PARTNER_USER'],
  },
  {
    code: 'demo-caolu',
    name: '曹路镇联络员（演示）',
    title: '联络员',
    agencyCode: 'caolu',
    roles: ['PARTNER_USER'],
  },
  {
    code: 'demo-heqing',
    name: '合庆镇联络员（演示）',
    title: '联络员',
    agencyCode: 'heqing',
    roles: ['PARTNER_USER'],
  },
  {
    code: 'demo-enforcement',
    name: '区城管执法局联络员（演示）',
    title: '联络员',
    agencyCode: 'enforcement',
    roles: ['PARTNER_USER'],
  },
];

export function demoAgency(code: string): DemoAgency & { id: string } {
  const agency = DEMO_AGENCIES.find((a) => a.code === code);
  if (!agency) throw new Error(`no demo agency ${code}`);
  return { ...agency, id: agencyIdOf(code) };
}

export function demoPerson(code: string): DemoPerson & { id: string; agencyId: string } {
  const person = DEMO_PEOPLE.find((p) => p.code === code);
  if (!person) throw new Error(`no demo person ${code}`);
  return { ...person, id: personIdOf(code), agencyId: agencyIdOf(person.agencyCode) };
}
