import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { findEmployers, getEmployer, saveEmployer, searchEmployers } from '@renderer/db/employers';
import {
  checkEmployerForm,
  emptyEmployerForm,
  emptyOffer,
  employerFieldLabel,
  formFromEmployer,
  type EmployerForm,
} from '@shared/employers/form';
import {
  employerLabel,
  emptyEmployerFilters,
  engagementLabels,
  hasEmployerFilters,
  matchesEmployerFilters,
  offerSummary,
  requirementText,
  yearGroupsText,
  type EmployerFilters,
} from '@shared/employers/list';
import { RISK_CONTROLS_MAX_LENGTH, employerSchema, readOldRequirements, type Employer } from '@shared/model';

const OFFER_ID = '11111111-1111-4111-8111-111111111111';

function filledForm(overrides: Partial<EmployerForm> = {}): EmployerForm {
  return {
    ...emptyEmployerForm(),
    name: 'Harbour Kitchens',
    sector: 'hospitality',
    address: '12 Harbour Way, Margate',
    postcode: 'ct9 1aa',
    contact: { name: 'Sam Reed', email: 'sam@example.org', phone: '01843 123456' },
    offers: [{ ...emptyOffer(OFFER_ID), title: 'Kitchen week', periods: [{ start: '2027-06-14', end: '2027-06-18', capacity: 3 }] }],
    checks: {
      ...emptyEmployerForm().checks,
      riskAssessmentOn: '2026-10-01',
      insuranceExpiresOn: '2027-12-31',
      safeguardingConfirmed: true,
    },
    ...overrides,
  };
}

function fieldsOf(form: EmployerForm): string[] {
  const checked = checkEmployerForm(form);
  return checked.ok ? [] : checked.problems.map((p) => p.field);
}

function messageFor(form: EmployerForm, field: string): string | undefined {
  const checked = checkEmployerForm(form);
  return checked.ok ? undefined : checked.problems.find((p) => p.field === field)?.message;
}

describe('the employer form rules', () => {
  it('turns a good form into a record: postcode normalised, outcode and district from it', () => {
    const checked = checkEmployerForm(filledForm());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).toMatchObject({
      name: 'Harbour Kitchens',
      postcode: 'CT9 1AA',
      outcode: 'CT9',
      district: 'thanet',
      isDemo: false,
    });
    expect(checked.value.checks).toEqual({
      riskAssessmentOn: '2026-10-01',
      insuranceExpiresOn: '2027-12-31',
      safeguardingConfirmed: true,
      riskControls: '',
      dbsPosition: null,
    });
    expect(checked.value.offers[0]).toMatchObject({ id: OFFER_ID, yearGroups: [10, 11, 12], minimumAge: 14 });
  });

  it('keeps a district the adviser chose over the one the postcode suggests', () => {
    const checked = checkEmployerForm(filledForm({ district: 'canterbury' }));
    expect(checked.ok && checked.value.district).toBe('canterbury');
  });

  it('asks for a name and a sector', () => {
    const form = filledForm({ name: '  ', sector: null });
    expect(messageFor(form, 'name')).toBe("Enter the employer's name");
    expect(messageFor(form, 'sector')).toBe('Choose the sector the employer works in');
  });

  it('refuses a postcode that is not the shape of one', () => {
    expect(messageFor(filledForm({ postcode: 'CT9 XYZ' }), 'postcode')).toBe('Enter a real postcode, like ME14 1XX');
  });

  it('says beside the end date when a period ends before it starts', () => {
    const form = filledForm();
    form.offers[0]!.periods = [{ start: '2027-06-18', end: '2027-06-14', capacity: 2 }];
    expect(messageFor(form, 'offers.0.periods.0.end')).toBe('The end date must be on or after the start date');
    expect(employerFieldLabel('offers.0.periods.0.end')).toBe('Offer 1, period 1: end date');
  });

  it("keeps each period's day (08:50 to 16:00 unless changed), and checks the times beside their fields", () => {
    const week = { start: '2027-06-14', end: '2027-06-18' };
    const usual = checkEmployerForm(filledForm());
    if (!usual.ok) throw new Error('expected the form to pass');
    expect(usual.value.offers[0]?.periods[0]).toMatchObject({ startTime: '08:50', finishTime: '16:00' });
    const late = filledForm();
    late.offers[0]!.periods = [{ start: '2027-06-14', end: '2027-06-18', capacity: 2, startTime: '09:30', finishTime: '15:00' }];
    const checked = checkEmployerForm(late);
    if (!checked.ok) throw new Error('expected the form to pass');
    expect(checked.value.offers[0]?.periods[0]).toMatchObject({ startTime: '09:30', finishTime: '15:00' });
    // A period saved before times existed reads as the usual day.
    const older = { ...usual.value, offers: usual.value.offers.map((o) => ({ ...o, periods: [{ ...week, capacity: 2 }] })) };
    expect(formFromEmployer(older as unknown as Employer).offers[0]?.periods[0]).toMatchObject({ startTime: '08:50', finishTime: '16:00' });

    const form = filledForm();
    form.offers[0]!.periods = [
      { start: '2027-06-14', end: '2027-06-18', capacity: 2, startTime: '9.30', finishTime: '16:00' },
      { start: '2027-06-21', end: '2027-06-25', capacity: 2, startTime: '10:00', finishTime: '09:00' },
      { start: '2027-07-05', end: '2027-07-09', capacity: 2, startTime: '08:50', finishTime: '' },
    ];
    expect(messageFor(form, 'offers.0.periods.0.startTime')).toBe('Enter the time the day starts, like 08:50');
    expect(messageFor(form, 'offers.0.periods.1.finishTime')).toBe('The finish must be after the 10:00 start');
    expect(messageFor(form, 'offers.0.periods.2.finishTime')).toBe('Enter the time the day finishes, like 16:00');
    expect(employerFieldLabel('offers.0.periods.1.finishTime')).toBe('Offer 1, period 2: day finishes at');
  });

  it('refuses a capacity below 1, a missing one, and a fraction', () => {
    const form = filledForm();
    form.offers[0]!.periods = [
      { start: '2027-06-14', end: '2027-06-18', capacity: 0 },
      { start: '2027-06-21', end: '2027-06-25', capacity: null },
      { start: '2027-07-05', end: '2027-07-09', capacity: 1.5 },
    ];
    expect(messageFor(form, 'offers.0.periods.0.capacity')).toBe('Capacity must be a whole number, at least 1');
    expect(messageFor(form, 'offers.0.periods.1.capacity')).toBe('Enter how many young people it can take in this period');
    expect(messageFor(form, 'offers.0.periods.2.capacity')).toBe('Capacity must be a whole number, at least 1');
  });

  it('refuses periods of one offer that overlap, missing dates, and dates that are not real', () => {
    const form = filledForm();
    form.offers[0]!.periods = [
      { start: '2027-06-14', end: '2027-06-18', capacity: 2 },
      { start: '2027-06-18', end: '2027-06-22', capacity: 2 },
      { start: '', end: '2027-02-30', capacity: 2 },
    ];
    expect(messageFor(form, 'offers.0.periods.1.start')).toBe('This period overlaps period 1; make them separate dates');
    expect(messageFor(form, 'offers.0.periods.2.start')).toBe('Enter the date the period starts');
    expect(messageFor(form, 'offers.0.periods.2.end')).toBe('Enter a real end date');
  });

  it('asks for an offer title, a period, a year group and a sensible minimum age', () => {
    const form = filledForm();
    form.offers[0] = { ...form.offers[0]!, title: '', periods: [], yearGroups: [], minimumAge: 9 };
    expect(fieldsOf(form)).toEqual(['offers.0.title', 'offers.0.periods', 'offers.0.yearGroups', 'offers.0.minimumAge']);
    expect(employerFieldLabel('offers.0.minimumAge')).toBe('Offer 1: minimum age');
  });

  it('treats empty check dates as not recorded and refuses ones that are not real dates', () => {
    const empty = checkEmployerForm(filledForm({ checks: emptyEmployerForm().checks }));
    expect(empty.ok && empty.value.checks).toEqual({
      riskAssessmentOn: null,
      insuranceExpiresOn: null,
      safeguardingConfirmed: false,
      riskControls: '',
      dbsPosition: null,
    });
    expect(
      messageFor(
        filledForm({ checks: { ...emptyEmployerForm().checks, riskAssessmentOn: '2026-13-01', safeguardingConfirmed: true } }),
        'checks.riskAssessmentOn',
      ),
    ).toBe('Enter a real date, or leave it empty if not known');
  });

  it('keeps the risk controls agreed (trimmed) and the DBS position, and refuses controls longer than the record keeps', () => {
    const form = filledForm();
    form.checks.riskControls = '  Induction on the first morning.\nNo ladders; no knives.  ';
    form.checks.dbsPosition = 'enhanced-check-held';
    const checked = checkEmployerForm(form);
    expect(checked.ok && checked.value.checks).toMatchObject({
      riskControls: 'Induction on the first morning.\nNo ladders; no knives.',
      dbsPosition: 'enhanced-check-held',
    });

    form.checks.riskControls = 'x'.repeat(RISK_CONTROLS_MAX_LENGTH + 214);
    expect(messageFor(form, 'checks.riskControls')).toBe('Keep the risk controls to 3,000 characters or fewer: there are 3,214');
    expect(employerFieldLabel('checks.riskControls')).toBe('Risk controls agreed');
    form.checks.riskControls = 'x'.repeat(RISK_CONTROLS_MAX_LENGTH);
    expect(checkEmployerForm(form).ok).toBe(true);
  });

  it('saves the risk controls and DBS position through the form unchanged (an edit does not reset them)', () => {
    const first = checkEmployerForm(filledForm());
    if (!first.ok) throw new Error('expected a good form');
    const stored: Employer = {
      ...first.value,
      checks: { ...first.value.checks, riskControls: 'Supervised by the head chef.', dbsPosition: 'check-pending' },
      id: crypto.randomUUID(),
      createdAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-24T09:00:00.000Z',
    };
    const form = formFromEmployer(stored);
    expect(form.checks).toMatchObject({ riskControls: 'Supervised by the head chef.', dbsPosition: 'check-pending' });
    form.notes = 'Edited the notes only';
    const again = checkEmployerForm(form);
    expect(again.ok && again.value.checks).toEqual(stored.checks);
  });

  it("reports the contact email in the schema's words, in form order before the offers", () => {
    const form = filledForm({ contact: { name: '', email: 'not an email', phone: '' } });
    form.offers[0]!.title = '';
    expect(fieldsOf(form)).toEqual(['contact.email', 'offers.0.title']);
  });

  it('will not drop an offer that has placements under way', () => {
    const checked = checkEmployerForm(filledForm({ offers: [] }), { offersInUse: new Map([[OFFER_ID, 'Kitchen week']]) });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems[0]).toEqual({
      field: 'offers',
      message: '"Kitchen week" has placements under way, so it cannot be removed; cancel or complete them first',
    });
  });

  it('fills the form back from a stored employer unchanged', () => {
    const checked = checkEmployerForm(filledForm());
    if (!checked.ok) throw new Error('expected a good form');
    const stored: Employer = {
      ...checked.value,
      id: crypto.randomUUID(),
      createdAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-24T09:00:00.000Z',
    };
    const again = checkEmployerForm(formFromEmployer(stored));
    expect(again.ok && again.value).toEqual(checked.value);
  });
});

describe('the employer directory rules', () => {
  const requirements = { dbsNeeded: false, protectiveEquipment: false, stepFreeAccess: false, publicTransportOverride: null };
  const employer = { name: 'Harbour Kitchens', sector: 'hospitality', district: 'thanet', requirements } as const;

  it('matches the start of the name in any case, with sector and district filters', () => {
    expect(matchesEmployerFilters(employer, { ...emptyEmployerFilters(), text: 'harb' })).toBe(true);
    expect(matchesEmployerFilters(employer, { ...emptyEmployerFilters(), text: 'kitchens' })).toBe(false);
    expect(matchesEmployerFilters(employer, { ...emptyEmployerFilters(), sector: 'care' })).toBe(false);
    expect(matchesEmployerFilters(employer, { ...emptyEmployerFilters(), district: 'thanet', sector: 'hospitality' })).toBe(true);
  });

  it("filters by the adviser's judgement on public transport, or its absence", () => {
    const judged = {
      ...employer,
      requirements: { ...requirements, publicTransportOverride: { verdict: 'not-reachable', note: 'No bus', recordedOn: '' } },
    } as const;
    const only = (transport: EmployerFilters['transport']) =>
      [employer, judged].filter((e) => matchesEmployerFilters(e, { ...emptyEmployerFilters(), transport })).length;
    expect(only('not-reachable')).toBe(1);
    expect(matchesEmployerFilters(judged, { ...emptyEmployerFilters(), transport: 'not-reachable' })).toBe(true);
    expect(only('reachable')).toBe(0);
    expect(matchesEmployerFilters(employer, { ...emptyEmployerFilters(), transport: 'none' })).toBe(true);
    expect(matchesEmployerFilters(judged, { ...emptyEmployerFilters(), transport: 'none' })).toBe(false);
    expect(only(null)).toBe(2);
    expect(hasEmployerFilters({ ...emptyEmployerFilters(), transport: 'none' })).toBe(true);
  });

  it('summarises offers, year groups and other engagement in words', () => {
    const checked = checkEmployerForm(filledForm({ offersTalks: true, attendsCareersFairs: true }));
    if (!checked.ok) throw new Error('expected a good form');
    expect(offerSummary(checked.value)).toBe('Kitchen week: 1 period, 3 places');
    expect(offerSummary({ offers: [] })).toBe('No work-experience offers');
    expect(engagementLabels(checked.value)).toEqual(['Talks in schools', 'Careers fairs']);
    expect(yearGroupsText([12, 10, 11])).toBe('Years 10, 11 and 12');
    expect(yearGroupsText([10])).toBe('Year 10');
  });

  it("shows the adviser's judgement on public transport with its note, or that journeys decide", () => {
    const requirements = { dbsNeeded: true, protectiveEquipment: false, stepFreeAccess: false, publicTransportOverride: null };
    expect(requirementText({ requirements }, 'publicTransportOverride')).toBe(
      "Adviser's judgement on public transport: none (journeys decide)",
    );
    const override = { verdict: 'not-reachable', note: 'No bus on Sundays', recordedOn: '2026-11-02' } as const;
    expect(requirementText({ requirements: { ...requirements, publicTransportOverride: override } }, 'publicTransportOverride')).toBe(
      'The adviser judged it not reachable by public transport: No bus on Sundays',
    );
    expect(requirementText({ requirements }, 'dbsNeeded')).toBe('DBS check needed: yes');
    expect(requirementText({ requirements }, 'stepFreeAccess')).toBe('Step-free access: no');
  });

  it('reads old records: a typed "not reachable" becomes an override, the untouched default none', () => {
    const old = { dbsNeeded: false, stepFreeAccess: true, reachableByPublicTransport: false };
    expect(readOldRequirements(old, '2025-03-01')).toEqual({
      dbsNeeded: false,
      stepFreeAccess: true,
      publicTransportOverride: { verdict: 'not-reachable', note: 'Recorded before journeys were worked out', recordedOn: '2025-03-01' },
    });
    expect(readOldRequirements({ ...old, reachableByPublicTransport: true })).toEqual({
      dbsNeeded: false,
      stepFreeAccess: true,
      publicTransportOverride: null,
    });
    const parsed = employerSchema.shape.requirements.parse(old);
    expect(parsed.publicTransportOverride).toEqual({
      verdict: 'not-reachable',
      note: 'Recorded before journeys were worked out',
      recordedOn: '',
    });
    expect(employerSchema.shape.requirements.parse({ reachableByPublicTransport: true }).publicTransportOverride).toBeNull();
    expect(employerSchema.shape.requirements.parse(undefined).publicTransportOverride).toBeNull();
  });

  it("asks for a note with an adviser's judgement on public transport, and keeps it with the date", () => {
    const noNote = filledForm({ publicTransport: { verdict: 'reachable', note: '  ', recordedOn: '' } });
    expect(messageFor(noNote, 'publicTransport.note')).toBe('Say why: a note is needed with a judgement on public transport');
    const noted = checkEmployerForm(
      filledForm({ publicTransport: { verdict: 'reachable', note: ' The 8 stops outside ', recordedOn: '' } }),
      {
        today: '2026-12-06',
      },
    );
    expect(noted.ok && noted.value.requirements.publicTransportOverride).toEqual({
      verdict: 'reachable',
      note: 'The 8 stops outside',
      recordedOn: '2026-12-06',
    });
    const none = checkEmployerForm(filledForm());
    expect(none.ok && none.value.requirements.publicTransportOverride).toBeNull();
    expect(fieldsOf(filledForm({ publicTransport: { verdict: 'not-reachable', note: 'x'.repeat(301), recordedOn: '' } }))).toEqual([
      'publicTransport.note',
    ]);
  });
});

describe('employer records', () => {
  let db: CareersDeskDb;
  let counter = 0;

  beforeEach(async () => {
    counter += 1;
    db = new CareersDeskDb(`careers-desk-employers-${counter}`, testDatabaseOptions());
    await db.open();
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function record(overrides: Partial<EmployerForm> = {}) {
    const checked = checkEmployerForm(filledForm(overrides));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    return checked.value;
  }

  it('saves an employer with its audit entry, then an edit keeps the previous version', async () => {
    const actor = crypto.randomUUID();
    const saved = await saveEmployer(db, record(), actor, new Date('2026-11-24T09:00:00Z'));
    expect(await getEmployer(db, saved.id)).toMatchObject({ name: 'Harbour Kitchens', outcode: 'CT9' });
    await saveEmployer(db, { ...record({ name: 'Harbour Kitchens Ltd' }), id: saved.id }, actor, new Date('2026-11-24T09:05:00Z'));
    const entries = await db.audit.where('recordId').equals(saved.id).sortBy('seq');
    expect(entries.map((e) => [e.action, e.entity, e.adviserId, e.pupilId])).toEqual([
      ['create', 'employer', actor, null],
      ['update', 'employer', actor, null],
    ]);
    expect((entries[1]!.before as Employer).name).toBe('Harbour Kitchens');
    expect((await getEmployer(db, saved.id))!.createdAt).toBe(saved.createdAt);
  });

  it('writes nothing, not even an audit entry, when the record is invalid', async () => {
    await expect(saveEmployer(db, { ...record(), name: '' }, null)).rejects.toThrow();
    expect(await db.employers.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('finds employers by name prefix in any case, and by sector and district', async () => {
    await saveEmployer(db, record(), null);
    await saveEmployer(db, record({ name: 'harbourside Care', sector: 'care' }), null);
    await saveEmployer(db, record({ name: 'Medway Motors', sector: 'engineering', postcode: 'ME4 4AA' }), null);
    const names = async (filters: Partial<ReturnType<typeof emptyEmployerFilters>>) =>
      (await findEmployers(db, { ...emptyEmployerFilters(), ...filters })).map((e) => e.name);
    expect(await names({ text: 'HARB' })).toEqual(['Harbour Kitchens', 'harbourside Care']);
    expect(await names({ text: 'harb', sector: 'care' })).toEqual(['harbourside Care']);
    expect(await names({ district: 'thanet' })).toEqual(['Harbour Kitchens', 'harbourside Care']);
    expect(await names({ sector: 'engineering' })).toEqual(['Medway Motors']);
    expect(await names({})).toEqual(['Harbour Kitchens', 'harbourside Care', 'Medway Motors']);
    expect(await names({ text: 'kitchens' })).toEqual([]);
    expect((await searchEmployers(db, 'med')).map((e) => e.name)).toEqual(['Medway Motors']);
  });
});

describe('employers named in pickers and lists', () => {
  it('adds the town, so employers sharing a name across Kent are told apart', () => {
    expect(employerLabel({ name: 'Seaview Care Home', outcode: 'CT9' })).toMatch(/^Seaview Care Home \(Margate/);
    expect(employerLabel({ name: 'Seaview Care Home', outcode: 'ME12' })).toMatch(/^Seaview Care Home \(.*(Sheerness|Sheppey|Swale)/);
    expect(employerLabel({ name: 'Seaview Care Home', outcode: null })).toBe('Seaview Care Home');
    expect(employerLabel({ name: 'Seaview Care Home', outcode: 'ZZ99' })).toBe('Seaview Care Home');
  });
});
