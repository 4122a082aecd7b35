import { z } from 'zod';
import { optionalText, text, uuid } from './input-schemas';

/**
 * The parts of a round's plan that seed 000 §二 and its cover report name: the member departments
 * and the staff each contributes (各抽取1-2名业务骨干), special inspections (专项巡察), budget lines
 * (e.g. 第三方审计费用 12.60万元) and the outside firm (第三方中介机构).
 */
export const groupStaffSchema = z
  .object({ name: text(50), personId: uuid.nullish() })
  .transform((s) => ({ name: s.name, personId: s.personId ?? null }));

export const memberDepartmentSchema = z.object({
  agencyId: uuid,
  staff: z.array(groupStaffSchema).max(20).default([]),
});

export const specialInspectionSchema = z.object({
  title: text(200),
  focus: z.array(text(1_000)).max(20).default([]),
});

/** Yuan with at most two decimals, kept as a decimal string (money is never a float). */
export const amountYuan = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'an amount in yuan, e.g. 126000.00')
  .transform((amount) => {
    const [whole, fraction = ''] = amount.split('.');
    return `${BigInt(whole!).toString()}.${fraction.padEnd(2, '0')}`;
  });

export const budgetLineSchema = z.object({
  purpose: text(200),
  amountYuan,
  fundingSource: optionalText(200).transform((v) => v || null),
});

export const outsideFirmSchema = z.object({
  name: text(200),
  service: optionalText(200).transform((v) => v || null),
  procurementRoute: optionalText(200).transform((v) => v || null),
});

export const roundPlanFields = {
  memberDepartments: z
    .array(memberDepartmentSchema)
    .max(20)
    .refine((d) => new Set(d.map((m) => m.agencyId)).size === d.length, 'a department is listed twice'),
  specialInspections: z.array(specialInspectionSchema).max(20),
  budgetLines: z.array(budgetLineSchema).max(20),
  outsideFirm: outsideFirmSchema.nullable(),
};
