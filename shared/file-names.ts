/**
 * Every file the app saves is named here: one set of rules for Windows, macOS and Linux, so a
 * young person's name can never break a save, hide an extension or clash with another file.
 */
import type { Pupil } from './model/pupil';

type NameParts = Pick<Pupil, 'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname'>;

/**
 * Characters a file system refuses (\ / : * ? " < > |), control characters (C0, DEL, C1) and the
 * invisible bidirectional controls that can make "Ali‮fdp.exe" look like an .exe.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
export const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const ONE_NOT_IN_FILE_NAMES = new RegExp(NOT_IN_FILE_NAMES.source);

/** True when `name` holds a character safeFileNamePart would remove (for checks at the edges, such as IPC). */
export function hasUnsafeFileNameCharacter(name: string): boolean {
  return ONE_NOT_IN_FILE_NAMES.test(name);
}

/** Names Windows keeps for devices, whatever the extension ("CON.pdf" is the console). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Long enough for any real name and date, short enough for Windows' 260-character paths. */
const MAX_STEM = 150;

/** Makes one part of a file name safe: no forbidden or invisible characters, single spaces, NFC. */
export function safeFileNamePart(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(NOT_IN_FILE_NAMES, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // Windows drops trailing dots and spaces silently; a leading dot hides the file on macOS and Linux.
      .replace(/^[.\s]+|[.\s]+$/g, '')
  );
}

/**
 * The one way to name a saved file: `stem.extension`, the stem made safe, capped in length, never a
 * Windows device name, and never empty (`fallback` then). `extension` is given without its dot.
 */
export function safeFileName(stem: string, extension: string, fallback = 'Careers Desk'): string {
  let safe =
    safeFileNamePart(stem)
      .slice(0, MAX_STEM)
      .replace(/[.\s]+$/, '') || fallback;
  if (WINDOWS_RESERVED.test(safe.split('.')[0] ?? '')) safe = `${safe} file`;
  return `${safe}.${extension}`;
}

/** True when Windows would take `name` for a device (con, nul, com1…), with or without an extension. */
export function isReservedFileName(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0]?.trim() ?? '');
}

/**
 * How two file names compare for a clash: without case (Windows and macOS ignore it), accents or
 * Unicode spelling ("Zoë" typed two ways is one name to macOS, and an adviser would not tell them apart).
 */
export function fileNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/**
 * The default name of a saved action plan: `Action plan - Preferred Surname - 2026-11-23.pdf`.
 * The preferred name falls back to the legal one, part by part. `date` is an ISO date (a datetime is cut to its date).
 */
export function actionPlanFileName(pupil: NameParts, date: string): string {
  const forename = safeFileNamePart(pupil.preferredForename) || safeFileNamePart(pupil.legalForename);
  const surname = safeFileNamePart(pupil.preferredSurname) || safeFileNamePart(pupil.legalSurname);
  const name = `${forename} ${surname}`.trim().slice(0, 120) || 'Young person';
  return safeFileName(`Action plan - ${name} - ${date.slice(0, 10)}`, 'pdf');
}

/**
 * The default name of a placement's letter: `Placement confirmation - Harbour Kitchens - Amira Khan.pdf`,
 * the young person by their preferred name as on the letter itself (falling back to the legal one, part by part).
 */
export function placementLetterFileName(title: string, employerName: string, pupil: NameParts): string {
  const forename = safeFileNamePart(pupil.preferredForename) || safeFileNamePart(pupil.legalForename);
  const surname = safeFileNamePart(pupil.preferredSurname) || safeFileNamePart(pupil.legalSurname);
  const name = `${forename} ${surname}`.trim().slice(0, 60) || 'Young person';
  const employer = safeFileNamePart(employerName).slice(0, 60) || 'Employer';
  return safeFileName(`${title} - ${employer} - ${name}`, 'pdf');
}

/**
 * Makes file names unique for a batch written into one folder or zip, by fileNameKey: the second
 * `X.pdf` becomes `X (2).pdf`. Order is kept.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; taken.has(fileNameKey(candidate)); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(fileNameKey(candidate));
    return candidate;
  });
}
