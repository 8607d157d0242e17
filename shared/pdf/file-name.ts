import type { Pupil } from '../model/pupil';

type NameParts = Pick<Pupil, 'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname'>;

/** Characters Windows or macOS refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const NOT_ALLOWED = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** Makes one part of a file name safe on Windows, macOS and Linux: no forbidden characters, single spaces. */
export function safeFileNamePart(text: string): string {
  return text
    .replace(NOT_ALLOWED, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces silently; a leading dot hides the file on macOS and Linux.
    .replace(/^[.\s]+|[.\s]+$/g, '');
}

/**
 * The default name of a saved action plan: `Action plan - Preferred Surname - 2026-11-23.pdf`.
 * The preferred name falls back to the legal one, part by part. `date` is an ISO date (a datetime is cut to its date).
 */
export function actionPlanFileName(pupil: NameParts, date: string): string {
  const forename = safeFileNamePart(pupil.preferredForename) || safeFileNamePart(pupil.legalForename);
  const surname = safeFileNamePart(pupil.preferredSurname) || safeFileNamePart(pupil.legalSurname);
  const name = `${forename} ${surname}`.trim().slice(0, 120) || 'Young person';
  const day = safeFileNamePart(date.slice(0, 10));
  return `Action plan - ${name} - ${day}.pdf`;
}

/**
 * Makes file names unique for a batch written into one folder or zip, case-insensitively (Windows and macOS
 * treat `a.pdf` and `A.pdf` as one file): the second `X.pdf` becomes `X (2).pdf`. Order is kept.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
