import { addDays, vnDate } from '../../../contracts/calendar';

/** Quick choices of a period. */
export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Last day of a month (`yyyy`, 1–12). */
function monthEnd(year: number, month: number): string {
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);
}

/**
 * The period of a preset on `today` (Vietnam calendar): this month and this year run to today
 * (what the clerk has registered so far); last month and the quarter are whole.
 */
export function presetPeriod(preset: PeriodPreset, today = vnDate(new Date())): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: `${year}-${pad(month)}-01`, to: today };
    case 'lastMonth': {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      return { from: `${y}-${pad(m)}-01`, to: monthEnd(y, m) };
    }
    case 'thisQuarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${year}-${pad(first)}-01`, to: today };
    }
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
  }
}

/** The preset a period is, if any. */
export function presetOf(p: Period, today = vnDate(new Date())): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((k) => {
      const q = presetPeriod(k, today);
      return q.from === p.from && q.to === p.to;
    }) ?? null
  );
}

/** The last `count` months, newest first, as `yyyy-mm`. */
export function recentMonths(count: number, today = vnDate(new Date())): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${pad(m)}`);
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}
