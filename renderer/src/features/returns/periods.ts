import { academicTerms, academicYearStarting, academicYearStartYear } from '@shared/academic-year';
import type { ReturnPeriod } from '@shared/returns';

export interface PeriodChoice extends ReturnPeriod {
  id: string;
  label: string;
}

/** The periods offered for a return: this and last academic year, and this year's terms. */
export function periodChoices(today: string): PeriodChoice[] {
  const year = academicYearStartYear(today);
  const current = academicYearStarting(year);
  const last = academicYearStarting(year - 1);
  return [
    { id: 'this-year', label: `This academic year (${current.label})`, start: current.start, end: current.end },
    { id: 'last-year', label: `Last academic year (${last.label})`, start: last.start, end: last.end },
    ...academicTerms(year).map((t) => ({ id: t.id, label: t.label, start: t.start, end: t.end })),
    ...academicTerms(year - 1).map((t) => ({ id: `last-${t.id}`, label: t.label, start: t.start, end: t.end })),
  ];
}
