import { academicYearOf, academicYearStarting, academicYearStartYear } from '@shared/academic-year';
import type { ReturnPeriod, ReturnScope } from '@shared/returns';

/** The dashboard shows this academic year or the last one. */
export type PeriodChoice = 'this-year' | 'last-year';

export function periodOptions(today: string): { value: PeriodChoice; label: string; period: ReturnPeriod }[] {
  const thisYear = academicYearOf(today);
  const lastYear = academicYearStarting(academicYearStartYear(today) - 1);
  return [
    { value: 'this-year', label: `This academic year (${thisYear.label})`, period: { start: thisYear.start, end: thisYear.end } },
    { value: 'last-year', label: `Last academic year (${lastYear.label})`, period: { start: lastYear.start, end: lastYear.end } },
  ];
}

export function periodFor(choice: PeriodChoice, today: string): ReturnPeriod {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a PeriodChoice is the value of one of these options
  return periodOptions(today).find((o) => o.value === choice)!.period;
}

const SCHOOL_PREFIX = 'school:';

export function schoolScopeValue(schoolId: string): string {
  return `${SCHOOL_PREFIX}${schoolId}`;
}

/** The scope picker's value as the scope a return understands. */
export function scopeFor(value: string): ReturnScope {
  if (value === 'home-educated') return { kind: 'home-educated' };
  if (value.startsWith(SCHOOL_PREFIX)) return { kind: 'school', schoolId: value.slice(SCHOOL_PREFIX.length) };
  return { kind: 'all' };
}
