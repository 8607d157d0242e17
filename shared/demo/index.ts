/**
 * A realistic, made-up Kent and Medway caseload from a seed: the same seed and day give the same
 * data. Used for the first-run demo, for training, for tests and (at larger sizes) for benchmarks.
 * Rows are built as plain typed objects, not parsed one by one, so a county-sized set builds in seconds;
 * tests check a sample against the schemas.
 */
import { createRandom, type RandomSource } from '../random';
import { academicYearStartYear, addDays, ageOn, yearGroupOf } from '../academic-year';
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
 * the travel plan and the day's times. Cancelled placements keep whatever was recorded before: nothing.
 */
function demoPaperwork(
  random: RandomSource,
  pupil: Pupil,
  employer: Employer,
  start: string,
  status: WorkplaceExperience['status'],
): PlacementPaperwork {
  if (status === 'cancelled') return NO_PAPERWORK;
  const town = employer.address.slice(employer.address.lastIndexOf(', ') + 2) || 'town';
  const parent = `${random.pick(FORENAMES)} ${pupil.legalSurname}`;
  const phone = () => `07700 900${String(random.int(0, 999)).padStart(3, '0')}`;
  const contacts = [{ name: parent, phone: phone() }];
  if (random.chance(0.6)) contacts.push({ name: `${random.pick(FORENAMES)} ${random.pick(SURNAMES)}`, phone: phone() });
  const note = random.chance(0.2) ? random.pick(ACCESS_NOTES) : '';
  const travelPlan = random.pick([
    `Bus to ${town} at about 8.15am, 25 minutes; home on the bus after 3pm. Has a bus pass.`,
    `Train to ${town}, then a 10-minute walk; the same way back.`,
    'Dropped off and collected by a parent or carer.',
    `Walks or cycles to ${town}, about 20 minutes.`,
  ]);
  const protective = employer.requirements.protectiveEquipment;
  return {
    consent:
      ageOn(pupil.dateOfBirth, start) < 18
        ? {
            givenBy: parent,
            relationship: random.pick(RELATIONSHIPS),
            on: addDays(start, -random.int(14, 42)),
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
    if (homeEducated) characteristics.attendancePercent = null;
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
        parentOptOut: yearGroup < 12 && random.chance(0.03),
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
        agreed: isGuidance ? 'Agreed to look at college courses before the next meeting.' : '',
      };
      sessions.push(session);
      if (isGuidance && random.chance(0.35)) actionPlans.push(planFor(random, base(), pupil, session, today));
    }
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
    const expired = random.chance(0.1);
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
        reachableByPublicTransport: !area.mostlyRural || random.chance(0.5),
      },
      checks: withAgreedControls(
        {
          riskAssessmentOn: random.chance(0.9) ? addDays(today, -random.int(10, 300)) : null,
          insuranceExpiresOn: expired ? addDays(today, -random.int(1, 60)) : addDays(today, random.int(60, 400)),
          safeguardingConfirmed: random.chance(0.9),
        },
        sector,
        e,
      ),
      notes: '',
    });
  }

  nameApart(employers, stems, towns);

  const { providers, routes } = providersAndRoutes(random, base, schools, options.routes ?? 90, today);

  const experiences: WorkplaceExperience[] = [];
  // The paperwork draws from a source of its own, so adding it left every other demo record as it was.
  const paperworkRandom = createRandom(options.seed + 16_000);
  const allCriteria = MEANINGFUL_CRITERIA.map((c) => c.id);
  const lastJune = `${academicYearStartYear(today)}-06`;
  for (const pupil of pupils) {
    const yearGroup = yearGroupOf(pupil, today);
    if (yearGroup !== 11 && yearGroup !== 13) continue;
    if (!random.chance(0.5)) continue;
    const employer = random.pick(employers);
    const end = `${lastJune}-20`;
    // Drawn in the order they always were (the record's id, then its status), so the demo is unchanged.
    const record = base();
    const status = random.weighted(['completed', 'cancelled'] as const, [9, 1]);
    experiences.push({
      ...record,
      kind: 'work-placement',
      paperwork: demoPaperwork(paperworkRandom, pupil, employer, `${lastJune}-16`, status),
      pupilIds: [pupil.id],
      employerId: employer.id,
      employerName: '',
      offerId: employer.offers[0]?.id ?? null,
      start: `${lastJune}-16`,
      end,
      mode: 'in-person',
      hours: { basis: 'per-day', value: 6 },
      daysAttended: null,
      status,
      meaningful: random.chance(0.7) ? allCriteria : allCriteria.slice(0, 5),
      employerTask: { text: 'Plan and present a small project to the team.', on: `${lastJune}-16` },
      employerFeedback: { text: 'Punctual and willing to learn.', on: end, wouldHostAgain: random.chance(0.85) },
      reflection: { text: 'I enjoyed seeing how the business works.', on: end },
    });
  }
  // A workplace visit for each school's Year 8 last March: one record for the whole class.
  const lastMarch = `${academicYearStartYear(today)}-03-11`;
  for (const school of schools) {
    const visitors = pupils.filter((p) => p.schoolId === school.id && yearGroupOf(p, lastMarch) === 8).slice(0, 30);
    if (visitors.length === 0) continue;
    experiences.push({
      ...base(),
      kind: 'workplace-visit',
      paperwork: NO_PAPERWORK,
      pupilIds: visitors.map((p) => p.id),
      employerId: random.pick(employers).id,
      employerName: '',
      offerId: null,
      start: lastMarch,
      end: lastMarch,
      mode: 'in-person',
      hours: { basis: 'per-day', value: 5 },
      daysAttended: null,
      status: 'completed',
      meaningful: allCriteria,
      employerTask: { text: 'Design a poster for the company open day.', on: lastMarch },
      employerFeedback: { text: 'A lively group with good questions.', on: lastMarch, wouldHostAgain: true },
      reflection: { text: 'Discussed in the next careers lesson.', on: addDays(lastMarch, 7) },
    });
  }

  return {
    schools: schools.map(({ outcode: _o, sixthForm: _s, ...school }) => school),
    advisers,
    pupils,
    sessions,
    actionPlans,
    employers,
    experiences,
    providers,
    routes,
  };
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
 * The risk controls agreed and the DBS position, for an employer with these checks. Chosen from the
 * sector and the employer's place in the list, not the random source, so adding them left every other
 * demo value as it was.
 */
function withAgreedControls(
  checks: Pick<Employer['checks'], 'riskAssessmentOn' | 'insuranceExpiresOn' | 'safeguardingConfirmed'>,
  sector: SectorId,
  index: number,
): Employer['checks'] {
  if (checks.riskAssessmentOn === null) return { ...checks, riskControls: '', dbsPosition: null };
  const riskControls = index % 5 === 4 ? '' : (RISK_CONTROLS[sector] ?? OFFICE_CONTROLS);
  // Staff who work with children (care, education, sport) already hold enhanced checks.
  const withChildren = sector === 'care' || sector === 'education' || sector === 'sport';
  const dbsPosition = withChildren ? 'enhanced-check-held' : ([null, 'not-needed', 'not-needed', 'check-pending'] as const)[index % 4];
  return { ...checks, riskControls, dbsPosition: dbsPosition ?? null };
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

function planFor(
  random: RandomSource,
  base: { id: string; createdAt: string; updatedAt: string; isDemo: boolean },
  pupil: Pupil,
  session: GuidanceSession,
  today: string,
): ActionPlan {
  const actions: ActionPlan['actions'] = [
    {
      id: random.uuid(),
      what: 'Look at three college courses on Kent Choices',
      who: 'pupil',
      byWhen: addDays(session.date, 21),
      status: 'open',
      doneOn: null,
    },
    {
      id: random.uuid(),
      what: 'Send details of the open evening',
      who: 'adviser',
      byWhen: addDays(session.date, 7),
      status: 'done',
      doneOn: addDays(session.date, 5),
    },
    {
      id: random.uuid(),
      what: 'Talk with family about travel to college',
      who: 'parent-carer',
      byWhen: addDays(session.date, 30),
      status: 'open',
      doneOn: null,
    },
  ];
  for (const action of actions)
    if (action.status === 'open' && action.byWhen < addDays(today, -120)) Object.assign(action, { status: 'done', doneOn: action.byWhen });
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
    reviewOn: addDays(session.date, 42),
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
