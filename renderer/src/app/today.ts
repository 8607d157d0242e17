import { localIsoDate } from '@shared/sessions';

/** Today's date on this machine's clock, as ISO text: the `today` every shared rule is given. */
export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}
