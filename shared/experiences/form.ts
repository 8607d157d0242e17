/**
 * The rules of the "record a workplace experience" form, in one place: what the form holds as typed,
 * how it becomes a record, and every check with a message beside its field. The same checks
 * (experienceProblems) guard every save, whether it comes from the form or not.
 */
import { experienceSchema, type WorkplaceExperience } from '../model/experience';
import { problemsFromZod, type Checked, type Problem } from '../model/problems';
import { daysFrom, formatUkDate, isRealIsoDate } from '../academic-year';
import type { ExperienceKindId, ExperienceModeId, MeaningfulCriterionId } from '../reference/lists';
import { attendedDays } from './hours';

export const MAX_HOURS_A_DAY = 24;

export interface ExperienceForm {
  kind: ExperienceKindId;
  pupilIds: string[];
  /** Chosen from the directory, or null with `employerName` typed. */
  employerId: string | null;
  employerName: string;
  start: string;
  end: string;
  mode: ExperienceModeId;
  hoursBasis: 'per-day' | 'total';
  /** Numbers as typed: null when the box is empty. */
  hours: number | null;
  daysAttended: number | null;
  meaningful: MeaningfulCriterionId[];
  employerTask: { text: string; on: string };
  employerFeedback: { text: string; on: string };
  reflection: { text: string; on: string };
}

/** What a save writes, less the id and timestamps the repository adds. */
export type ExperienceRecordInput = Omit<WorkplaceExperience, 'id' | 'createdAt' | 'updatedAt'>;

export function emptyExperienceForm(pupilIds: readonly string[] = [], today = ''): ExperienceForm {
  return {
    kind: 'workplace-visit',
    pupilIds: [...pupilIds],
    employerId: null,
    employerName: '',
    start: today,
    end: today,
    mode: 'in-person',
    hoursBasis: 'per-day',
    hours: null,
    daysAttended: null,
    meaningful: [],
    employerTask: { text: '', on: '' },
    employerFeedback: { text: '', on: '' },
    reflection: { text: '', on: '' },
  };
}

export function experienceToForm(experience: WorkplaceExperience): ExperienceForm {
  const dated = (d: { text: string; on: string | null }) => ({ text: d.text, on: d.on ?? '' });
  return {
    kind: experience.kind,
    pupilIds: [...experience.pupilIds],
    employerId: experience.employerId,
    employerName: experience.employerName,
    start: experience.start,
    end: experience.end,
    mode: experience.mode,
    hoursBasis: experience.hours?.basis ?? 'per-day',
    hours: experience.hours?.value ?? null,
    daysAttended: experience.daysAttended,
    meaningful: [...experience.meaningful],
    employerTask: dated(experience.employerTask),
    employerFeedback: dated(experience.employerFeedback),
    reflection: dated(experience.reflection),
  };
}

type Checkable = Pick<
  WorkplaceExperience,
  'kind' | 'pupilIds' | 'employerId' | 'employerName' | 'start' | 'end' | 'hours' | 'daysAttended' | 'status'
>;

/**
 * Everything wrong with an experience that its schema cannot see, each beside its field: no young
 * person, no employer, an end before the start, impossible hours or days, a work placement for more
 * than one young person, a kind other than a placement given a placement's workflow status, or one
 * recorded as completed before it has ended.
 */
export function experienceProblems(experience: Checkable, today: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (experience.pupilIds.length === 0) add('pupilIds', 'Choose at least one young person');
  if (experience.kind === 'work-placement' && experience.pupilIds.length > 1)
    add('pupilIds', 'A work placement is for one young person: record each placement on its own');
  if (experience.employerId === null && experience.employerName.trim() === '')
    add('employerName', "Choose an employer from the directory or type the employer's name");
  if (experience.end < experience.start) add('end', 'The end must be on or after the start');
  else if (experience.status === 'completed' && experience.end > today)
    add('end', `It cannot be completed before it ends: the end date is after today (${formatUkDate(today)})`);
  if (experience.kind !== 'work-placement' && experience.status !== 'completed' && experience.status !== 'cancelled')
    add('status', 'Only work placements are proposed, contacted or confirmed: record other experiences once they have happened');

  const calendarDays = experience.end < experience.start ? 0 : daysFrom(experience.start, experience.end).length;
  const days = experience.daysAttended ?? attendedDays(experience).length;
  if (experience.daysAttended !== null) {
    if (experience.daysAttended < 1) add('daysAttended', 'Enter at least 1 day');
    else if (calendarDays > 0 && experience.daysAttended > calendarDays)
      add(
        'daysAttended',
        calendarDays === 1
          ? 'There is only 1 day from the start to the end'
          : `There are only ${calendarDays} days from the start to the end`,
      );
  }
  const hours = experience.hours;
  if (hours) {
    if (hours.value < 0) add('hours', 'Hours cannot be negative');
    else if (hours.basis === 'per-day' && hours.value > MAX_HOURS_A_DAY) add('hours', 'There are only 24 hours in a day');
    else if (hours.basis === 'total' && days > 0 && hours.value > days * MAX_HOURS_A_DAY)
      add('hours', `That is more than 24 hours a day over ${days} ${days === 1 ? 'day' : 'days'}`);
  }
  return problems;
}

/**
 * The form as a record to save: checked by the schema, then by experienceProblems. Hours are asked for
 * here (a proposed placement may lack them, a recorded experience may not). A new record from the form
 * is completed, since it records what happened (placements still to happen are proposed from the
 * employer's offers); an edit keeps the status the workflow gave it.
 */
export function checkExperienceForm(
  form: ExperienceForm,
  existing: Pick<WorkplaceExperience, 'status' | 'offerId' | 'isDemo'> | undefined,
  today: string,
): Checked<ExperienceRecordInput> {
  const dated = (d: { text: string; on: string }) => ({ text: d.text, on: d.on.trim() === '' ? null : d.on });
  const candidate = {
    kind: form.kind,
    pupilIds: [...new Set(form.pupilIds)],
    employerId: form.employerId,
    employerName: form.employerId === null ? form.employerName : '',
    offerId: existing?.offerId ?? null,
    start: form.start,
    end: form.end,
    mode: form.kind === 'virtual-work-experience' ? 'virtual' : form.mode,
    hours: form.hours === null ? null : { basis: form.hoursBasis, value: form.hours },
    daysAttended: form.daysAttended,
    status: existing?.status ?? 'completed',
    meaningful: form.meaningful,
    employerTask: dated(form.employerTask),
    employerFeedback: { ...dated(form.employerFeedback), wouldHostAgain: null },
    reflection: dated(form.reflection),
    isDemo: existing?.isDemo ?? false,
  };
  const problems: Problem[] = [];
  const parsed = experienceSchema.omit({ id: true, createdAt: true, updatedAt: true }).safeParse(candidate);
  if (!parsed.success) problems.push(...problemsFromZod(parsed.error));
  if (form.hours === null) problems.push({ field: 'hours', message: 'Enter the hours' });
  if (isRealIsoDate(form.start) && isRealIsoDate(form.end)) {
    const taken = new Set(problems.map((p) => p.field));
    problems.push(...experienceProblems(parsed.success ? parsed.data : (candidate as Checkable), today).filter((p) => !taken.has(p.field)));
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}
