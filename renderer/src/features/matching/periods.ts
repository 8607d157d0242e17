import type { Employer, Problem } from '@shared/model';
import type { DateRange } from '@shared/matching';
import { formatUkDate } from '@shared/academic-year';
import { isoDateSchema } from '@shared/model';

export interface CommonPeriod extends DateRange {
  /** How many offers run on exactly these dates. */
  offers: number;
}

/**
 * The work-experience periods employers offer, still to come, most offered first: the first is the
 * sensible default for a school's work-experience week.
 */
export function commonPeriods(employers: readonly Pick<Employer, 'offers'>[], today: string): CommonPeriod[] {
  const counts = new Map<string, CommonPeriod>();
  for (const employer of employers) {
    for (const offer of employer.offers) {
      for (const period of offer.periods) {
        if (period.end < today) continue;
        const key = `${period.start}|${period.end}`;
        const found = counts.get(key);
        if (found) found.offers += 1;
        else counts.set(key, { start: period.start, end: period.end, offers: 1 });
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.offers - a.offers || a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

export function periodText(period: DateRange): string {
  return `${formatUkDate(period.start)} to ${formatUkDate(period.end)}`;
}

/** Problems with dates typed for a period, by field ('start', 'end'); empty when they make a period. */
export function periodProblems(start: string, end: string): Problem[] {
  const problems: Problem[] = [];
  const real = (d: string) => isoDateSchema.safeParse(d).success;
  if (start.trim() === '') problems.push({ field: 'start', message: 'Enter the first day of the period' });
  else if (!real(start)) problems.push({ field: 'start', message: 'Enter a real start date' });
  if (end.trim() === '') problems.push({ field: 'end', message: 'Enter the last day of the period' });
  else if (!real(end)) problems.push({ field: 'end', message: 'Enter a real end date' });
  else if (real(start) && end < start) problems.push({ field: 'end', message: 'The last day must be on or after the first day' });
  return problems;
}
