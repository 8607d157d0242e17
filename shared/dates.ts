/**
 * Calendar dates, once for the whole app: ISO text (2026-11-23) read and written without time zones,
 * shown in UK format (23/11/2026), with days and months added and ages counted. academic-year.ts builds
 * academic years and year groups on these and re-exports them, so a caller needs only one import.
 */

/** A date already read, for code that compares the same date many times (matching reads each once). */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads an ISO date (anything after the day, such as a time, is ignored); a bug if it is not one. */
export function isoDateParts(isoDate: string): DateParts {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date: ${isoDate}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The ISO text of a day: isoDateOf(2026, 11, 3) is 2026-11-03. */
export function isoDateOf(year: number, month: number, day: number): string {
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** Whether the day exists in the calendar (no 31 June, 29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Exactly YYYY-MM-DD, and a day that exists. */
export function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const { year, month, day } = isoDateParts(value);
  return isRealDate(year, month, day);
}

/** Age in whole years, on dates already read. */
export function ageBetween(birth: DateParts, on: DateParts): number {
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  return ageBetween(isoDateParts(dateOfBirth), isoDateParts(onDate));
}

/** A date as UK readers expect it: 23/11/2026. */
export function formatUkDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const { year, month, day } = isoDateParts(isoDate);
  return `${twoDigits(day)}/${twoDigits(month)}/${year}`;
}

/** Reads a UK date (23/11/2026 or 23-11-2026) into ISO, or null when it is not a real date. */
export function parseUkDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? isoDateOf(year, month, day) : null;
}

/** Adds whole days to an ISO date (negative for earlier). */
export function addDays(isoDate: string, days: number): string {
  const { year, month, day } = isoDateParts(isoDate);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Monday to Friday (a school or working day before holidays are thought of). */
export function isWeekday(isoDate: string): boolean {
  const { year, month, day } = isoDateParts(isoDate);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Every day from `start` to `end`, both included; empty when the end is before the start. */
export function daysFrom(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Adds whole months (negative for earlier); a day the month lacks becomes its last: 29/02 a year back is 28/02. */
export function addMonths(isoDate: string, months: number): string {
  const { year, month, day } = isoDateParts(isoDate);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  const lastDay = new Date(Date.UTC(newYear, newMonth, 0)).getUTCDate();
  return isoDateOf(newYear, newMonth, Math.min(day, lastDay));
}

/** Today's date on this machine's clock, as ISO text (local time, not UTC). */
export function localIsoDate(moment: Date): string {
  return isoDateOf(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}

/** The time of day on this machine's clock as 24-hour "14:32". */
export function localClockTime(moment: Date): string {
  return `${twoDigits(moment.getHours())}:${twoDigits(moment.getMinutes())}`;
}
