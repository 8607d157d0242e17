import { ageOn, formatUkDate, isRealIsoDate } from '../dates';
import { destinationEntrySchema, type DestinationEntry, type Pupil } from '../model';
import { problemsFromZod, type Checked, type Problem } from '../model/problems';
import { destinationGroup, destinationLabel } from '../reference';
import { isTracked } from './consent';

/** A history entry as a form or a work list hands it over: the record without its stamps. */
export type DestinationEntryInput = DestinationEntry extends infer E
  ? E extends DestinationEntry
    ? Omit<E, 'id' | 'createdAt' | 'updatedAt' | 'isDemo'> & { id?: string | null }
    : never
  : never;

/** Follow-up after they leave: recorded only while tracking is not withheld. */
const FOLLOW_UP_KINDS: ReadonlySet<DestinationEntry['kind']> = new Set(['activity', 'november-activity', 'sustained-check']);

/** The date fields of each kind, with the words a message uses for them. */
function datesOf(entry: DestinationEntryInput): { field: string; value: string | null; what: string }[] {
  const dates: { field: string; value: string | null; what: string }[] = [
    { field: 'recordedOn', value: entry.recordedOn, what: 'The date' },
  ];
  if (entry.kind === 'guarantee-offer') dates.push({ field: 'offeredOn', value: entry.offeredOn, what: 'The date of the offer' });
  if (entry.kind === 'activity') dates.push({ field: 'startOn', value: entry.startOn, what: 'The start date' });
  return dates;
}

/**
 * What is wrong with an entry for this young person, field by field, in words for beside the field: a date
 * before their birth or in the future, a code that does not fit their age on the day (a pre-16 code for
 * someone of 16 or more), an offer without who made it, follow-up where consent to tracking was withheld.
 */
export function destinationEntryProblems(
  entry: DestinationEntryInput,
  pupil: Pick<Pupil, 'dateOfBirth' | 'consent'>,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };
  for (const { field, value, what } of datesOf(entry)) {
    if (value === null || value === '') {
      if (field === 'recordedOn') add(field, 'Enter the date');
      continue;
    }
    if (!isRealIsoDate(value)) add(field, `${what} is not a real date`);
    else if (value < pupil.dateOfBirth) add(field, `${what} cannot be before their date of birth (${formatUkDate(pupil.dateOfBirth)})`);
    else if (value > today) add(field, `${what} cannot be in the future`);
  }
  if (entry.kind === 'activity' && entry.startOn && entry.reviewOn && entry.reviewOn < entry.startOn)
    add('reviewOn', 'The review date cannot be before the start date');

  const code = 'code' in entry ? entry.code : null;
  if (code && isRealIsoDate(entry.recordedOn) && entry.recordedOn >= pupil.dateOfBirth && entry.kind !== 'intended') {
    const age = ageOn(pupil.dateOfBirth, entry.recordedOn);
    if (destinationGroup(code) === 'pre-16' && age >= 16)
      add(
        'code',
        `${destinationLabel(code)} is a pre-16 code, and they were ${age} on ${formatUkDate(entry.recordedOn)}: choose a post-16 code`,
      );
  }
  if (entry.kind === 'intended' && code && destinationGroup(code) === 'pre-16')
    add('code', `${destinationLabel(code)} is where a young person is before 16, not a destination: choose where they intend to go`);
  if (entry.kind === 'guarantee-offer' && entry.status !== 'none-yet' && entry.offeredBy.trim() === '')
    add('offeredBy', 'Enter who made the offer');
  if (FOLLOW_UP_KINDS.has(entry.kind) && !isTracked(pupil)) {
    const on = pupil.consent.tracking.recordedOn;
    add('kind', `Consent to post-16 tracking was withheld${on ? ` on ${formatUkDate(on)}` : ''}, so their activity is not followed up`);
  }
  return problems;
}

/** Checks an entry against the schema and the rules above; the parsed entry (without stamps) or every problem. */
export function checkDestinationEntry(
  input: DestinationEntryInput,
  pupil: Pick<Pupil, 'dateOfBirth' | 'consent'>,
  today: string,
): Checked<DestinationEntryInput> {
  const problems = destinationEntryProblems(input, pupil, today);
  const stamp = '2000-01-01T00:00:00.000Z';
  const parsed = destinationEntrySchema.safeParse({ ...input, id: crypto.randomUUID(), createdAt: stamp, updatedAt: stamp });
  if (!parsed.success)
    for (const problem of problemsFromZod(parsed.error)) if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const { id: _id, createdAt: _c, updatedAt: _u, isDemo: _d, ...value } = parsed.data;
  return { ok: true, value: { ...value, id: input.id ?? null } as DestinationEntryInput };
}
