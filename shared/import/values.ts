/**
 * Reading one value of an MIS export: dates written the UK way, yes/no flags written any of the
 * ways MIS packages write them, SEN status codes, genders and year groups. Each reader gives the
 * value, or a message saying what was found and what was expected.
 */
import { FIRST_YEAR_GROUP, LAST_YEAR_GROUP, isRealIsoDate, parseUkDate } from '../academic-year';
import type { Pupil } from '../model/pupil';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** Quotes the value in a message, shortened so one stray paragraph cannot flood the preview. */
export function shown(value: string): string {
  const trimmed = value.trim();
  return `"${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}"`;
}

/**
 * A date as MIS exports write it: 23/11/2010 (also with - or . between, and with a time after it,
 * as Excel adds), or ISO 2010-11-23. Two-digit years are refused: 01/02/10 could be 1910 or 2010.
 */
export function readUkDate(text: string): Read<string> {
  const value = text.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (isRealIsoDate(value)) return ok(value);
    return fail(`${shown(text)} is not a real date`);
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(value)) return fail(`${shown(text)} has a two-digit year: write dates as dd/mm/yyyy`);
  const iso = parseUkDate(value);
  if (iso) return ok(iso);
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(value)) return fail(`${shown(text)} is not a real date (dates are read as dd/mm/yyyy)`);
  return fail(`${shown(text)} is not a date: write dates as dd/mm/yyyy`);
}

const YES = new Set(['y', 'yes', 'true', 't', '1', 'x']);
const NO = new Set(['n', 'no', 'false', 'f', '0', '']);

/** A yes/no flag: Y, Yes, True, T, 1 or X for yes; N, No, False, F, 0 or blank for no. */
export function readFlag(text: string): Read<boolean> {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return ok(true);
  if (NO.has(value)) return ok(false);
  return fail(`${shown(text)} is not yes or no: use Y or N`);
}

export interface SenStatus {
  senSupport: boolean;
  ehcp: boolean;
}

/**
 * The SEN provision code of the school census: N no special provision, K SEN support, E an
 * education, health and care plan. Older codes are read as their successors (S statement as E;
 * A School Action and P School Action Plus as K). The words are accepted too.
 */
export function readSenStatus(text: string): Read<SenStatus> {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'n' || value === 'no' || value === 'none' || value === 'no special educational need')
    return ok({ senSupport: false, ehcp: false });
  if (['k', 'sen support', 'a', 'p', 'school action', 'school action plus'].includes(value)) return ok({ senSupport: true, ehcp: false });
  if (['e', 'ehcp', 'ehc plan', 'education, health and care plan', 'education health and care plan', 's', 'statement'].includes(value))
    return ok({ senSupport: false, ehcp: true });
  return fail(`${shown(text)} is not an SEN status: use N (none), K (SEN support) or E (EHC plan)`);
}

/** Gender as MIS exports write it: M, F, Male, Female; blank is not recorded. */
export function readGender(text: string): Read<Pupil['gender']> {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'u' || value === 'unknown' || value === 'not known' || value === 'not recorded') return ok('not-recorded');
  if (value === 'f' || value === 'female' || value === 'girl') return ok('female');
  if (value === 'm' || value === 'male' || value === 'boy') return ok('male');
  if (value === 'x' || value === 'o' || value === 'other' || value === 'non-binary') return ok('other');
  if (value === 'prefer not to say' || value === 'refused') return ok('prefer-not-to-say');
  return fail(`${shown(text)} is not a gender Careers Desk recognises: use F, M or leave it blank`);
}

/** A National Curriculum year: 10, Y10, Year 10 or Yr 10. Only secondary and post-16 years (7 to 14) are held. */
export function readYearGroup(text: string): Read<number | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  const match = /^(?:y(?:ea)?r?\s*)?(\d{1,2})$/i.exec(value);
  if (!match) return fail(`${shown(text)} is not a year group: write it as a number, like 10`);
  const year = Number(match[1]);
  if (year < FIRST_YEAR_GROUP || year > LAST_YEAR_GROUP)
    return fail(`Year ${year} is outside the years Careers Desk holds (${FIRST_YEAR_GROUP} to ${LAST_YEAR_GROUP})`);
  return ok(year);
}

/** Attendance as a percentage from 0 to 100, with or without the % sign. */
export function readPercent(text: string): Read<number | null> {
  const value = text.trim().replace(/%$/, '').trim();
  if (value === '') return ok(null);
  if (!/^\d{1,3}(\.\d+)?$/.test(value)) return fail(`${shown(text)} is not a percentage: write it like 93.5`);
  const number = Number(value);
  if (number > 100) return fail(`${shown(text)} is above 100%`);
  return ok(number);
}
