/**
 * The rules of the "add or edit a post-16 route" and "add or edit a provider" forms, in one place:
 * what each form holds as typed, how it becomes a record, and every check with a message that says
 * what to do. Field names are dotted paths ("startDates.1", "campuses.0.outcode") so each message can
 * sit beside its field.
 */
import { defaultDistrictFor, type AreaId } from '../reference';
import type { RouteKindId } from '../reference/lists';
import type { SectorId } from '../reference/sectors';
import { isoDateSchema, type PickedStop } from '../model/common';
import { problemsFromZod, type Checked, type Problem } from '../model/problems';
import { APPLY_VIA, PROVIDER_KINDS, providerSchema, routeSchema, type Provider, type Route } from '../model/routes';

export type ApplyViaId = (typeof APPLY_VIA)[number];
export type ProviderKindId = (typeof PROVIDER_KINDS)[number];

export const ROUTE_LEVELS = [0, 1, 2, 3, 4, 5, 6, 7] as const;
export const ROUTE_AGE_RANGE = { min: 14, max: 99 } as const;
export const GCSE_GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export const MAX_START_DATES = 20;
/** Skills Bootcamps are for adults: 19 and over. */
export const SKILLS_BOOTCAMP_MINIMUM_AGE = 19;

/** "Entry level" for 0, "Level 3" otherwise. */
export function levelText(level: number): string {
  return level === 0 ? 'Entry level' : `Level ${level}`;
}

// ---------------------------------------------------------------------------------------------
// Routes

export interface RouteForm {
  providerId: string | null;
  /** null: no particular campus (or the provider has only one). */
  campusId: string | null;
  title: string;
  kind: RouteKindId | null;
  sector: SectorId | null;
  level: number | null;
  entryRequirements: { englishGrade: number | null; mathsGrade: number | null; notes: string };
  applyVia: ApplyViaId | null;
  /** ISO dates as typed, one per row ('' for a row not filled in yet). */
  startDates: string[];
  minimumAge: number | null;
  maximumAge: number | null;
  description: string;
}

export type RouteRecordInput = Omit<Route, 'id' | 'createdAt' | 'updatedAt'>;

export function emptyRouteForm(): RouteForm {
  return {
    providerId: null,
    campusId: null,
    title: '',
    kind: null,
    sector: null,
    level: null,
    entryRequirements: { englishGrade: null, mathsGrade: null, notes: '' },
    applyVia: 'kent-choices',
    startDates: [],
    minimumAge: 16,
    maximumAge: null,
    description: '',
  };
}

export function formFromRoute(route: Route): RouteForm {
  return {
    providerId: route.providerId,
    campusId: route.campusId,
    title: route.title,
    kind: route.kind,
    sector: route.sector,
    level: route.level,
    entryRequirements: { ...route.entryRequirements },
    applyVia: route.applyVia,
    startDates: [...route.startDates],
    minimumAge: route.minimumAge,
    maximumAge: route.maximumAge,
    description: route.description,
  };
}

export interface RouteFormContext {
  /** The providers the route may belong to, with their campuses. */
  providers: readonly Pick<Provider, 'id' | 'name' | 'campuses'>[];
  /** Kept from the stored record when editing: the form does not own it. */
  existing?: Pick<Route, 'isDemo'>;
}

const ROUTE_FIELD_LABELS: Record<string, string> = {
  providerId: 'Provider',
  campusId: 'Campus',
  title: 'Title',
  kind: 'Kind of route',
  sector: 'Sector or subject',
  level: 'Level',
  'entryRequirements.englishGrade': 'English grade',
  'entryRequirements.mathsGrade': 'Maths grade',
  'entryRequirements.notes': 'Other entry requirements',
  applyVia: 'How to apply',
  startDates: 'Start dates',
  minimumAge: 'Minimum age',
  maximumAge: 'Maximum age',
  description: 'Description',
};

/** The words the error summary puts before a problem's message: "Start date 2". */
export function routeFieldLabel(field: string): string {
  const known = ROUTE_FIELD_LABELS[field];
  if (known) return known;
  const start = /^startDates\.(\d+)$/.exec(field);
  if (start) return `Start date ${Number(start[1]) + 1}`;
  return field;
}

/** Labels for every problem's field, in the shape ErrorSummary takes. */
export function routeFieldLabels(problems: readonly Problem[]): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [p.field, routeFieldLabel(p.field)]));
}

function isRealDate(text: string): boolean {
  return isoDateSchema.safeParse(text).success;
}

function isWhole(value: number | null, min: number, max: number): value is number {
  return value !== null && Number.isInteger(value) && value >= min && value <= max;
}

function checkGrade(grade: number | null, field: string, add: (field: string, message: string) => void): void {
  if (grade !== null && !isWhole(grade, 1, 9)) add(field, 'GCSE grades run from 1 to 9; leave it empty if no grade is asked for');
}

/** Checks the route form and builds the record to store, or lists every problem by field, in form order. */
export function checkRouteForm(form: RouteForm, context: RouteFormContext): Checked<RouteRecordInput> {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };

  const provider = form.providerId ? context.providers.find((p) => p.id === form.providerId) : undefined;
  if (!form.providerId) add('providerId', 'Choose the provider that runs this route');
  else if (!provider) add('providerId', 'The provider chosen is no longer recorded; choose another');
  if (provider && form.campusId !== null && !provider.campuses.some((c) => c.id === form.campusId)) {
    add('campusId', `Choose one of ${provider.name}'s campuses, or "No particular campus"`);
  }
  if (form.title.trim() === '') add('title', 'Enter the route\'s title, like "T Level in Digital"');
  if (form.kind === null) add('kind', 'Choose the kind of route');
  if (form.level === null) add('level', 'Choose the level, from entry level to level 7');
  else if (!isWhole(form.level, 0, 7)) add('level', 'The level must be a whole number from 0 (entry level) to 7');
  checkGrade(form.entryRequirements.englishGrade, 'entryRequirements.englishGrade', add);
  checkGrade(form.entryRequirements.mathsGrade, 'entryRequirements.mathsGrade', add);
  if (form.applyVia === null) add('applyVia', 'Choose how young people apply');

  const seen = new Map<string, number>();
  form.startDates.forEach((typed, i) => {
    const date = typed.trim();
    if (date === '') add(`startDates.${i}`, 'Enter the start date, or remove this row');
    else if (!isRealDate(date)) add(`startDates.${i}`, 'Enter a real start date');
    else {
      const earlier = seen.get(date);
      if (earlier !== undefined) add(`startDates.${i}`, `This is the same date as start date ${earlier + 1}; remove one`);
      else seen.set(date, i);
    }
  });
  if (form.startDates.length > MAX_START_DATES) add('startDates', `List at most ${MAX_START_DATES} start dates`);

  const { min, max } = ROUTE_AGE_RANGE;
  if (!isWhole(form.minimumAge, min, max)) add('minimumAge', `Enter a minimum age from ${min} to ${max}`);
  else if (form.kind === 'skills-bootcamp' && form.minimumAge < SKILLS_BOOTCAMP_MINIMUM_AGE) {
    add(
      'minimumAge',
      `Skills Bootcamps are for people aged ${SKILLS_BOOTCAMP_MINIMUM_AGE} and over: ` +
        `set the minimum age to ${SKILLS_BOOTCAMP_MINIMUM_AGE} or more`,
    );
  }
  if (form.maximumAge !== null) {
    if (!isWhole(form.maximumAge, min, max))
      add('maximumAge', `Enter a maximum age from ${min} to ${max}, or leave it empty for no upper limit`);
    else if (isWhole(form.minimumAge, min, max) && form.maximumAge < form.minimumAge)
      add('maximumAge', 'The maximum age must be the same as the minimum age or more');
  }

  const record = {
    providerId: form.providerId ?? undefined,
    campusId: form.campusId,
    title: form.title.trim(),
    kind: form.kind ?? undefined,
    sector: form.sector,
    level: form.level ?? undefined,
    entryRequirements: { ...form.entryRequirements, notes: form.entryRequirements.notes.trim() },
    applyVia: form.applyVia ?? undefined,
    // Sorted once checked, so a problem's row number is the row the adviser sees.
    startDates: form.startDates.map((d) => d.trim()),
    minimumAge: form.minimumAge ?? undefined,
    maximumAge: form.maximumAge,
    description: form.description.trim(),
    isDemo: context.existing?.isDemo ?? false,
  };
  const parsed = routeSchema.omit({ id: true, createdAt: true, updatedAt: true }).safeParse(record);
  if (!parsed.success) {
    // Problems already reported in the user's words above are not repeated in the schema's.
    for (const problem of problemsFromZod(parsed.error)) add(problem.field, problem.message);
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: inOrder(problems, ROUTE_FORM_ORDER) };
  return { ok: true, value: { ...parsed.data, startDates: [...parsed.data.startDates].sort() } };
}

const ROUTE_FORM_ORDER = [
  'providerId',
  'campusId',
  'title',
  'kind',
  'sector',
  'level',
  'entryRequirements',
  'applyVia',
  'startDates',
  'minimumAge',
  'maximumAge',
  'description',
];

// ---------------------------------------------------------------------------------------------
// Providers

export interface CampusForm {
  id: string;
  name: string;
  /** The outward code as typed, like "CT9"; '' when not known. */
  outcode: string;
  /** Chosen district; null means "use the default for the outcode". */
  district: AreaId | null;
  /** The stop picked nearest the campus (features/travel StopPicker); null: journeys end at the outcode centre. */
  nearestStop: PickedStop | null;
}

export interface ProviderForm {
  name: string;
  kind: ProviderKindId | null;
  website: string;
  campuses: CampusForm[];
}

export type ProviderRecordInput = Omit<Provider, 'id' | 'createdAt' | 'updatedAt'>;

export function emptyProviderForm(): ProviderForm {
  return { name: '', kind: null, website: '', campuses: [] };
}

/** A new campus row; `id` is a fresh UUID from the caller. */
export function emptyCampus(id: string): CampusForm {
  return { id, name: '', outcode: '', district: null, nearestStop: null };
}

export function formFromProvider(provider: Provider): ProviderForm {
  return {
    name: provider.name,
    kind: provider.kind,
    website: provider.website,
    campuses: provider.campuses.map((c) => ({
      id: c.id,
      name: c.name,
      outcode: c.outcode ?? '',
      district: c.district,
      nearestStop: c.nearestStop ?? null,
    })),
  };
}

export interface ProviderFormContext {
  existing?: Pick<Provider, 'isDemo'>;
  /** Campuses that routes name (campus id to how many routes): they cannot be removed. */
  campusesInUse?: ReadonlyMap<string, number>;
}

const OUTCODE = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/** An outward code as typed ("ct9 ", "CT9 1AA") tidied to "CT9", or null when it is not one. */
export function normaliseOutcode(typed: string): string | null {
  const first = typed.trim().toUpperCase().split(/\s+/)[0] ?? '';
  return OUTCODE.test(first) ? first : null;
}

/** The district a campus is in: the one chosen, or the default for its outcode. */
export function campusDistrict(campus: Pick<CampusForm, 'outcode' | 'district'>): AreaId | null {
  return campus.district ?? defaultDistrictFor(normaliseOutcode(campus.outcode));
}

const PROVIDER_FIELD_LABELS: Record<string, string> = { name: 'Name', kind: 'Kind of provider', website: 'Website', campuses: 'Campuses' };
const CAMPUS_FIELD_LABELS: Record<string, string> = { name: 'name', outcode: 'outcode', district: 'district' };

export function providerFieldLabel(field: string): string {
  const known = PROVIDER_FIELD_LABELS[field];
  if (known) return known;
  const campus = /^campuses\.(\d+)\.(\w+)$/.exec(field);
  if (campus) return `Campus ${Number(campus[1]) + 1}: ${CAMPUS_FIELD_LABELS[campus[2] ?? ''] ?? campus[2]}`;
  return field;
}

export function providerFieldLabels(problems: readonly Problem[]): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [p.field, providerFieldLabel(p.field)]));
}

/** Checks the provider form and builds the record to store, or lists every problem by field, in form order. */
export function checkProviderForm(form: ProviderForm, context: ProviderFormContext = {}): Checked<ProviderRecordInput> {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };

  if (form.name.trim() === '') add('name', "Enter the provider's name");
  if (form.kind === null) add('kind', 'Choose the kind of provider');
  const website = form.website.trim();
  if (website !== '' && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website))
    add('website', 'Enter the website address in full, like https://www.example.ac.uk');

  const names = new Map<string, number>();
  const campuses = form.campuses.map((campus, i) => {
    const name = campus.name.trim();
    const earlier = names.get(name.toLowerCase());
    if (name === '') add(`campuses.${i}.name`, 'Enter the campus name, or remove this campus');
    else if (earlier !== undefined) add(`campuses.${i}.name`, `Campus ${earlier + 1} has the same name; give each campus its own name`);
    else names.set(name.toLowerCase(), i);
    let outcode: string | null = null;
    if (campus.outcode.trim() !== '') {
      outcode = normaliseOutcode(campus.outcode);
      if (outcode === null) add(`campuses.${i}.outcode`, 'Enter the first part of the postcode, like ME14');
    }
    return { id: campus.id, name, outcode, district: campus.district ?? defaultDistrictFor(outcode), nearestStop: campus.nearestStop };
  });
  const kept = new Set(form.campuses.map((c) => c.id));
  for (const [campusId, routes] of context.campusesInUse ?? []) {
    if (!kept.has(campusId))
      add(
        'campuses',
        `A campus that ${routes === 1 ? '1 route names' : `${routes} routes name`} cannot be removed; ` +
          'move those routes to another campus first',
      );
  }

  const record = { name: form.name.trim(), kind: form.kind ?? undefined, website, campuses, isDemo: context.existing?.isDemo ?? false };
  const parsed = providerSchema.omit({ id: true, createdAt: true, updatedAt: true }).safeParse(record);
  if (!parsed.success) {
    for (const problem of problemsFromZod(parsed.error)) add(problem.field, problem.message);
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: inOrder(problems, PROVIDER_FORM_ORDER) };
  return { ok: true, value: parsed.data };
}

const PROVIDER_FORM_ORDER = ['name', 'kind', 'website', 'campuses'];

/** Problems sorted as the form shows its fields; rows keep their order (the sort is stable). */
function inOrder(problems: Problem[], order: readonly string[]): Problem[] {
  const rank = (p: Problem) => {
    const i = order.indexOf(p.field.split('.')[0] ?? p.field);
    return i === -1 ? order.length : i;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b));
}
