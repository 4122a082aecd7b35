import { QUARTER_MONTHS } from './deadline-rules';
import type { DeadlineRule } from './deadline-rules';

/** A short text in both languages of the product. */
export interface BilingualText {
  readonly en: string;
  readonly zh: string;
}

const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function workingDays(days: number): BilingualText {
  if (days === 0.5) return { en: 'half a working day', zh: '半个工作日' };
  return { en: `${days} working day${days === 1 ? '' : 's'}`, zh: `${days}个工作日` };
}

function monthDay(day: number | 'last', months: readonly number[] | undefined): BilingualText {
  const dayEn = day === 'last' ? 'the last day' : `the ${ordinal(day)}`;
  const dayZh = day === 'last' ? '最后一天' : `${day}日`;
  if (months === undefined) return { en: `${dayEn} of each month`, zh: `每月${dayZh}` };
  const en = months.map((m) => MONTHS_EN[m - 1] ?? String(m)).join(', ');
  return { en: `${dayEn} of ${en}`, zh: `${months.join('、')}月${dayZh}` };
}

const ROLL_TEXT = {
  none: { en: '', zh: '' },
  'next-working-day': { en: ', on the next working day if not a working day', zh: '，遇非工作日顺延' },
  'previous-working-day': {
    en: ', on the previous working day if not a working day',
    zh: '，遇非工作日提前',
  },
} as const;

const WEEKLY_HOLIDAY_TEXT = {
  skip: { en: ', except holidays', zh: '，节假日除外' },
  'next-working-day': { en: ', moved to the next working day on holidays', zh: '，遇节假日顺延' },
  'previous-working-day': {
    en: ', brought forward to the previous working day on holidays',
    zh: '，遇节假日提前至前一工作日',
  },
} as const;

/** What a rule says, for display next to a date (e.g. "15 working days" / "15个工作日"). */
export function describeRule(rule: DeadlineRule): BilingualText {
  switch (rule.kind) {
    case 'working-days':
      return workingDays(rule.days);
    case 'calendar-period': {
      const unitEn = `${rule.unit}${rule.amount === 1 ? '' : 's'}`;
      const unitZh = { day: '日', week: '周', month: '个月' }[rule.unit];
      return { en: `${rule.amount} calendar ${unitEn}`, zh: `${rule.amount}${unitZh}` };
    }
    case 'working-days-before': {
      const of = describeRule(rule.of);
      const days = workingDays(rule.days);
      return { en: `${days.en} before (${of.en})`, zh: `（${of.zh}）前${days.zh}` };
    }
    case 'day-of-month':
    case 'quarter-month': {
      const months = rule.kind === 'quarter-month' ? QUARTER_MONTHS : rule.months;
      const text = monthDay(rule.day ?? 'last', months);
      const roll = ROLL_TEXT[rule.roll ?? 'next-working-day'];
      return { en: `${text.en}${roll.en}`, zh: `${text.zh}${roll.zh}` };
    }
    case 'weekly': {
      const every = (rule.intervalWeeks ?? 1) === 1 ? '' : ` ${rule.intervalWeeks}`;
      const holiday = WEEKLY_HOLIDAY_TEXT[rule.onNonWorkingDay ?? 'skip'];
      return {
        en: `every${every ? `${every} weeks on` : ''} ${WEEKDAYS_EN[rule.weekday - 1]} ${rule.time}${holiday.en}`,
        zh: `${every ? `每${every.trim()}周` : '每周'}${WEEKDAYS_ZH[rule.weekday - 1]} ${rule.time}${holiday.zh}`,
      };
    }
    case 'long-term':
      return { en: 'long-term (no deadline)', zh: '长期（无期限）' };
  }
}
