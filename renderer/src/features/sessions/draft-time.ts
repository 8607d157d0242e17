import { formatUkDate } from '@shared/academic-year';
import { localClockTime, localIsoDate } from '@shared/sessions';

/** "14:32" for a moment today, "23/11/2026 at 14:32" for an earlier day. */
export function draftMoment(iso: string, now: Date = new Date()): string {
  const moment = new Date(iso);
  const day = localIsoDate(moment);
  return day === localIsoDate(now) ? localClockTime(moment) : `${formatUkDate(day)} at ${localClockTime(moment)}`;
}
