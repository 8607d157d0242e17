/** Today's date in the user's own time zone, as ISO text: the `today` every shared rule is given. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
