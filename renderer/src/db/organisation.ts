import { adviserSchema, check, schoolSchema, settingSchemas, type Adviser, type Checked, type School } from '@shared/model';
import { assessRisk, type RiskWeights } from '@shared/risk';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { putAudited, stampsFor } from './audited-save';
import { formatNumber } from '@shared/numbers';

/**
 * The organisation set up in Settings: the schools served and the advisers who use the app, plus the
 * risk-of-NEET weights, whose change recomputes every stored risk band. Each write runs in one
 * transaction with its audit entry. Problems the user can fix come back as values, and nothing is
 * written when there are any.
 */

/** What a form edits; selects start empty (null), so the schema says what is missing. */
type Editable<T, K extends keyof T> = { [P in K]: T[P] | null };

export type SchoolInput = Editable<School, 'name' | 'urn' | 'district' | 'phase' | 'establishmentNumber'> & { id?: string | null };
export type AdviserInput = Editable<Adviser, 'name' | 'role' | 'qualificationLevel' | 'email' | 'phone'> & {
  active: boolean;
  id?: string | null;
};

export function listSchools(db: CareersDeskDb): Promise<School[]> {
  return db.schools.orderBy('name').toArray();
}

export function listAdvisers(db: CareersDeskDb): Promise<Adviser[]> {
  return db.advisers.orderBy('name').toArray();
}

/** Adds or updates a school. A URN already used by another school is refused. */
export async function saveSchool(
  db: CareersDeskDb,
  input: SchoolInput,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Checked<School>> {
  return db.transaction('rw', db.schools, db.audit, async (): Promise<Checked<School>> => {
    const existing = input.id ? await db.schools.get(input.id) : undefined;
    const checked = check(schoolSchema, { ...input, ...stampsFor(existing, null, now), isDemo: existing?.isDemo ?? false });
    if (!checked.ok) return checked;
    const school = checked.value;
    if (school.urn !== '') {
      const sameUrn = await db.schools
        .where('urn')
        .equals(school.urn)
        .filter((other) => other.id !== school.id)
        .first();
      if (sameUrn) return { ok: false, problems: [{ field: 'urn', message: `${sameUrn.name} already has this URN` }] };
    }
    await putAudited(
      db,
      db.schools,
      school,
      {
        actorId,
        entity: 'school',
        pupilId: null,
        existing,
        summary: (added) => `${added ? 'Added' : 'Updated'} the school "${school.name}"`,
      },
      now,
    );
    return { ok: true, value: school };
  });
}

/** Removes a school, unless young people are recorded there: their records would lose their school. */
export async function removeSchool(
  db: CareersDeskDb,
  schoolId: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Checked<School>> {
  return db.transaction('rw', [db.schools, db.pupils, db.audit], async (): Promise<Checked<School>> => {
    const school = await db.schools.get(schoolId);
    if (!school) throw new Error('That school is no longer recorded.');
    const pupils = await db.pupils.where('schoolId').equals(schoolId).count();
    if (pupils > 0) {
      const who = pupils === 1 ? '1 young person is' : `${formatNumber(pupils)} young people are`;
      return {
        ok: false,
        problems: [
          {
            field: 'school',
            message: `${school.name} cannot be removed: ${who} recorded at this school. Move them to another school first.`,
          },
        ],
      };
    }
    await db.schools.delete(schoolId);
    await writeAudit(
      db,
      {
        actorId,
        action: 'delete',
        entity: 'school',
        recordId: schoolId,
        pupilId: null,
        summary: `Removed the school "${school.name}"`,
        before: school,
      },
      now,
    );
    return { ok: true, value: school };
  });
}

/** Adds or updates an adviser. */
export async function saveAdviser(
  db: CareersDeskDb,
  input: AdviserInput,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Checked<Adviser>> {
  return db.transaction('rw', db.advisers, db.audit, async (): Promise<Checked<Adviser>> => {
    const existing = input.id ? await db.advisers.get(input.id) : undefined;
    const checked = check(adviserSchema, {
      ...input,
      email: input.email?.trim() ?? '',
      ...stampsFor(existing, null, now),
      isDemo: existing?.isDemo ?? false,
    });
    if (!checked.ok) return checked;
    const adviser = checked.value;
    await putAudited(
      db,
      db.advisers,
      adviser,
      {
        actorId,
        entity: 'adviser',
        pupilId: null,
        existing,
        summary: (added) => `${added ? 'Added' : 'Updated'} the adviser "${adviser.name}"`,
      },
      now,
    );
    return { ok: true, value: adviser };
  });
}

export interface AdviserRemoval {
  /** Deleted when nothing refers to them; otherwise kept, inactive, so the records still say who did what. */
  outcome: 'deleted' | 'deactivated';
  adviser: Adviser;
}

/**
 * Removes an adviser who has left. One who recorded sessions, made changes in the audit trail, wrote
 * action plans or is a home-education liaison officer for a young person is marked inactive instead.
 */
export async function removeAdviser(
  db: CareersDeskDb,
  adviserId: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<AdviserRemoval> {
  return db.transaction('rw', [db.advisers, db.sessions, db.actionPlans, db.pupils, db.audit], async (): Promise<AdviserRemoval> => {
    const adviser = await db.advisers.get(adviserId);
    if (!adviser) throw new Error('That adviser is no longer recorded.');
    if (await isReferenced(db, adviserId)) {
      const deactivated: Adviser = { ...adviser, active: false, updatedAt: now.toISOString() };
      await db.advisers.put(deactivated);
      await writeAudit(
        db,
        {
          actorId,
          action: 'update',
          entity: 'adviser',
          recordId: adviserId,
          pupilId: null,
          summary: `Marked the adviser "${adviser.name}" as no longer active`,
          before: adviser,
        },
        now,
      );
      return { outcome: 'deactivated', adviser: deactivated };
    }
    await db.advisers.delete(adviserId);
    await writeAudit(
      db,
      {
        actorId,
        action: 'delete',
        entity: 'adviser',
        recordId: adviserId,
        pupilId: null,
        summary: `Removed the adviser "${adviser.name}"`,
        before: adviser,
      },
      now,
    );
    return { outcome: 'deleted', adviser };
  });
}

/** Call inside a transaction over advisers, sessions, action plans, pupils and audit. */
async function isReferenced(db: CareersDeskDb, adviserId: string): Promise<boolean> {
  if ((await db.sessions.where('adviserId').equals(adviserId).count()) > 0) return true;
  if ((await db.audit.where('adviserId').equals(adviserId).count()) > 0) return true;
  // Action plans' authors and liaison officers have no index: removing an adviser is rare, so a scan is fine.
  if ((await db.actionPlans.filter((plan) => plan.adviserId === adviserId).count()) > 0) return true;
  return (await db.pupils.filter((pupil) => pupil.liaisonOfficerId === adviserId).count()) > 0;
}

export interface RiskRecomputation {
  /** Young people whose band was worked out again. */
  pupils: number;
  /** Of those, the ones whose band moved. */
  changed: number;
}

export interface RiskWeightOptions {
  /** Called after each batch, so a large caseload shows how far the recomputation has got. */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
  now?: Date;
}

/**
 * Stores new risk-of-NEET weights and recomputes every young person's stored band with them, in one
 * transaction with one audit entry: the band filter and returns never mix old and new weights.
 */
export async function saveRiskWeights(
  db: CareersDeskDb,
  weights: RiskWeights,
  actorId: string | null,
  options: RiskWeightOptions = {},
): Promise<Checked<RiskRecomputation>> {
  const checked = check(settingSchemas.riskWeights, weights);
  if (!checked.ok) return checked;
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  return db.transaction('rw', [db.pupils, db.settings, db.audit], async (): Promise<Checked<RiskRecomputation>> => {
    const before = (await db.settings.get('riskWeights'))?.value;
    await db.settings.put({ key: 'riskWeights', value: checked.value });
    const ids = await db.pupils.toCollection().primaryKeys();
    let changed = 0;
    for (let start = 0; start < ids.length; start += batchSize) {
      const rows = await db.pupils.bulkGet(ids.slice(start, start + batchSize));
      const moved = [];
      for (const pupil of rows) {
        if (!pupil) continue;
        const band = assessRisk(pupil, checked.value).band;
        if (band !== pupil.riskBand) moved.push({ ...pupil, riskBand: band });
      }
      if (moved.length > 0) await db.pupils.bulkPut(moved);
      changed += moved.length;
      options.onProgress?.(Math.min(start + batchSize, ids.length), ids.length);
    }
    await writeAudit(
      db,
      {
        actorId,
        action: 'update',
        entity: 'settings',
        recordId: 'riskWeights',
        pupilId: null,
        summary: `Changed the risk-of-NEET weights; recomputed the risk band of ${ids.length} young people (${changed} changed band)`,
        before,
      },
      now,
    );
    return { ok: true, value: { pupils: ids.length, changed } };
  });
}

/** An adviser's name, or null when none is given or they are no longer recorded. */
export async function adviserName(db: CareersDeskDb, adviserId: string | null): Promise<string | null> {
  return adviserId ? ((await db.advisers.get(adviserId))?.name ?? null) : null;
}
