// What the council's pupil-level files are built from, and the notes the council sends back on the
// risk-of-NEET list. The files' rules live in shared/returns (destinations-file.ts, risk-list.ts).
import { pupilSchema, type Checked, type Pupil, type RiskListNote } from '@shared/model';
import { riskListNoteProblems, type RiskListNoteInput } from '@shared/returns';
import type { DestinationsFileSource, RiskListSource } from '@shared/returns';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { getSetting } from './settings';
import { ERASED_RECORD_MESSAGE, wasErased } from './pupils';

/** Every young person, school and destinations entry, and the risk weights: both files are built from this. */
export async function loadCouncilFileSource(db: CareersDeskDb): Promise<DestinationsFileSource & RiskListSource> {
  return db.transaction('r', [db.pupils, db.schools, db.destinations, db.settings], async () => {
    const [pupils, schools, entries, weights] = await Promise.all([
      db.pupils.toArray(),
      db.schools.toArray(),
      db.destinations.toArray(),
      getSetting(db, 'riskWeights'),
    ]);
    return { pupils, schools, entries, weights: weights ?? {} };
  });
}

/**
 * Keeps what the council said back about a young person on the risk-of-NEET list as a dated note on
 * their record, with its audit entry, in one transaction. Refused, nothing written, when the note has a
 * problem or the record is gone.
 */
export async function addRiskListNote(
  db: CareersDeskDb,
  pupilId: string,
  input: RiskListNoteInput,
  actorId: string | null,
  options: { now: Date; today: string },
): Promise<Checked<Pupil>> {
  const problems = riskListNoteProblems(input, options.today);
  if (problems.length > 0) return { ok: false, problems };
  return db.transaction('rw', [db.pupils, db.settings, db.audit], async () => {
    if (await wasErased(db, pupilId)) return { ok: false, problems: [{ field: 'form', message: ERASED_RECORD_MESSAGE }] };
    const pupil = await db.pupils.get(pupilId);
    if (!pupil) return { ok: false, problems: [{ field: 'form', message: "That young person's record no longer exists." }] };
    const note: RiskListNote = {
      recordedOn: input.recordedOn,
      from: input.from.trim(),
      councilBand: input.councilBand,
      text: input.text.trim(),
    };
    const saved = pupilSchema.parse({ ...pupil, riskListNotes: [...pupil.riskListNotes, note], updatedAt: options.now.toISOString() });
    await db.pupils.put(saved);
    await writeAudit(
      db,
      {
        actorId,
        action: 'update',
        entity: 'pupil',
        recordId: pupilId,
        pupilId,
        summary: "Recorded the council's view on the risk-of-NEET list",
        before: pupil,
      },
      options.now,
    );
    return { ok: true, value: saved };
  });
}
