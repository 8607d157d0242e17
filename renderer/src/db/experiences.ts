import { experienceSchema, problemsFromZod, type Checked, type Pupil, type WeeksWorth, type WorkplaceExperience } from '@shared/model';
import {
  DEFAULT_WEEKS_WORTH,
  experienceKindLabel,
  experienceProblems,
  inCohortPlace,
  type CohortPlace,
  type ExperienceRecordInput,
} from '@shared/experiences';
import { formatUkDate } from '@shared/academic-year';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { stampsFor } from './audited-save';
import { getSetting } from './settings';

export interface ExperienceSaveInput {
  /** The experience edited, or null for a new one. */
  id: string | null;
  record: ExperienceRecordInput;
}

function byStart(a: WorkplaceExperience, b: WorkplaceExperience): number {
  return a.start.localeCompare(b.start) || a.createdAt.localeCompare(b.createdAt);
}

/**
 * Records or edits a workplace experience for one young person or a group, in one transaction. Each
 * young person concerned (listed now, or taken off the list by this edit) gets their own audit entry,
 * so their trail and their subject access export show it and erasing them removes it; a group's
 * entries say how many took part. Refused, nothing written, when the shared rules find a problem or a
 * young person or the employer is no longer recorded.
 */
export async function saveExperience(
  db: CareersDeskDb,
  input: ExperienceSaveInput,
  actorId: string | null,
  options: { now: Date; today: string },
): Promise<Checked<WorkplaceExperience>> {
  return db.transaction('rw', [db.experiences, db.pupils, db.employers, db.audit], async () => {
    const existing = input.id ? await db.experiences.get(input.id) : undefined;
    if (input.id && !existing) return { ok: false, problems: [{ field: 'form', message: 'This experience is no longer recorded' }] };
    const parsed = experienceSchema.safeParse({ ...input.record, ...stampsFor(existing, input.id, options.now) });
    if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
    const experience = parsed.data;
    const problems = experienceProblems(experience, options.today);
    if (problems.length > 0) return { ok: false, problems };
    const pupils = await db.pupils.bulkGet(experience.pupilIds);
    if (pupils.some((p) => p === undefined))
      return { ok: false, problems: [{ field: 'pupilIds', message: 'A young person chosen is no longer recorded: choose again' }] };
    let employerName = experience.employerName;
    if (experience.employerId !== null) {
      const employer = await db.employers.get(experience.employerId);
      if (!employer) return { ok: false, problems: [{ field: 'employerId', message: 'This employer is no longer recorded' }] };
      employerName = employer.name;
    }

    await db.experiences.put(experience);
    const count = experience.pupilIds.length;
    const what = `${experienceKindLabel(experience.kind).toLowerCase()} at ${employerName}, ${formatUkDate(experience.start)}`;
    const group = count > 1 ? ` (a group of ${count})` : '';
    const concerned = new Set([...(existing?.pupilIds ?? []), ...experience.pupilIds]);
    for (const pupilId of concerned) {
      const removed = !experience.pupilIds.includes(pupilId);
      await writeAudit(
        db,
        {
          actorId,
          action: existing ? 'update' : 'create',
          entity: 'experience',
          recordId: experience.id,
          pupilId,
          summary: removed ? `Taken off the ${what}` : existing ? `Updated the ${what}${group}` : `Recorded a ${what}${group}`,
          before: existing,
        },
        options.now,
      );
    }
    return { ok: true, value: experience };
  });
}

export async function getExperience(db: CareersDeskDb, id: string): Promise<WorkplaceExperience | undefined> {
  return db.experiences.get(id);
}

/** A young person's experiences of every kind (their own and the groups they were in), earliest first. */
export async function listExperiencesForPupil(db: CareersDeskDb, pupilId: string): Promise<WorkplaceExperience[]> {
  return (await db.experiences.where('pupilIds').equals(pupilId).toArray()).sort(byStart);
}

/** The experiences of any of these young people, each once, earliest first (a cohort's). */
export async function listExperiencesForPupils(db: CareersDeskDb, pupilIds: readonly string[]): Promise<WorkplaceExperience[]> {
  if (pupilIds.length === 0) return [];
  return (
    await db.experiences
      .where('pupilIds')
      .anyOf([...pupilIds])
      .distinct()
      .toArray()
  ).sort(byStart);
}

/**
 * Takes these young people off every experience (erasure, retention): an experience left with nobody
 * is deleted, a group's goes on for the others. Call inside a transaction over experiences.
 */
export async function removePupilsFromExperiences(db: CareersDeskDb, pupilIds: readonly string[]): Promise<void> {
  if (pupilIds.length === 0) return;
  const gone = new Set(pupilIds);
  const rows = await db.experiences
    .where('pupilIds')
    .anyOf([...pupilIds])
    .distinct()
    .toArray();
  for (const row of rows) {
    const left = row.pupilIds.filter((id) => !gone.has(id));
    if (left.length === 0) await db.experiences.delete(row.id);
    else await db.experiences.put({ ...row, pupilIds: left });
  }
}

/**
 * A young person's experiences as their subject access export shows them: the other young people of a
 * group are not theirs to see, so only the group's size is given.
 */
export async function experiencesHeldAbout(db: CareersDeskDb, pupilId: string): Promise<Record<string, unknown>[]> {
  return (await listExperiencesForPupil(db, pupilId)).map(({ pupilIds, ...rest }) => ({
    ...rest,
    pupilIds: [pupilId],
    groupSize: pupilIds.length,
  }));
}

/** What the cohort view and the Compass figures read: a place's young people, their experiences, the week's worth. */
export interface CohortRecords {
  pupils: Pupil[];
  experiences: WorkplaceExperience[];
  weeksWorth: WeeksWorth;
}

/**
 * Every young person of a school (or every home-educated one) not left by `onDate`, with their
 * experiences and the week's worth setting, read in one transaction. Year groups are worked out by the
 * caller (shared/experiences cohortWeeksWorth), so changing the year group shown reads nothing again.
 */
export async function loadCohortRecords(db: CareersDeskDb, place: CohortPlace, onDate: string): Promise<CohortRecords> {
  return db.transaction('r', [db.pupils, db.experiences, db.settings], async () => {
    const stillHere = (p: Pupil) => (p.leftOn === null || p.leftOn > onDate) && inCohortPlace(p, place);
    const pupils = await (place.kind === 'school' ? db.pupils.where('schoolId').equals(place.schoolId) : db.pupils.toCollection())
      .filter(stillHere)
      .toArray();
    const [experiences, weeksWorth] = await Promise.all([
      listExperiencesForPupils(
        db,
        pupils.map((p) => p.id),
      ),
      getSetting(db, 'weeksWorth'),
    ]);
    return { pupils, experiences, weeksWorth: weeksWorth ?? DEFAULT_WEEKS_WORTH };
  });
}
