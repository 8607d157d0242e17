/**
 * A realistic, made-up Kent and Medway caseload from a seed: the same seed and day give the same
 * data. Used for the first-run demo, for training, for tests and (at larger sizes) for benchmarks.
 * Rows are built as plain typed objects, not parsed one by one, so a county-sized set builds in seconds;
 * tests check a sample against the schemas.
 */
import { createRandom, type RandomSource } from '../random';
import { academicYearOf, academicYearStartYear, addDays, ageOn, daysFrom, isWeekday, yearGroupOf } from '../academic-year';
import { checksStanding } from '../placements/gates';
import { buildUpn, isValidUln } from '../identifiers';
import { AREAS, LA_NUMBERS, type AreaId } from '../reference/areas';
import { findOutcode, OUTCODES } from '../reference/outcodes';
import { FE_COLLEGES } from '../reference/providers';
import { SECTOR_IDS, type SectorId } from '../reference/sectors';
import type { DestinationCode } from '../reference/destinations';
import type { SessionKindId } from '../reference/lists';
import { assessRisk } from '../risk';
import { searchWordsFor, type Pupil, type Characteristics } from '../model/pupil';
import type { Adviser, School } from '../model/organisation';
import type { ActionPlan, GuidanceSession } from '../model/guidance';
import type { Employer } from '../model/employer';
import { NO_PAPERWORK, type PlacementPaperwork, type WorkplaceExperience } from '../model/experience';
import { MEANINGFUL_CRITERIA } from '../reference/lists';
import type { Provider, Route } from '../model/routes';
import type { CaseloadDataset } from '../model/dataset';
import type { DestinationEntry, TrackingConsent } from '../model/destination';
export { DEMO_LOGO_DATA_URL, DEMO_SERVICE } from './service';
import { EMPLOYER_STEMS, FORENAMES, SEASIDE_STREETS, STEM_AREAS, STREETS, SURNAMES } from './names';

export interface DemoOptions {
  seed: number;
  /** Today's date (ISO): year groups, session dates and checks are set relative to it. */
  today: string;
  /** Young people at school (home-educated ones are added at about 1 in 15). Default 300. */
  pupils?: number;
  /** Average guidance sessions per young person. Default 3. */
  sessionsPerPupil?: number;
  employers?: number;
  /** Routes in all; spread over the real FE college campuses and other providers. Default 90. */
  routes?: number;
  schools?: number;
}

const SCHOOL_NAMES: readonly { name: string; district: AreaId; outcode: string; sixthForm: boolean }[] = [
  { name: 'Margate Coastal Academy', district: 'thanet', outcode: 'CT9', sixthForm: true },
  { name: 'Sheppey Isle School', district: 'swale', outcode: 'ME12', sixthForm: true },
  { name: 'Ashford Weald School', district: 'ashford', outcode: 'TN24', sixthForm: true },
  { name: 'Medway Riverside Academy', district: 'medway', outcode: 'ME7', sixthForm: false },
  { name: 'Dover Harbour School', district: 'dover', outcode: 'CT17', sixthForm: true },
  { name: 'Tunbridge Wells High Weald School', district: 'tunbridge-wells', outcode: 'TN2', sixthForm: true },
  { name: 'Dartford Thames School', district: 'dartford', outcode: 'DA1', sixthForm: false },
  { name: 'Folkestone Downs Academy', district: 'folkestone-and-hythe', outcode: 'CT19', sixthForm: true },
  { name: 'Maidstone Valley School', district: 'maidstone', outcode: 'ME15', sixthForm: true },
  { name: 'Canterbury Stour School', district: 'canterbury', outcode: 'CT2', sixthForm: false },
];

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** The item at `i`, going round the list again past its end; the demo's lists are never empty. */
function cycle<T>(list: readonly T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error('The demo caseload cycles through an empty list.');
  return item;
}
const TOPICS = [
  'Post-16 options',
  'Apprenticeships',
  'T Levels',
  'Work experience',
  'CV and applications',
  'Interview practice',
  'Kent Choices application',
  'Labour market information',
  'Confidence and motivation',
  'Transport to college',
];
const IMPRESSIONS = [
  'Keen and engaged.',
  'Quiet at first, opened up later.',
  'Parent attended part of the meeting.',
  'Needs support with confidence.',
];
const SUBJECTS = [
  'English',
  'Maths',
  'Biology',
  'Chemistry',
  'Physics',
  'History',
  'Geography',
  'Art',
  'Computing',
  'Business',
  'Drama',
  'French',
  'Spanish',
  'Design and technology',
  'Food preparation',
  'PE',
  'Music',
];

function postcodeIn(random: RandomSource, outcode: string): string {
  return `${outcode} ${random.int(1, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
}

/**
 * Consent to post-16 tracking as a service would have it: most agreed, some not asked yet, a few withheld
 * (by a parent only while under 16: Years 7 to 10 here).
 */
function demoTrackingConsent(random: RandomSource, yearGroup: number, today: string): TrackingConsent {
  const recordedOn = addDays(today, -random.int(20, 300));
  if (random.chance(0.03)) return { status: 'withheld', by: yearGroup <= 10 ? 'parent' : 'young-person', recordedOn };
  if (random.chance(0.8)) return { status: 'agreed', by: yearGroup <= 10 ? 'parent' : 'young-person', recordedOn };
  return { status: 'not-recorded', by: null, recordedOn: null };
}

function dateOfBirthFor(random: RandomSource, yearGroup: number, today: string): string {
  const cohortStart = academicYearStartYear(today) - yearGroup - 5;
  return addDays(`${cohortStart}-09-01`, random.int(0, 364));
}

function makeUln(random: RandomSource): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, () => random.int(0, 9));
    const remainder = digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11;
    if (remainder === 0 || remainder === 1) continue; // 10 − 1 = 9 is fine, but 10 − 0 is not a digit
    const uln = `${digits.join('')}${10 - remainder}`;
    if (isValidUln(uln)) return uln;
  }
}

function characteristicsFor(random: RandomSource, coastal: boolean): Characteristics {
  // Rates are rough national ones, a little higher on the coast, to give the returns something to show.
  const lift = coastal ? 1.4 : 1;
  const ehcp = random.chance(0.04 * lift);
  const lookedAfter = random.chance(0.01 * lift);
  return {
    senSupport: !ehcp && random.chance(0.13 * lift),
    ehcp,
    freeSchoolMeals: random.chance(0.22 * lift),
    pupilPremium: random.chance(0.26 * lift),
    lookedAfter,
    careLeaver: false,
    youngCarer: random.chance(0.03),
    youngParentOrPregnant: random.chance(0.005),
    healthCondition: random.chance(0.07),
    eal: random.chance(0.1),
    youthJustice: random.chance(0.01 * lift),
    educatedOffSite: random.chance(0.01),
    attendancePercent: Math.round(Math.min(100, Math.max(40, 95 - random.next() * random.next() * 45 * lift)) * 10) / 10,
    exclusions: random.chance(0.06 * lift) ? random.int(1, 3) : 0,
  };
}

/**
 * What a home-educated young person cannot have: free school meals and the pupil premium are paid
 * through a school, and attendance, exclusions and off-site education are a school's records.
 */
const NOT_AT_SCHOOL: Partial<Characteristics> = {
  freeSchoolMeals: false,
  pupilPremium: false,
  attendancePercent: null,
  exclusions: 0,
  educatedOffSite: false,
};

const RELATIONSHIPS = ['Mother', 'Mother', 'Father', 'Father', 'Carer', 'Grandmother', 'Stepfather', 'Foster carer'] as const;
const TIMES = ['9am to 3pm', '8.30am to 2.30pm', '9.30am to 3.30pm', '8am to 2pm'] as const;
const ACCESS_NOTES = [
  'Asthma: carries an inhaler and knows how to use it.',
  'Hay fever: may need to step outside for a few minutes.',
  'Uses a wheelchair on longer distances: needs step-free access.',
  'Type 1 diabetes: checks blood sugar before lunch and may need a snack break.',
] as const;

/**
 * A demo work placement's paperwork, as a coordinator would have it by the end: consent from a parent
 * or carer for an under-18 (a few weeks before the start), one or two emergency contacts on Ofcom's
 * drama numbers, sometimes a medical or access note (shared with the employer about half the time),
 * the travel plan and the day's times.
 */
function demoPaperwork(
  random: RandomSource,
  pupil: Pupil,
  employer: Employer,
  start: string,
  status: WorkplaceExperience['status'],
  today: string,
): PlacementPaperwork {
  // Cancelled ones keep nothing; proposed ones, and ones the employer has only been asked about, have none yet.
  if (status === 'cancelled' || status === 'proposed' || status === 'contacted') return NO_PAPERWORK;
  const town = employer.address.slice(employer.address.lastIndexOf(', ') + 2) || 'town';
  const parent = `${random.pick(FORENAMES)} ${pupil.legalSurname}`;
  const phone = () => `07700 900${String(random.int(0, 999)).padStart(3, '0')}`;
  const contacts = [{ name: parent, phone: phone() }];
  if (random.chance(0.6)) contacts.push({ name: `${random.pick(FORENAMES)} ${random.pick(SURNAMES)}`, phone: phone() });
  const note = random.chance(0.2) ? random.pick(ACCESS_NOTES) : '';
  const travelPlan = random.pick<PlacementPaperwork['travelPlan']>([
    { kinds: ['public-transport'], details: `Bus to ${town} at about 8.15am, 25 minutes; home on the bus after 3pm. Has a bus pass.` },
    { kinds: ['public-transport', 'walk-or-cycle'], details: `Train to ${town}, then a 10-minute walk; the same way back.` },
    { kinds: ['family-lift'], details: 'Dropped off and collected by a parent or carer.' },
    { kinds: ['walk-or-cycle'], details: `Walks or cycles to ${town}, about 20 minutes.` },
  ]);
  const protective = employer.requirements.protectiveEquipment;
  return {
    consent:
      ageOn(pupil.dateOfBirth, start) < 18
        ? {
            givenBy: parent,
            relationship: random.pick(RELATIONSHIPS),
            on: consentDate(random, start, today),
            how: random.weighted(['form', 'email', 'phone'] as const, [6, 3, 1]),
          }
        : null,
    emergencyContacts: contacts,
    accessNotes: note,
    shareNotesWithEmployer: note !== '' && random.chance(0.5),
    travelPlan,
    reportTo: '',
    times: random.pick(TIMES),
    whatToBring: protective
      ? 'Steel toe-capped boots (the employer lends a hard hat and a high-visibility vest)\nA packed lunch and a drink'
      : '',
  };
}

function intendedDestinationFor(random: RandomSource, yearGroup: number): DestinationCode | null {
  if (yearGroup < 10) return null;
  return random.weighted<DestinationCode>(['210', '220', '230', '310', '460', '410', '619', '810'], [30, 8, 35, 12, 2, 4, 4, 5]);
}

export function generateDemoDataset(options: DemoOptions): CaseloadDataset {
  const random = createRandom(options.seed);
  const { today } = options;
  const stamp = `${today}T09:00:00.000Z`;
  const base = () => ({ id: random.uuid(), createdAt: stamp, updatedAt: stamp, isDemo: true });
  const pupilCount = options.pupils ?? 300;
  const sessionsPerPupil = options.sessionsPerPupil ?? 3;

  const advisers: Adviser[] = [
    {
      ...base(),
      name: 'Sam Okafor',
      role: 'careers-adviser',
      qualificationLevel: 'level-6-or-above',
      email: 'sam.okafor@example.org',
      phone: '01622 000 101',
      active: true,
    },
    {
      ...base(),
      name: 'Rachel Hughes',
      role: 'careers-adviser',
      qualificationLevel: 'level-6-or-above',
      email: 'rachel.hughes@example.org',
      phone: '01622 000 102',
      active: true,
    },
    {
      ...base(),
      name: 'Dev Sharma',
      role: 'careers-leader',
      qualificationLevel: 'level-4',
      email: 'dev.sharma@example.org',
      phone: '01622 000 103',
      active: true,
    },
    {
      ...base(),
      name: 'Helen Price',
      role: 'home-education-officer',
      qualificationLevel: 'level-6-or-above',
      email: 'helen.price@example.org',
      phone: '03000 000 104',
      active: true,
    },
  ];
  const qualifiedAdvisers = advisers.filter((a) => a.qualificationLevel === 'level-6-or-above' && a.role === 'careers-adviser');
  const liaisonOfficer = advisers[3];
  if (!liaisonOfficer) throw new Error('The demo caseload needs its four advisers.');

  const schoolTemplates = SCHOOL_NAMES.slice(0, Math.max(1, Math.min(SCHOOL_NAMES.length, options.schools ?? 6)));
  const schools: (School & { outcode: string; sixthForm: boolean })[] = schoolTemplates.map((template, index) => ({
    ...base(),
    name: template.name,
    urn: String(118000 + index * 37),
    district: template.district,
    phase: template.sixthForm ? 'secondary-with-sixth-form' : 'secondary',
    establishmentNumber: String(4000 + index * 11),
    outcode: template.outcode,
    sixthForm: template.sixthForm,
  }));

  const outcodesByDistrict = new Map<AreaId, string[]>();
  for (const o of OUTCODES) outcodesByDistrict.set(o.primaryDistrict, [...(outcodesByDistrict.get(o.primaryDistrict) ?? []), o.outcode]);
  const coastal = new Set(AREAS.filter((a) => a.coastal).map((a) => a.id as AreaId));

  const pupils: Pupil[] = [];
  const homeEducatedCount = Math.max(1, Math.round(pupilCount / 15));
  let serial = 0;
  for (let i = 0; i < pupilCount + homeEducatedCount; i++) {
    const homeEducated = i >= pupilCount;
    const school = homeEducated ? null : cycle(schools, i);
    const maxYear = school && !school.sixthForm ? 11 : 13;
    const yearGroup = homeEducated ? random.int(8, 11) : random.int(8, maxYear);
    const district: AreaId = school ? school.district : random.pick(AREAS).id;
    const outcode =
      school && random.chance(0.8)
        ? random.pick(outcodesByDistrict.get(district) ?? [school.outcode])
        : random.pick(outcodesByDistrict.get(district) ?? OUTCODES.map((o) => o.outcode));
    const legalForename = random.pick(FORENAMES);
    const legalSurname = random.pick(SURNAMES);
    const preferredForename = random.chance(0.08) ? random.pick(FORENAMES) : '';
    const characteristics = characteristicsFor(random, coastal.has(district));
    if (homeEducated) Object.assign(characteristics, NOT_AT_SCHOOL);
    const la = district === 'medway' ? LA_NUMBERS.medway : LA_NUMBERS.kent;
    serial += 1;
    const upn = school
      ? buildUpn(
          la,
          school.establishmentNumber,
          String((academicYearStartYear(today) - yearGroup + 4) % 100).padStart(2, '0'),
          String(serial % 1000).padStart(3, '0'),
        )
      : null;
    const dateOfBirth = dateOfBirthFor(random, yearGroup, today);
    const interests = Array.from(new Set([random.pick(SECTOR_IDS), random.pick(SECTOR_IDS)])).slice(0, random.int(1, 2)) as SectorId[];
    const risk = assessRisk({ characteristics, homeEducated });
    const names = { legalForename, legalSurname, preferredForename, preferredSurname: '' };
    const grade = () => (yearGroup >= 10 ? random.weighted([2, 3, 4, 5, 6, 7, 8], [6, 14, 22, 22, 16, 12, 8]) : null);
    pupils.push({
      ...base(),
      ...names,
      dateOfBirth,
      yearGroupOverride: null,
      gender: random.weighted(['female', 'male', 'other', 'prefer-not-to-say', 'not-recorded'] as const, [48, 48, 1, 2, 1]),
      schoolId: school?.id ?? null,
      homeEducated,
      liaisonOfficerId: homeEducated ? liaisonOfficer.id : null,
      upn,
      upnNotKnown: false,
      uln: yearGroup >= 12 && random.chance(0.6) ? makeUln(random) : null,
      postcode: postcodeIn(random, outcode),
      outcode,
      district,
      email: random.chance(0.5)
        ? `${legalForename.toLowerCase()}.${legalSurname.toLowerCase().replace(/'/g, '')}${random.int(1, 99)}@example.net`
        : '',
      phone: random.chance(0.4) ? `07700 900${String(random.int(0, 999)).padStart(3, '0')}` : '',
      parentCarer: {
        name: `${random.pick(FORENAMES)} ${legalSurname}`,
        email: '',
        phone: `07700 901${String(random.int(0, 999)).padStart(3, '0')}`,
        relationship: random.pick(['Mother', 'Father', 'Carer', 'Grandparent']),
      },
      consent: {
        dataSharing: random.chance(0.85),
        tracking: demoTrackingConsent(random, yearGroup, today),
        contactByEmail: random.chance(0.5),
        contactByPhone: random.chance(0.6),
        notes: '',
      },
      characteristics,
      interests,
      subjects: Array.from(new Set([random.pick(SUBJECTS), random.pick(SUBJECTS), random.pick(SUBJECTS)])),
      predictedGrades: { english: grade(), maths: grade() },
      aspirations: random.pick([
        'Wants to work with animals',
        'Thinking about an apprenticeship',
        'Unsure yet; likes practical work',
        'Hopes to go to university',
        'Interested in a trade',
        'Would like to work near home',
      ]),
      travel: {
        maxDistanceKm: random.pick([5, 10, 15, 20, 30]),
        reliesOnPublicTransport: random.chance(0.75),
        needsStepFreeAccess: random.chance(0.02),
        notes: '',
      },
      intendedDestination: intendedDestinationFor(random, yearGroup),
      actualDestination: null,
      riskListNotes: [],
      lastGuidanceOn: null,
      riskBand: risk.band,
      leftOn: null,
      searchWords: searchWordsFor(names),
    });
  }

  const sessions: GuidanceSession[] = [];
  const actionPlans: ActionPlan[] = [];
  const kinds: SessionKindId[] = ['personal-guidance', 'group', 'drop-in', 'parent-carer', 'follow-up'];
  for (const pupil of pupils) {
    const count = random.int(0, sessionsPerPupil * 2);
    let latestGuidance: string | null = null;
    const plans: ActionPlan[] = [];
    for (let s = 0; s < count; s++) {
      const kind: SessionKindId = pupil.homeEducated
        ? random.pick(['home-visit', 'personal-guidance', 'follow-up'] as const)
        : random.weighted(kinds, [5, 2, 2, 1, 2]);
      const adviser = pupil.homeEducated ? liaisonOfficer : random.pick(qualifiedAdvisers);
      const date = addDays(today, -random.int(1, 500));
      const isGuidance = kind === 'personal-guidance' || kind === 'home-visit';
      if (isGuidance && (!latestGuidance || date > latestGuidance)) latestGuidance = date;
      const encounters: GuidanceSession['encounters'] = random.chance(0.15)
        ? [
            {
              kind: random.chance(0.5) ? 'employer' : 'provider',
              name: random.chance(0.5) ? 'EKC Group' : 'Local employer talk',
              employerId: null,
              providerId: null,
            },
          ]
        : [];
      const session: GuidanceSession = {
        ...base(),
        pupilId: pupil.id,
        adviserId: adviser.id,
        date,
        startTime: `${String(random.int(9, 15)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`,
        kind,
        mode: kind === 'home-visit' ? 'in-person' : random.weighted(['in-person', 'phone', 'video'] as const, [8, 1, 1]),
        durationMinutes: random.pick([20, 30, 40, 45, 60]),
        location: kind === 'home-visit' ? 'Family home' : 'Careers room',
        topics: [random.pick(TOPICS), random.pick(TOPICS)].filter((t, i, all) => all.indexOf(t) === i),
        notes: `Talked about ${random.pick(TOPICS).toLowerCase()}. ${random.pick(IMPRESSIONS)}`,
        benchmarks: isGuidance ? [8] : encounters.length > 0 ? [encounters[0]?.kind === 'employer' ? 5 : 7] : [3],
        encounters,
        intendedDestination: isGuidance ? pupil.intendedDestination : null,
        agreed: isGuidance ? random.pick(AGREED) : '',
      };
      sessions.push(session);
      if (isGuidance && random.chance(0.35)) plans.push(planFor(random, base(), pupil, session, today));
    }
    // A service that follows its plans up holds nearly every review, at a meeting on or soon after the day.
    const latestAgreed = plans
      .map((plan) => plan.agreedOn ?? '')
      .sort()
      .at(-1);
    const reviewDue = plans
      .filter((plan) => (plan.agreedOn ?? '') === latestAgreed)
      .map((plan) => plan.reviewOn ?? '')
      .sort()
      .at(-1);
    if (reviewDue && reviewDue < today && (latestGuidance ?? '') < reviewDue && random.chance(0.97)) {
      const review = reviewSession(
        random,
        base(),
        pupil,
        plans.find((plan) => plan.reviewOn === reviewDue),
        reviewDue,
        today,
      );
      sessions.push(review);
      latestGuidance = review.date;
    }
    actionPlans.push(...plans);
    pupil.lastGuidanceOn = latestGuidance;
  }

  const employers: Employer[] = [];
  const employerCount = options.employers ?? 60;
  const jun = `${academicYearStartYear(today) + 1}-06`;
  // Each employer sits in a real place of its district: an outcode of the district, its town in the address.
  const stems: string[] = [];
  const towns: string[] = [];
  for (let e = 0; e < employerCount; e++) {
    const sector = cycle(SECTOR_IDS, e);
    const stem = random.pick(EMPLOYER_STEMS[sector] ?? ['Local Business']);
    const fits = STEM_AREAS[stem];
    const areaId = fits ? random.pick(fits) : random.pick(AREAS).id;
    const area = AREAS.find((a) => a.id === areaId) ?? AREAS[0];
    const outcode = random.pick(outcodesByDistrict.get(area.id) ?? ['ME14']);
    const town = findOutcode(outcode)?.place ?? area.label;
    const street = random.pick<string>(area.coastal && random.chance(0.3) ? SEASIDE_STREETS : STREETS);
    stems.push(stem);
    towns.push(town);
    employers.push({
      ...base(),
      name: stem,
      sector,
      address: `${random.int(1, 120)} ${street}, ${town}`,
      postcode: postcodeIn(random, outcode),
      outcode,
      district: area.id,
      contact: {
        name: `${random.pick(FORENAMES)} ${random.pick(SURNAMES)}`,
        email: `placements${e}@example.com`,
        phone: `01${random.int(200, 899)} ${random.int(100000, 999999)}`,
      },
      offers: random.chance(0.8)
        ? [
            {
              id: random.uuid(),
              title: 'Work-experience week',
              periods: [
                { start: `${jun}-15`, end: `${jun}-19`, capacity: random.int(1, 4) },
                ...(random.chance(0.4) ? [{ start: `${jun}-22`, end: `${jun}-26`, capacity: random.int(1, 3) }] : []),
              ],
              yearGroups: random.chance(0.7) ? [10, 12] : [10, 11, 12],
              minimumAge: random.pick([14, 14, 15, 16]),
            },
          ]
        : [],
      offersApprenticeships: random.chance(0.3),
      offersWorkplaceVisits: random.chance(0.4),
      offersTalks: random.chance(0.5),
      attendsCareersFairs: random.chance(0.4),
      requirements: {
        dbsNeeded: false,
        protectiveEquipment: sector === 'construction' || sector === 'engineering',
        stepFreeAccess: random.chance(0.6),
        publicTransportOverride:
          area.mostlyRural && random.chance(0.25)
            ? {
                verdict: 'not-reachable',
                note: 'On a farm lane with no bus: the nearest stop is a long walk on an unlit road',
                recordedOn: today,
              }
            : null,
      },
      checks: demoChecks(random, today, sector, e),
      notes: '',
    });
  }

  nameApart(employers, stems, towns);

  const { providers, routes } = providersAndRoutes(random, base, schools, options.routes ?? 90, today);

  const experiences = demoExperiences(random, base, { pupils, employers, schools, today });
  const destinations = demoDestinations(base, pupils, sessions);

  return {
    schools: schools.map(({ outcode: _o, sixthForm: _s, ...school }) => school),
    advisers,
    pupils,
    sessions,
    actionPlans,
    employers,
    experiences,
    destinations,
    providers,
    routes,
  };
}

/**
 * Each intended destination said at a guidance meeting, as the history records it: dated the latest meeting
 * that named it, from the young person.
 */
function demoDestinations(
  base: () => { id: string; createdAt: string; updatedAt: string; isDemo: boolean },
  pupils: readonly Pupil[],
  sessions: readonly GuidanceSession[],
): DestinationEntry[] {
  const latestSaying = new Map<string, GuidanceSession>();
  for (const session of sessions) {
    if (session.intendedDestination === null) continue;
    const before = latestSaying.get(session.pupilId);
    if (!before || session.date > before.date) latestSaying.set(session.pupilId, session);
  }
  const entries: DestinationEntry[] = [];
  for (const pupil of pupils) {
    const session = latestSaying.get(pupil.id);
    if (!pupil.intendedDestination || !session) {
      // No meeting named it: the record's code alone would disagree with its history, so it goes.
      pupil.intendedDestination = null;
      continue;
    }
    entries.push({
      ...base(),
      kind: 'intended',
      pupilId: pupil.id,
      recordedOn: session.date,
      source: 'young-person',
      code: pupil.intendedDestination,
      providerId: null,
      employerId: null,
      routeId: null,
      placeName: '',
      sessionId: session.id,
      notes: '',
    });
  }
  return entries;
}

/** Consent a few weeks before the start, and never after the day the demo is loaded. */
function consentDate(random: RandomSource, start: string, today: string): string {
  const on = addDays(start, -random.int(14, 42));
  return on < today ? on : addDays(today, -random.int(1, 10));
}

/** School holidays, roughly, as month-day ranges: October half-term, Christmas, February half-term, Easter, May half-term. */
const HOLIDAYS: readonly (readonly [string, string])[] = [
  ['10-24', '10-31'],
  ['12-19', '12-31'],
  ['01-01', '01-04'],
  ['02-13', '02-20'],
  ['03-30', '04-12'],
  ['05-25', '05-31'],
];

/** The Mondays of this academic year's term-time weeks, from the second week of September to mid-July. */
function termMondays(today: string): string[] {
  const year = academicYearOf(today);
  const mondays: string[] = [];
  for (let day = addDays(year.start, 7); day <= addDays(year.end, -46); day = addDays(day, 1)) {
    // A Monday is the weekday that follows a day of the weekend.
    if (!isWeekday(day) || isWeekday(addDays(day, -1))) continue;
    const monthDay = day.slice(5);
    if (!HOLIDAYS.some(([from, to]) => from <= monthDay && monthDay <= to)) mondays.push(day);
  }
  return mondays;
}

/** A placement's status from its dates and the day the demo is loaded: done, under way, or arranged to come. */
function statusOn(random: RandomSource, start: string, end: string, today: string): WorkplaceExperience['status'] {
  if (end < today) return random.weighted(['completed', 'cancelled'] as const, [9, 1]);
  if (start <= today) return 'in-progress';
  if (start <= addDays(today, 21)) return random.weighted(['confirmed', 'contacted'] as const, [9, 1]);
  if (start <= addDays(today, 56)) return random.weighted(['confirmed', 'contacted', 'proposed'] as const, [4, 3, 2]);
  return random.weighted(['confirmed', 'contacted', 'proposed'] as const, [4, 3, 3]);
}

const EMPLOYER_TASKS = [
  'Plan and present a small project to the team.',
  'Design a leaflet for a customer open day.',
  'Survey customers and report three findings to the manager.',
  'Help run a stock check and suggest one improvement.',
  'Shadow a different member of staff each day and write up one role.',
  "Prepare a short talk for next year's placement students.",
] as const;
const EMPLOYER_FEEDBACK = [
  'Punctual and willing to learn.',
  'Asked good questions and got on well with the team.',
  'Quiet at first; by Thursday was helping customers on their own.',
  'Reliable and tidy; needs to speak up more in meetings.',
  'Showed real interest in the technical side. Would suit an apprenticeship.',
  'Late twice; good once settled. Worth a conversation about timekeeping.',
  'Excellent with customers. We would offer a Saturday job.',
] as const;
const REFLECTIONS = [
  'I enjoyed seeing how the business works.',
  'I did not expect so much teamwork. I now want to look at apprenticeships.',
  'Harder than school but I liked being trusted with real jobs.',
  'It made me sure I do not want to work in an office.',
  'I learned how to talk to customers and I feel more confident.',
  'The early start was tough. I would like to try a different sector next.',
] as const;
const CLASS_FEEDBACK = [
  'A lively group with good questions.',
  'Polite and curious; the staff enjoyed it.',
  'Some great ideas in the task.',
] as const;

/** The most placements proposed or with the employer contacted at once: the ones waiting on the coordinator. */
const MAX_WAITING = 5;

/** The share of each year group on a work placement this academic year (Year 10's is statutory, Year 12's common). */
const PLACED_SHARE: Readonly<Record<number, number>> = { 10: 0.35, 11: 0.15, 12: 0.4, 13: 0.15 };

/**
 * This academic year's workplace experiences, dated relative to `today` so they look current on any
 * day: a work placement for some young people in Years 10 to 13 in a term-time week (done before
 * today, under way, or arranged to come), and each school's Year 9 talk at a workplace in the autumn
 * and Year 8 visit in the spring. Placements keep out of the weeks of the employers' offers, which are
 * left for the cohort allocation, and those confirmed or done are at employers whose checks are current.
 */
function demoExperiences(
  random: RandomSource,
  base: () => { id: string; createdAt: string; updatedAt: string; isDemo: boolean },
  {
    pupils,
    employers,
    schools,
    today,
  }: { pupils: readonly Pupil[]; employers: readonly Employer[]; schools: readonly School[]; today: string },
): WorkplaceExperience[] {
  const experiences: WorkplaceExperience[] = [];
  const allCriteria = MEANINGFUL_CRITERIA.map((c) => c.id);
  const current = employers.filter((e) => checksStanding(e, { start: today, end: today }, today).problems.length === 0);
  const checked = current.length > 0 ? current : employers;
  const offered = employers.flatMap((e) => e.offers.flatMap((o) => o.periods));
  const mondays = termMondays(today);
  const weeks = mondays.filter((monday) => !offered.some((period) => period.start <= addDays(monday, 4) && monday <= period.end));
  const summer = weeks.filter((monday) => monday >= `${academicYearStartYear(today) + 1}-06-01`);
  const onOrBefore = (day: string) => (day < today ? day : today);
  let waiting = 0;

  for (const pupil of pupils) {
    const yearGroup = yearGroupOf(pupil, today);
    const share = PLACED_SHARE[yearGroup];
    if (pupil.homeEducated || share === undefined || weeks.length === 0 || !random.chance(share)) continue;
    const start = yearGroup === 10 && summer.length > 0 && random.chance(0.6) ? random.pick(summer) : random.pick(weeks);
    const end = addDays(start, 4);
    const drawn = statusOn(random, start, end, today);
    // A coordinator keeps up with the workflow: only a handful wait on a step (Today lists them), the rest are confirmed.
    const waits = drawn === 'proposed' || drawn === 'contacted';
    const status = waits && waiting >= MAX_WAITING ? 'confirmed' : drawn;
    if (waits && status === drawn) waiting += 1;
    const employer = random.pick(status === 'proposed' || status === 'contacted' ? employers : checked);
    const done = status === 'completed';
    experiences.push({
      ...base(),
      kind: 'work-placement',
      paperwork: demoPaperwork(random, pupil, employer, start, status, today),
      pupilIds: [pupil.id],
      employerId: employer.id,
      employerName: '',
      offerId: null,
      start,
      end,
      mode: 'in-person',
      hours: status === 'proposed' || status === 'cancelled' ? null : { basis: 'per-day', value: random.pick([6, 6.5, 7]) },
      daysAttended: done && random.chance(0.15) ? 4 : null,
      status,
      meaningful: done ? (random.chance(0.7) ? allCriteria : allCriteria.slice(0, 5)) : [],
      employerTask: done || status === 'in-progress' ? { text: random.pick(EMPLOYER_TASKS), on: start } : { text: '', on: null },
      employerFeedback: done
        ? { text: random.pick(EMPLOYER_FEEDBACK), on: onOrBefore(addDays(end, random.int(0, 10))), wouldHostAgain: random.chance(0.85) }
        : { text: '', on: null, wouldHostAgain: null },
      reflection: done ? { text: random.pick(REFLECTIONS), on: onOrBefore(addDays(end, random.int(3, 14))) } : { text: '', on: null },
    });
  }

  // A class outing for each school: Year 9 hear a talk at a workplace in the autumn, Year 8 visit one in the spring.
  const autumn = mondays.filter((monday) => monday.slice(5, 7) >= '09');
  const spring = mondays.filter((monday) => monday.slice(5, 7) >= '01' && monday.slice(5, 7) <= '03');
  const hosts = checked.filter((e) => e.offersWorkplaceVisits || e.offersTalks);
  for (const school of schools) {
    for (const outing of [
      { yearGroup: 9, kind: 'workplace-talk', weeks: autumn, hours: 2 },
      { yearGroup: 8, kind: 'workplace-visit', weeks: spring, hours: 5 },
    ] as const) {
      if (outing.weeks.length === 0) continue;
      const day = addDays(random.pick(outing.weeks), 2); // a Wednesday
      const visitors = pupils.filter((p) => p.schoolId === school.id && yearGroupOf(p, day) === outing.yearGroup).slice(0, 30);
      if (visitors.length === 0) continue;
      const done = day < today;
      experiences.push({
        ...base(),
        kind: outing.kind,
        paperwork: NO_PAPERWORK,
        pupilIds: visitors.map((p) => p.id),
        employerId: random.pick(hosts.length > 0 ? hosts : checked).id,
        employerName: '',
        offerId: null,
        start: day,
        end: day,
        mode: 'in-person',
        hours: { basis: 'per-day', value: outing.hours },
        daysAttended: null,
        status: done ? 'completed' : 'confirmed',
        meaningful: done ? allCriteria : [],
        employerTask: done ? { text: 'Design a poster for the company open day.', on: day } : { text: '', on: null },
        employerFeedback: done
          ? { text: random.pick(CLASS_FEEDBACK), on: day, wouldHostAgain: true }
          : { text: '', on: null, wouldHostAgain: null },
        reflection: done ? { text: 'Discussed in the next careers lesson.', on: onOrBefore(addDays(day, 7)) } : { text: '', on: null },
      });
    }
  }
  return experiences;
}

/** The controls a risk assessment in each sector typically agrees for a young person on placement. */
const RISK_CONTROLS: Partial<Record<SectorId, string>> = {
  agriculture: 'No work with machinery or chemicals. Boots and gloves provided. Hands washed after handling animals.',
  care: 'Shadowing only: no personal care. Always with a named member of staff. Confidentiality explained on the first day.',
  construction:
    'Site induction on the first morning. Hard hat, boots and hi-vis provided. No work at height or with power tools. ' +
    'Kept to the site office and supervised yard.',
  education: 'Always with a teacher or nursery practitioner; never alone with children. Safeguarding lead introduced on day one.',
  engineering: 'Workshop induction. Safety glasses and boots provided. No machine operation; observing and bench work only.',
  'hair-beauty': 'No chemical treatments. Gloves for washing. Supervised by a senior stylist throughout.',
  hospitality: 'Food hygiene briefing. No knives or fryers. Finishes by 5pm. Supervised by the head chef or duty manager.',
  logistics: 'No driving or forklift areas. Hi-vis in the yard. Works in the office and with the planning team.',
  retail: 'No cash handling or lifting over 10 kg. Supervised on the shop floor by the duty manager.',
  science: 'Laboratory induction. Coat and glasses provided. No hazardous substances; observing experiments only.',
  sport: 'Supervised by a qualified coach throughout. No lifting or gym equipment. Never put in charge of younger children.',
};
const OFFICE_CONTROLS = 'Office-based. Fire exits and first aider shown at induction. Screen breaks every hour. Named supervisor all week.';

/**
 * How the checks of one employer in eight have lapsed, in turn (the rest are current on the day the
 * demo is loaded): the warnings and the confirm gate have something to show, and every kind of lapse shows.
 */
const LAPSES = ['insurance-expired', 'assessment-stale', 'insurance-expired', 'safeguarding', 'assessment-stale', 'no-assessment'] as const;
const LAPSED_EVERY = 8;

/**
 * An employer's checks as a service that keeps them up to date has them on `today`: done at a visit
 * within the last five months (inside the default six-month reuse window), insurance to well past this
 * academic year, safeguarding confirmed, the risk controls agreed and the DBS position recorded. One in
 * eight (by place in the list, so the share is the same for every seed) has lapsed in one of LAPSES' ways.
 */
function demoChecks(random: RandomSource, today: string, sector: SectorId, index: number): Employer['checks'] {
  const lapse = index % LAPSED_EVERY === LAPSED_EVERY - 1 ? cycle(LAPSES, Math.floor(index / LAPSED_EVERY)) : null;
  const yearEnd = academicYearOf(today).end;
  const riskAssessmentOn =
    lapse === 'no-assessment' ? null : addDays(today, lapse === 'assessment-stale' ? -random.int(200, 420) : -random.int(7, 150));
  if (riskAssessmentOn === null)
    return {
      riskAssessmentOn,
      insuranceExpiresOn: addDays(yearEnd, random.int(30, 330)),
      safeguardingConfirmed: false,
      riskControls: '',
      dbsPosition: null,
    };
  // Staff who work with children (care, education, sport) already hold enhanced checks.
  const withChildren = sector === 'care' || sector === 'education' || sector === 'sport';
  return {
    riskAssessmentOn,
    insuranceExpiresOn: lapse === 'insurance-expired' ? addDays(today, -random.int(1, 60)) : addDays(yearEnd, random.int(30, 330)),
    safeguardingConfirmed: lapse !== 'safeguarding',
    // A lapsed employer's controls are sometimes still to be agreed at the next visit.
    riskControls: lapse !== null && index % 2 === 1 ? '' : (RISK_CONTROLS[sector] ?? OFFICE_CONTROLS),
    dbsPosition: withChildren
      ? 'enhanced-check-held'
      : lapse !== null
        ? null
        : cycle(['not-needed', 'not-needed', 'check-pending'] as const, index),
  };
}

/**
 * Employers that share a name get their town after it, "Pier Hotel (Margate)"; two of one name in the
 * same town get their street too, "Pier Hotel (Margate, 12 High Street)", and a number only if even that is shared.
 */
function nameApart(employers: Employer[], stems: readonly string[], towns: readonly string[]): void {
  const count = new Map<string, number>();
  for (const stem of stems) count.set(stem, (count.get(stem) ?? 0) + 1);
  const taken = new Set<string>();
  employers.forEach((employer, i) => {
    const stem = stems[i] ?? employer.name;
    const town = towns[i] ?? '';
    const candidates =
      count.get(stem) === 1
        ? [stem]
        : [`${stem} (${town})`, `${stem} (${town}, ${employer.address.slice(0, employer.address.lastIndexOf(', '))})`];
    let name = candidates.find((c) => !taken.has(c));
    for (let n = 2; name === undefined; n++) if (!taken.has(`${candidates[0]} ${n}`)) name = `${candidates[0]} ${n}`;
    taken.add(name);
    employer.name = name;
  });
}

/** Steps an action plan agrees, each with who takes it and how many days it is given. */
const ACTION_CHOICES: readonly { what: string; who: ActionPlan['actions'][number]['who']; days: number }[] = [
  { what: 'Look at three college courses on Kent Choices', who: 'pupil', days: 21 },
  { what: 'Book a place at a college open evening', who: 'pupil', days: 14 },
  { what: 'Draft a CV with the template from the meeting', who: 'pupil', days: 14 },
  { what: 'Apply for two apprenticeships on Find an apprenticeship', who: 'pupil', days: 28 },
  { what: 'Register on Kent Choices and start the application', who: 'pupil', days: 30 },
  { what: 'Try the bus route to the college campus one Saturday', who: 'pupil', days: 21 },
  { what: 'Practise interview answers with someone at home', who: 'pupil', days: 14 },
  { what: 'Send details of the open evening', who: 'adviser', days: 7 },
  { what: 'Email a list of local apprenticeship vacancies', who: 'adviser', days: 7 },
  { what: 'Arrange a taster day at the college', who: 'adviser', days: 21 },
  { what: 'Check the cost of the 16+ Travel Saver and send it', who: 'adviser', days: 10 },
  { what: 'Talk with family about travel to college', who: 'parent-carer', days: 30 },
  { what: 'Come to the college open evening together', who: 'parent-carer', days: 21 },
  { what: 'Ask the SENCo about support at college', who: 'school', days: 14 },
  { what: 'Set up a mock interview with a local employer', who: 'school', days: 28 },
];

/**
 * One step of a plan agreed on `agreedOn`, as a service that follows its plans up has it on `today`:
 * most steps whose day has passed are done (a few dropped, a few still open and overdue), long-past
 * ones all settled, and some of those still to come done early.
 */
function demoAction(
  random: RandomSource,
  choice: (typeof ACTION_CHOICES)[number],
  agreedOn: string,
  today: string,
): ActionPlan['actions'][number] {
  const byWhen = addDays(agreedOn, choice.days + random.int(-3, 7));
  const action = { id: random.uuid(), what: choice.what, who: choice.who, byWhen };
  // Done on a day after the meeting, by `last` and before today.
  const doneBy = (last: string) => {
    const days = daysFrom(addDays(agreedOn, 1), last < today ? last : addDays(today, -1));
    return days.length > 0 ? random.pick(days) : agreedOn;
  };
  if (byWhen < today) {
    const settled = byWhen < addDays(today, -60);
    const status = random.weighted(['done', 'dropped', 'open'] as const, settled ? [19, 1, 0] : [16, 1, 3]);
    return { ...action, status, doneOn: status === 'done' ? doneBy(byWhen) : null };
  }
  return random.chance(0.25) && agreedOn < today
    ? { ...action, status: 'done', doneOn: doneBy(today) }
    : { ...action, status: 'open', doneOn: null };
}

const AGREED = [
  'Agreed to look at college courses before the next meeting.',
  'Agreed to apply to two courses and one apprenticeship.',
  'Agreed to visit the open evening with a parent.',
  'Agreed to think about a back-up option and bring ideas next time.',
  'Agreed a plan for work experience in the summer term.',
] as const;
const REVIEW_NOTES = [
  'Reviewed the action plan: most steps done; applied to the college course.',
  'Reviewed the action plan: the open evening went well; now comparing two courses.',
  'Reviewed the action plan: CV finished; looking for a Saturday job.',
  'Reviewed the action plan: travel sorted with the family; confidence growing.',
  'Reviewed the action plan: not much done yet; agreed smaller steps.',
] as const;

/** The guidance meeting at which a plan was reviewed, on or soon after its review day and before today. */
function reviewSession(
  random: RandomSource,
  base: { id: string; createdAt: string; updatedAt: string; isDemo: boolean },
  pupil: Pupil,
  plan: ActionPlan | undefined,
  reviewOn: string,
  today: string,
): GuidanceSession {
  const soon = addDays(reviewOn, random.int(0, 10));
  const kind = pupil.homeEducated ? 'home-visit' : 'personal-guidance';
  return {
    ...base,
    pupilId: pupil.id,
    adviserId: plan?.adviserId ?? null,
    date: soon < today ? soon : reviewOn,
    startTime: `${String(random.int(9, 15)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`,
    kind,
    mode: kind === 'home-visit' ? 'in-person' : random.weighted(['in-person', 'phone', 'video'] as const, [8, 1, 1]),
    durationMinutes: random.pick([20, 30, 40]),
    location: kind === 'home-visit' ? 'Family home' : 'Careers room',
    topics: ['Action plan review'],
    notes: random.pick(REVIEW_NOTES),
    benchmarks: [8],
    encounters: [],
    intendedDestination: pupil.intendedDestination,
    agreed: random.pick(AGREED),
  };
}

function planFor(
  random: RandomSource,
  base: { id: string; createdAt: string; updatedAt: string; isDemo: boolean },
  pupil: Pupil,
  session: GuidanceSession,
  today: string,
): ActionPlan {
  const actions: ActionPlan['actions'] = ACTION_CHOICES.filter(() => random.chance(0.3))
    .slice(0, 4)
    .map((choice) => demoAction(random, choice, session.date, today));
  // Every plan has at least two steps: the young person's own, and the adviser's.
  for (const who of ['pupil', 'adviser'] as const)
    if (!actions.some((a) => a.who === who))
      actions.push(demoAction(random, random.pick(ACTION_CHOICES.filter((c) => c.who === who)), session.date, today));
  actions.sort((a, b) => a.byWhen.localeCompare(b.byWhen));
  return {
    ...base,
    pupilId: pupil.id,
    sessionId: session.id,
    adviserId: session.adviserId,
    situation: `In Year ${yearGroupOf(pupil, session.date)}. ${pupil.aspirations}.`,
    strengths: random.pick(['Reliable and kind', 'Good with their hands', 'Creative', 'Strong at maths']),
    barriers: random.pick([
      'Transport from home is limited',
      'Low confidence in interviews',
      'Attendance has dipped this term',
      'Unsure what options exist',
    ]),
    goals: [
      {
        id: random.uuid(),
        term: 'long',
        text: random.pick(['Work in a job I enjoy near home', 'Get an apprenticeship', 'Go to college to study a trade']),
      },
      { id: random.uuid(), term: 'short', text: 'Choose a post-16 course and apply' },
    ],
    actions,
    backupPlan: 'If the first-choice course is full, apply for the level 1 course at the same campus.',
    resources: 'Kent Choices; the college open evening; the adviser by email.',
    discussed: [],
    reviewOn: addDays(session.date, random.pick([28, 42, 42, 56, 84])),
    agreedWithYoungPerson: true,
    agreedOn: session.date,
    openActionDueDates: actions.filter((a) => a.status === 'open').map((a) => a.byWhen),
  };
}

function providersAndRoutes(
  random: RandomSource,
  base: () => { id: string; createdAt: string; updatedAt: string; isDemo: boolean },
  schools: readonly (School & { outcode: string; sixthForm: boolean })[],
  routeCount: number,
  today: string,
): { providers: Provider[]; routes: Route[] } {
  const providers: Provider[] = FE_COLLEGES.map((college) => ({
    ...base(),
    name: college.name,
    kind: 'fe-college',
    website: college.website,
    campuses: college.campuses.map((c) => ({ id: random.uuid(), name: c.name, outcode: c.outcode, district: c.district })),
  }));
  for (const school of schools.filter((s) => s.sixthForm)) {
    providers.push({
      ...base(),
      name: `${school.name} Sixth Form`,
      kind: 'school-sixth-form',
      website: '',
      campuses: [{ id: random.uuid(), name: school.name, outcode: school.outcode, district: school.district }],
    });
  }
  providers.push({
    ...base(),
    name: 'Kent Training and Apprenticeships',
    kind: 'training-provider',
    website: '',
    campuses: [{ id: random.uuid(), name: 'Maidstone office', outcode: 'ME14', district: 'maidstone' }],
  });
  providers.push({ ...base(), name: 'Connect to Work Kent and Medway', kind: 'programme', website: '', campuses: [] });
  providers.push({
    ...base(),
    name: 'DWP Youth Hub',
    kind: 'programme',
    website: '',
    campuses: [{ id: random.uuid(), name: 'Margate Youth Hub', outcode: 'CT9', district: 'thanet' }],
  });

  const september = `${academicYearStartYear(today) + 1}-09-07`;
  const routes: Route[] = [];
  const colleges = providers.filter((p) => p.kind === 'fe-college');
  const kinds = [
    { kind: 't-level', level: 3, english: 4, maths: 4, title: (s: string) => `T Level in ${s}` },
    { kind: 'vocational', level: 2, english: 3, maths: 3, title: (s: string) => `Level 2 diploma: ${s}` },
    { kind: 'vocational', level: 1, english: null, maths: null, title: (s: string) => `Level 1 introduction: ${s}` },
    { kind: 'apprenticeship', level: 2, english: 3, maths: 3, title: (s: string) => `Intermediate apprenticeship: ${s}` },
    { kind: 'apprenticeship', level: 3, english: 4, maths: 4, title: (s: string) => `Advanced apprenticeship: ${s}` },
    {
      kind: 'foundation',
      level: 0,
      english: null,
      maths: null,
      title: (s: string) => `Foundation learning with ${s.toLowerCase()} taster`,
    },
  ] as const;
  // No route twice: one course of a title at one campus.
  const listed = new Set<string>();
  for (let r = 0; routes.length < routeCount && r < routeCount * 20; r++) {
    const college = cycle(colleges, r);
    const campus = cycle(college.campuses, random.int(0, college.campuses.length - 1));
    const sector = random.pick(SECTOR_IDS);
    const shape = random.pick(kinds);
    const key = `${campus.id}|${shape.title(sectorTitle(sector))}`;
    if (listed.has(key)) continue;
    listed.add(key);
    routes.push({
      ...base(),
      providerId: college.id,
      campusId: campus.id,
      title: shape.title(sectorTitle(sector)),
      kind: shape.kind,
      sector,
      level: shape.level,
      entryRequirements: { englishGrade: shape.english, mathsGrade: shape.maths, notes: '' },
      applyVia: shape.kind === 'apprenticeship' ? 'find-an-apprenticeship' : 'kent-choices',
      startDates: [september],
      minimumAge: 16,
      maximumAge: null,
      description: '',
    });
  }
  for (const sixthForm of providers.filter((p) => p.kind === 'school-sixth-form')) {
    routes.push({
      ...base(),
      providerId: sixthForm.id,
      campusId: sixthForm.campuses[0]?.id ?? null,
      title: 'A levels',
      kind: 'a-levels',
      sector: null,
      level: 3,
      entryRequirements: { englishGrade: 5, mathsGrade: 5, notes: 'Grade 6 in the subjects to be studied' },
      applyVia: 'kent-choices',
      startDates: [september],
      minimumAge: 16,
      maximumAge: null,
      description: '',
    });
  }
  const connect = providers.find((p) => p.kind === 'programme' && p.name.startsWith('Connect'));
  const hub = providers.find((p) => p.kind === 'programme' && p.name.includes('Youth Hub'));
  if (!connect || !hub) throw new Error('The demo directory needs its Connect and Youth Hub programmes.');
  routes.push({
    ...base(),
    providerId: connect.id,
    campusId: null,
    title: 'Connect to Work supported employment',
    kind: 'connect-to-work',
    sector: null,
    level: 0,
    entryRequirements: { englishGrade: null, mathsGrade: null, notes: 'For people with a health condition or disability' },
    applyVia: 'referral',
    startDates: [],
    minimumAge: 16,
    maximumAge: null,
    description: '',
  });
  routes.push({
    ...base(),
    providerId: hub.id,
    campusId: hub.campuses[0]?.id ?? null,
    title: 'Youth Hub work coach support',
    kind: 'youth-hub',
    sector: null,
    level: 0,
    entryRequirements: { englishGrade: null, mathsGrade: null, notes: '' },
    applyVia: 'referral',
    startDates: [],
    minimumAge: 18,
    maximumAge: 24,
    description: '',
  });
  return { providers, routes };
}

function sectorTitle(sector: SectorId): string {
  const words: Record<SectorId, string> = {
    agriculture: 'Animal Care',
    business: 'Business and Administration',
    care: 'Health and Social Care',
    construction: 'Construction',
    creative: 'Creative Media',
    digital: 'Digital',
    education: 'Early Years Education',
    engineering: 'Engineering',
    'hair-beauty': 'Hair and Beauty',
    hospitality: 'Hospitality and Catering',
    legal: 'Public Services',
    logistics: 'Logistics',
    retail: 'Retail',
    science: 'Science',
    sport: 'Sport and Fitness',
  };
  return words[sector];
}
