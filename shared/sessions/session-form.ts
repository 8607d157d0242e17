/**
 * The guidance session form as the adviser fills it in (text, blanks allowed) and its check into a
 * record. A form is also what a draft holds, so it is plain JSON.
 */
import type { SESSION_MODES, SessionKindId } from '../reference/lists';
import type { DestinationCode } from '../reference/destinations';
import { guidanceSessionSchema, type GuidanceSession } from '../model/guidance';
import { intendedCodeProblem } from '../destinations/entry';
import { check, type Checked, type Problem } from '../model/problems';
import { defaultBenchmarksFor } from './rules';
import { merged, onField, order } from './form-helpers';

type SessionModeId = (typeof SESSION_MODES)[number]['id'];

export interface EncounterRow {
  kind: 'employer' | 'provider';
  name: string;
  employerId: string | null;
  providerId: string | null;
}

export interface SessionForm {
  date: string;
  startTime: string;
  adviserId: string | null;
  kind: SessionKindId | null;
  mode: SessionModeId | null;
  durationMinutes: number | null;
  location: string;
  /** Topics as typed, separated by commas. */
  topics: string;
  notes: string;
  benchmarks: number[];
  encounters: EncounterRow[];
  intendedDestination: DestinationCode | null;
  agreed: string;
}

/** What a saved session holds apart from the fields every record carries. */
export type SessionInput = Omit<GuidanceSession, 'id' | 'createdAt' | 'updatedAt' | 'isDemo'> & { id?: string };

const sessionInputSchema = guidanceSessionSchema.omit({ id: true, createdAt: true, updatedAt: true, isDemo: true });

export const SESSION_FIELD_LABELS: Record<string, string> = {
  date: 'Date',
  startTime: 'Time',
  adviserId: 'Adviser',
  kind: 'Kind of session',
  mode: 'How it took place',
  durationMinutes: 'Duration',
  location: 'Location',
  topics: 'Topics',
  notes: 'Notes',
  benchmarks: 'Gatsby Benchmarks',
  intendedDestination: 'Intended destination',
  agreed: 'What the young person agreed',
};

export function emptySessionForm(options: {
  today: string;
  time: string;
  adviserId: string | null;
  kind: SessionKindId | null;
}): SessionForm {
  return {
    date: options.today,
    startTime: options.time,
    adviserId: options.adviserId,
    kind: options.kind,
    mode: 'in-person',
    durationMinutes: null,
    location: '',
    topics: '',
    notes: '',
    benchmarks: defaultBenchmarksFor(options.kind),
    encounters: [],
    intendedDestination: null,
    agreed: '',
  };
}

export function sessionFormFrom(session: GuidanceSession): SessionForm {
  return {
    date: session.date,
    startTime: session.startTime,
    adviserId: session.adviserId,
    kind: session.kind,
    mode: session.mode,
    durationMinutes: session.durationMinutes,
    location: session.location,
    topics: session.topics.join(', '),
    notes: session.notes,
    benchmarks: [...session.benchmarks],
    encounters: session.encounters.map((e) => ({ ...e })),
    intendedDestination: session.intendedDestination,
    agreed: session.agreed,
  };
}

/** "careers fair, apprenticeships,, CV" gives ["careers fair", "apprenticeships", "CV"]. */
export function parseTopics(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** Checks a session form; the session's date may not be after `today`. */
export function checkSessionForm(form: SessionForm, context: { pupilId: string; today: string }): Checked<SessionInput> {
  const first: Problem[] = [];
  if (form.date.trim() === '') first.push({ field: 'date', message: 'Enter the date of the session' });
  else if (form.date > context.today) first.push({ field: 'date', message: 'The date of the session cannot be in the future' });
  if (form.startTime.trim() === '') first.push({ field: 'startTime', message: 'Enter the time the session started, like 09:30' });
  if (form.durationMinutes === null || Number.isNaN(form.durationMinutes))
    first.push({ field: 'durationMinutes', message: 'Enter how long the session lasted, in minutes' });
  else if (!Number.isInteger(form.durationMinutes))
    first.push({ field: 'durationMinutes', message: 'Enter the duration as a whole number of minutes' });
  // The code becomes an entry of their destinations history, which takes no pre-16 code as an intention.
  const destinationProblem = intendedCodeProblem(form.intendedDestination);
  if (destinationProblem) first.push({ field: 'intendedDestination', message: destinationProblem });

  const input = {
    pupilId: context.pupilId,
    adviserId: form.adviserId,
    date: form.date,
    startTime: form.startTime,
    kind: form.kind,
    mode: form.mode,
    durationMinutes: form.durationMinutes,
    location: form.location,
    topics: parseTopics(form.topics),
    notes: form.notes,
    benchmarks: [...new Set(form.benchmarks)].sort((a, b) => a - b),
    encounters: form.encounters,
    intendedDestination: form.intendedDestination,
    agreed: form.agreed,
  };
  const result = check(sessionInputSchema, input);
  const problems = merged(first, result.ok ? [] : onField(result.problems, ['topics', 'benchmarks']));
  if (problems.length > 0) return { ok: false, problems: order(problems, Object.keys(SESSION_FIELD_LABELS)) };
  if (!result.ok) return result;
  return { ok: true, value: result.value };
}

export function sessionProblemLabels(form: SessionForm): Record<string, string> {
  const labels: Record<string, string> = { ...SESSION_FIELD_LABELS };
  form.encounters.forEach((_row, i) => {
    labels[`encounters.${i}.name`] = `Encounter ${i + 1}, name`;
    labels[`encounters.${i}.kind`] = `Encounter ${i + 1}, kind`;
  });
  return labels;
}
