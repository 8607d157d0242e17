import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { characteristicsSchema, routeSchema, type Provider } from '@shared/model';
import {
  campusDistrict,
  checkProviderForm,
  checkRouteForm,
  emptyCampus,
  emptyProviderForm,
  emptyRouteForm,
  formFromProvider,
  formFromRoute,
  normaliseOutcode,
  routeFieldLabel,
  type RouteForm,
} from '@shared/routes/form';
import { campusText, emptyRouteFilters, entryRequirementsText, matchesRouteFilters, startDatesText } from '@shared/routes/list';
import { intendedDestinationFor } from '@shared/routes/destination';
import { circumstancesRuleOut, levelSuggestedFor, post16StartFor, routeAges } from '@shared/routes/eligibility';
import { CareersDeskDb } from '@renderer/db/schema';
import { campusesInUse, findRoutes, saveProvider, saveRoute } from '@renderer/db/routes';
import { createRandom } from '@shared/random';
import { createFactories } from '../support/factories';

const ids = createRandom(21);
const stamp = '2027-01-10T09:00:00.000Z';
const college: Provider = createFactories({ ids, stamp }).provider({
  name: 'MidKent College',
  kind: 'fe-college',
  campuses: [
    { id: ids.uuid(), name: 'Maidstone campus', outcode: 'ME16', district: 'maidstone' },
    { id: ids.uuid(), name: 'Gillingham campus', outcode: 'ME7', district: 'medway' },
  ],
});

function tLevelForm(overrides: Partial<RouteForm> = {}): RouteForm {
  return {
    ...emptyRouteForm(),
    providerId: college.id,
    campusId: college.campuses[1]!.id,
    title: 'T Level in Digital',
    kind: 't-level',
    sector: 'digital',
    level: 3,
    entryRequirements: { englishGrade: 4, mathsGrade: 4, notes: '' },
    applyVia: 'kent-choices',
    startDates: ['2027-09-06'],
    ...overrides,
  };
}

describe('the route form', () => {
  it('builds a route record from a complete form, with start dates in order', () => {
    const checked = checkRouteForm(tLevelForm({ startDates: ['2028-01-10', ' 2027-09-06 '] }), { providers: [college] });
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.value.startDates).toEqual(['2027-09-06', '2028-01-10']);
      expect(routeSchema.omit({ id: true, createdAt: true, updatedAt: true }).safeParse(checked.value).success).toBe(true);
    }
  });

  it('says what is missing on an empty form, in the order the form shows it', () => {
    const checked = checkRouteForm({ ...emptyRouteForm(), applyVia: null, minimumAge: null }, { providers: [college] });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((p) => p.field)).toEqual(['providerId', 'title', 'kind', 'level', 'applyVia', 'minimumAge']);
      expect(checked.problems[0]!.message).toBe('Choose the provider that runs this route');
    }
  });

  it('refuses a campus of another provider, a grade outside 1 to 9 and a level above 7', () => {
    const checked = checkRouteForm(
      tLevelForm({ campusId: ids.uuid(), level: 8, entryRequirements: { englishGrade: 10, mathsGrade: 4, notes: '' } }),
      { providers: [college] },
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((p) => p.field)).toEqual(['campusId', 'level', 'entryRequirements.englishGrade']);
      expect(checked.problems[0]!.message).toContain("MidKent College's campuses");
    }
  });

  it('checks each start date: empty rows, unreal dates and repeats, naming the row', () => {
    const checked = checkRouteForm(tLevelForm({ startDates: ['2027-09-06', '', '2027-02-30', '2027-09-06'] }), { providers: [college] });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems).toEqual([
        { field: 'startDates.1', message: 'Enter the start date, or remove this row' },
        { field: 'startDates.2', message: 'Enter a real start date' },
        { field: 'startDates.3', message: 'This is the same date as start date 1; remove one' },
      ]);
      expect(routeFieldLabel('startDates.3')).toBe('Start date 4');
    }
  });

  it('keeps ages in order and Skills Bootcamps for people aged 19 and over', () => {
    const ages = checkRouteForm(tLevelForm({ minimumAge: 18, maximumAge: 16 }), { providers: [college] });
    expect(!ages.ok && ages.problems.map((p) => p.message)).toEqual(['The maximum age must be the same as the minimum age or more']);
    const bootcamp = checkRouteForm(tLevelForm({ kind: 'skills-bootcamp', minimumAge: 16 }), { providers: [college] });
    expect(!bootcamp.ok && bootcamp.problems[0]!.message).toContain('Skills Bootcamps are for people aged 19 and over');
  });

  it('round-trips a stored route through the form', () => {
    const checked = checkRouteForm(tLevelForm(), { providers: [college], existing: { isDemo: true } });
    if (!checked.ok) throw new Error('expected a valid form');
    const route = routeSchema.parse({ ...checked.value, id: ids.uuid(), createdAt: stamp, updatedAt: stamp });
    expect(route.isDemo).toBe(true);
    expect(formFromRoute(route)).toEqual(tLevelForm());
  });
});

describe('the provider form', () => {
  it('tidies each campus outcode and fills the district from it unless one is chosen', () => {
    const form = {
      ...emptyProviderForm(),
      name: ' Kent Training ',
      kind: 'training-provider' as const,
      campuses: [
        { ...emptyCampus(ids.uuid()), name: 'Margate', outcode: 'ct9 1aa' },
        { ...emptyCampus(ids.uuid()), name: 'Chatham', outcode: 'ME4', district: 'swale' as const },
      ],
    };
    const checked = checkProviderForm(form);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.value.name).toBe('Kent Training');
      expect(checked.value.campuses.map((c) => [c.outcode, c.district])).toEqual([
        ['CT9', 'thanet'],
        ['ME4', 'swale'],
      ]);
    }
    expect(normaliseOutcode('tn23')).toBe('TN23');
    expect(campusDistrict({ outcode: 'TN23', district: null })).toBe('ashford');
  });

  it('keeps the stop picked nearest each campus, and reads a campus stored before stops as having none', () => {
    const stop = { stopId: 'RAM', name: 'Ramsgate, King Street' };
    const form = {
      ...emptyProviderForm(),
      name: 'East Kent College',
      kind: 'fe-college' as const,
      campuses: [{ ...emptyCampus(ids.uuid()), name: 'Ramsgate', outcode: 'CT11', nearestStop: stop }],
    };
    const checked = checkProviderForm(form);
    expect(checked.ok && checked.value.campuses[0]?.nearestStop).toEqual(stop);
    // college was made without a stop, as every campus stored before this field: the form holds none.
    expect(formFromProvider(college).campuses.map((c) => c.nearestStop)).toEqual([null, null]);
    expect(
      formFromProvider(
        createFactories({ ids, stamp }).provider({ campuses: [{ id: ids.uuid(), name: 'Ramsgate', outcode: 'CT11', nearestStop: stop }] }),
      ).campuses[0]?.nearestStop,
    ).toEqual(stop);
  });

  it('lists problems beside each campus and refuses to drop a campus routes still name', () => {
    const form = formFromProvider(college);
    form.website = 'midkent.ac.uk';
    form.campuses = [
      { ...form.campuses[0]!, outcode: '12345' },
      { ...emptyCampus(ids.uuid()), name: 'maidstone CAMPUS' },
    ];
    const checked = checkProviderForm(form, { campusesInUse: new Map([[college.campuses[1]!.id, 3]]) });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((p) => p.field)).toEqual(['website', 'campuses.0.outcode', 'campuses.1.name', 'campuses']);
      expect(checked.problems[3]!.message).toContain('3 routes name');
    }
  });
});

describe('the routes directory', () => {
  it('says entry requirements as an adviser would', () => {
    expect(entryRequirementsText({ englishGrade: 4, mathsGrade: 4, notes: '' })).toBe('GCSE grade 4 in English and maths');
    expect(entryRequirementsText({ englishGrade: 5, mathsGrade: 4, notes: 'Grade 6 in the subjects to be studied' })).toBe(
      'GCSE grade 5 in English and grade 4 in maths; Grade 6 in the subjects to be studied',
    );
    expect(entryRequirementsText({ englishGrade: null, mathsGrade: 3, notes: '' })).toBe('GCSE grade 3 in maths');
    expect(entryRequirementsText({ englishGrade: null, mathsGrade: null, notes: '' })).toBe('No GCSE grades asked for');
  });

  it('shows start dates in UK format and the campus with its outcode and district', () => {
    expect(startDatesText(['2028-01-10', '2027-09-06'])).toBe('06/09/2027, 10/01/2028');
    expect(startDatesText([])).toBe('Starts at any time');
    expect(campusText(college.campuses[1])).toBe('Gillingham campus, ME7 (Medway)');
  });

  it('filters by kind, level and words in the title or provider name', () => {
    const route = { title: 'T Level in Digital', kind: 't-level' as const, sector: 'digital' as const, providerId: college.id, level: 3 };
    expect(matchesRouteFilters(route, college.name, { ...emptyRouteFilters(), text: 'digital midkent' })).toBe(true);
    expect(matchesRouteFilters(route, college.name, { ...emptyRouteFilters(), text: 'digital ekc' })).toBe(false);
    expect(matchesRouteFilters(route, college.name, { ...emptyRouteFilters(), kind: 'apprenticeship' })).toBe(false);
    expect(matchesRouteFilters(route, college.name, { ...emptyRouteFilters(), level: 3, kind: 't-level' })).toBe(true);
  });
});

describe('the intended destination a route means', () => {
  it('maps routes to NCCIS codes where the route settles it', () => {
    expect(intendedDestinationFor('a-levels', 'school-sixth-form')).toMatchObject({ code: '210', certain: true });
    expect(intendedDestinationFor('a-levels', 'sixth-form-college')).toMatchObject({ code: '220', certain: true });
    expect(intendedDestinationFor('t-level', 'fe-college')).toMatchObject({ code: '230', certain: true });
    expect(intendedDestinationFor('foundation', 'fe-college')).toMatchObject({ code: '230', certain: true });
    expect(intendedDestinationFor('apprenticeship', 'training-provider')).toMatchObject({ code: '310', certain: true });
    expect(intendedDestinationFor('supported-internship', 'fe-college')).toMatchObject({ code: '460', certain: true });
  });

  it('asks the adviser, with a sensible first choice, where it does not', () => {
    expect(intendedDestinationFor('skills-bootcamp', 'training-provider')).toMatchObject({ code: '430', certain: false });
    expect(intendedDestinationFor('youth-hub', 'programme')).toMatchObject({ code: '440', certain: false });
    expect(intendedDestinationFor('vocational', 'training-provider')).toMatchObject({ code: '410', certain: false });
  });
});

describe('route and provider records', () => {
  let db: CareersDeskDb;
  let n = 0;
  beforeEach(async () => {
    n += 1;
    db = new CareersDeskDb(`careers-desk-routes-${n}`, testDatabaseOptions());
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('saves a provider and a route with audit entries, and finds the route by kind and words', async () => {
    const { id: _i, createdAt: _c, updatedAt: _u, ...providerFields } = college;
    const provider = await saveProvider(db, providerFields, null);
    const checked = checkRouteForm(tLevelForm({ providerId: provider.id, campusId: provider.campuses[0]!.id }), { providers: [provider] });
    if (!checked.ok) throw new Error('expected a valid form');
    const route = await saveRoute(db, checked.value, null);
    expect((await findRoutes(db, { ...emptyRouteFilters(), kind: 't-level', text: 'digital' })).map((r) => r.route.id)).toEqual([route.id]);
    expect(await findRoutes(db, { ...emptyRouteFilters(), kind: 'apprenticeship' })).toEqual([]);
    expect((await campusesInUse(db, provider.id)).get(provider.campuses[0]!.id)).toBe(1);
    const audit = await db.audit.toArray();
    expect(audit.map((a) => [a.entity, a.action])).toEqual(
      expect.arrayContaining([
        ['provider', 'create'],
        ['route', 'create'],
      ]),
    );
  });

  it('refuses a route whose provider is not recorded, writing nothing', async () => {
    const checked = checkRouteForm(tLevelForm(), { providers: [college] });
    if (!checked.ok) throw new Error('expected a valid form');
    await expect(saveRoute(db, checked.value, null)).rejects.toThrow('provider');
    expect(await db.routes.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('who a route is open to', () => {
  it('judges the level on the stronger grade of the subjects asked for, or of English and maths when none is', () => {
    const maths8English4 = { english: 4, maths: 8 };
    expect(levelSuggestedFor({ englishGrade: null, mathsGrade: 4 }, { english: 2, maths: 8 })).toBe(3);
    expect(levelSuggestedFor({ englishGrade: 4, mathsGrade: null }, { english: 2, maths: 8 })).toBe(1);
    expect(levelSuggestedFor({ englishGrade: 4, mathsGrade: 4 }, maths8English4)).toBe(3);
    expect(levelSuggestedFor({ englishGrade: null, mathsGrade: null }, { english: 3, maths: 2 })).toBe(2);
    expect(levelSuggestedFor({ englishGrade: null, mathsGrade: null }, { english: null, maths: null })).toBeNull();
  });

  it('starts a young person still at school on post-16 routes the September after Year 11', () => {
    // Year 10 in 2026/27, Year 9, Year 11; and a Year 12, who can start any intake to come.
    expect(post16StartFor({ dateOfBirth: '2011-11-20', yearGroupOverride: null }, 2026)).toEqual({
      startYear: 2028,
      firstDay: '2028-09-01',
    });
    expect(post16StartFor({ dateOfBirth: '2012-11-20', yearGroupOverride: null }, 2026)?.startYear).toBe(2029);
    expect(post16StartFor({ dateOfBirth: '2011-03-10', yearGroupOverride: null }, 2026)?.startYear).toBe(2027);
    expect(post16StartFor({ dateOfBirth: '2010-03-10', yearGroupOverride: null }, 2026)).toBeNull();
    // A year repeated, set by the adviser: still in Year 10 in 2026/27.
    expect(
      post16StartFor({ dateOfBirth: '2010-11-20', yearGroupOverride: { yearGroup: 10, academicYearStart: 2026 } }, 2026)?.startYear,
    ).toBe(2028);
  });

  it("narrows a route's ages to its programme's rule, and keeps supported internships and Connect to Work for those they are for", () => {
    expect(routeAges({ kind: 'youth-hub', minimumAge: 16, maximumAge: null })).toMatchObject({ minimum: 18, maximum: 24 });
    expect(routeAges({ kind: 'skills-bootcamp', minimumAge: 16, maximumAge: null })).toMatchObject({ minimum: 19, maximum: null });
    expect(routeAges({ kind: 't-level', minimumAge: 16, maximumAge: 18 })).toEqual({ minimum: 16, maximum: 18, who: null });
    const none = characteristicsSchema.parse({});
    expect(circumstancesRuleOut('connect-to-work', none)).toMatch(/^Connect to Work is for people with a health condition or disability/);
    expect(circumstancesRuleOut('connect-to-work', { ...none, healthCondition: true })).toBeNull();
    expect(circumstancesRuleOut('supported-internship', { ...none, senSupport: true })).toMatch(/education, health and care plan/);
    expect(circumstancesRuleOut('supported-internship', { ...none, ehcp: true })).toBeNull();
    expect(circumstancesRuleOut('t-level', none)).toBeNull();
  });
});
