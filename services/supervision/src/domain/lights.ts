import type { Period } from './periods';

export const LIGHTS = ['GREEN', 'YELLOW', 'RED'] as const;
export type Light = (typeof LIGHTS)[number];

/** Entered from the platform, set by the officer, or computed from the plan. */
export const LIGHT_SOURCES = ['PLATFORM', 'OFFICER', 'COMPUTED'] as const;
export type LightSource = (typeof LIGHT_SOURCES)[number];

export interface LightRecordFact {
  period: Period;
  light: Light;
  recordedAt: Date;
  /** Order of recording; breaks ties between records of the same instant. */
  sequence: number;
}

export interface PeriodLight {
  period: Period;
  light: Light;
}

/**
 * The light each period shows: its latest record (the history keeps every record; a later one for
 * the same period supersedes the earlier), in period order. `asOf` replays the history as it stood.
 */
export function effectiveLights(records: readonly LightRecordFact[], asOf?: Date): PeriodLight[] {
  const latest = new Map<Period, LightRecordFact>();
  for (const record of records) {
    if (asOf && record.recordedAt.getTime() > asOf.getTime()) continue;
    const current = latest.get(record.period);
    const later =
      !current ||
      record.recordedAt.getTime() > current.recordedAt.getTime() ||
      (record.recordedAt.getTime() === current.recordedAt.getTime() && record.sequence > current.sequence);
    if (later) latest.set(record.period, record);
  }
  return [...latest.values()]
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map(({ period, light }) => ({ period, light }));
}
