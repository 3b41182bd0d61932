import type { TFunction } from 'i18next';
import { isoWeekday } from '../../../contracts/calendar';
import { isoWeekNumber, weekSpan } from '../../../contracts/schedule';

/** "Thứ Hai, 23/11". */
export function dayLabel(t: TFunction, day: string): string {
  return `${dayName(t, day)}, ${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** "Thứ Hai". */
export function dayName(t: TFunction, day: string): string {
  return t(`schedule:days.${isoWeekday(day)}`);
}

/** "Tuần 48: 23/11 – 29/11/2026". */
export function weekLabel(t: TFunction, weekStart: string): string {
  return t('schedule:week.label', { number: isoWeekNumber(weekStart), span: weekSpan(weekStart) });
}
