import { describe, expect, it } from 'vitest';
import type { Employer, Placement, Provider, Pupil, Route } from '@shared/model';
import { placementsOf } from '@shared/experiences';
import {
  allocateCohort,
  capacityLeft,
  DEFAULT_PRIORITY_WEIGHT,
  employerCheckProblems,
  matchPupil,
  publicTransportOverrideFor,
  type OfferJourney,
  prepareMatchDirectory,
  type AllocatablePupil,
  type MatchContext,
} from '@shared/matching';
import { generateDemoDataset } from '@shared/demo';
import { createRandom } from '@shared/random';
import { yearGroupOf } from '@shared/academic-year';
import { createFactories } from '../support/factories';

// Spring term 2027: the school's work-experience week is in June, pupils now in Year 10 were born 2011/12.
const today = '2027-03-01';
const week = { start: '2027-06-14', end: '2027-06-18' };
const ids = createRandom(4);
const make = createFactories({ ids, stamp: '2027-01-10T09:00:00.000Z' });

const goodChecks = {
  riskAssessmentOn: '2026-09-01',
  insuranceExpiresOn: '2028-01-31',
  safeguardingConfirmed: true,
  riskControls: '',
  dbsPosition: null,
};

function employer(
  fields: Partial<Omit<Employer, 'offers'>> & {
    offers?: { yearGroups?: number[]; minimumAge?: number; periods?: { start: string; end: string; capacity: number }[] }[];
  } = {},
): Employer {
  const { offers = [{}], ...rest } = fields;
  return make.employer({
    name: 'Thanet Engineering Ltd',
    sector: 'engineering',
    outcode: 'CT10',
    checks: goodChecks,
    requirements: { stepFreeAccess: true },
    ...rest,
    offers: offers.map((offer) => make.offer({ periods: [{ ...week, capacity: 2 }], yearGroups: [10, 11, 12], minimumAge: 14, ...offer })),
  });
}

function pupil(fields: Partial<Pupil> = {}): Pupil {
  return make.pupil({
    legalForename: 'Amira',
    legalSurname: 'Khan',
    dateOfBirth: '2011-10-05',
    outcode: 'CT9',
    interests: ['engineering'],
    travel: { maxDistanceKm: 15, reliesOnPublicTransport: true },
    ...fields,
  });
}

function placement(fields: Partial<Placement> & Pick<Placement, 'pupilId' | 'employerId'>): Placement {
  return make.placement({ offerId: null, ...week, ...fields });
}

const college: Provider = make.provider({
  name: 'EKC Group',
  kind: 'fe-college',
  campuses: [
    { id: ids.uuid(), name: 'Broadstairs College', outcode: 'CT10' },
    { id: ids.uuid(), name: 'Ashford College', outcode: 'TN23' },
  ],
});

function route(fields: Partial<Route> = {}): Route {
  return make.route({
    providerId: college.id,
    campusId: college.campuses[0]!.id,
    title: 'T Level in Engineering',
    kind: 't-level',
    sector: 'engineering',
    level: 3,
    entryRequirements: { englishGrade: 4, mathsGrade: 4 },
    applyVia: 'kent-choices',
    startDates: ['2027-09-06'],
    ...fields,
  });
}

function context(fields: Partial<MatchContext> = {}): MatchContext {
  return { employers: [], routes: [], providers: [college], placements: [], today, ...fields };
}

describe('employer safety checks', () => {
  it('passes an employer with a recent risk assessment, current insurance and safeguarding confirmed', () => {
    expect(employerCheckProblems(employer(), today)).toEqual([]);
  });

  it('names every missing check', () => {
    const missing = employer({ checks: { ...goodChecks, riskAssessmentOn: null, insuranceExpiresOn: null, safeguardingConfirmed: false } });
    expect(employerCheckProblems(missing, today)).toEqual([
      'No risk assessment recorded',
      "No employer's liability insurance expiry date recorded",
      'Safeguarding arrangements not confirmed',
    ]);
  });

  it('accepts a risk assessment up to 12 months old and no older', () => {
    expect(employerCheckProblems(employer({ checks: { ...goodChecks, riskAssessmentOn: '2026-06-14' } }), '2027-06-14')).toEqual([]);
    expect(employerCheckProblems(employer({ checks: { ...goodChecks, riskAssessmentOn: '2026-06-13' } }), '2027-06-14')).toEqual([
      'Risk assessment of 13/06/2026 is more than 12 months old by 14/06/2027',
    ]);
    // A year before 29 February is 28 February.
    expect(
      employerCheckProblems(
        employer({ checks: { ...goodChecks, riskAssessmentOn: '2027-02-28', insuranceExpiresOn: '2028-12-31' } }),
        '2028-02-29',
      ),
    ).toEqual([]);
  });

  it('counts insurance as valid to the end of its expiry day, and asks that it cover the whole placement', () => {
    const insured = (insuranceExpiresOn: string) => employer({ checks: { ...goodChecks, insuranceExpiresOn } });
    expect(employerCheckProblems(insured('2027-06-14'), '2027-06-14')).toEqual([]);
    expect(employerCheckProblems(insured('2027-06-13'), '2027-06-14')).toEqual(["Employer's liability insurance expired on 13/06/2027"]);
    expect(employerCheckProblems(insured('2027-06-16'), '2027-06-14', '2027-06-18')).toEqual([
      "Employer's liability insurance expires on 16/06/2027, before the placement ends on 18/06/2027",
    ]);
  });
});

describe('places left in an offer period', () => {
  it('counts placements that hold a place, not cancelled ones or ones on other dates or offers', () => {
    const host = employer({ offers: [{}, {}] });
    const [offer, other] = host.offers as [Employer['offers'][number], Employer['offers'][number]];
    const held = [
      placement({ pupilId: ids.uuid(), employerId: host.id, offerId: offer.id, status: 'confirmed' }),
      placement({ pupilId: ids.uuid(), employerId: host.id, offerId: offer.id, status: 'cancelled' }),
      placement({ pupilId: ids.uuid(), employerId: host.id, offerId: offer.id, start: '2027-07-05', end: '2027-07-09' }),
      placement({ pupilId: ids.uuid(), employerId: host.id, offerId: other.id }),
      placement({ pupilId: ids.uuid(), employerId: ids.uuid(), offerId: offer.id }),
    ];
    expect(capacityLeft(host, offer.id, offer.periods[0]!, held)).toBe(1);
  });

  it('counts a placement with no offer recorded when the employer has just one offer', () => {
    const host = employer();
    const offer = host.offers[0]!;
    const held = [placement({ pupilId: ids.uuid(), employerId: host.id }), placement({ pupilId: ids.uuid(), employerId: host.id })];
    expect(capacityLeft(host, offer.id, offer.periods[0]!, held)).toBe(0);
  });
});

describe('matching one pupil to employer offers', () => {
  it('excludes an employer whose insurance has expired and says why', () => {
    const lapsed = employer({ checks: { ...goodChecks, insuranceExpiresOn: '2027-02-28' } });
    const result = matchPupil(pupil(), context({ employers: [lapsed] }));
    expect(result.offers).toEqual([]);
    expect(result.excluded).toHaveLength(1);
    expect(result.excluded[0]).toMatchObject({ kind: 'offer', employerId: lapsed.id, excluded: true });
    expect(result.excluded[0]!.exclusions).toEqual(["Employer's liability insurance expired on 28/02/2027"]);
  });

  it('excludes an employer whose checks will have lapsed by the start of the period', () => {
    // Risk assessment fine today, but more than 12 months old by the June week.
    const stale = employer({ checks: { ...goodChecks, riskAssessmentOn: '2026-05-01' } });
    const [excluded] = matchPupil(pupil(), context({ employers: [stale] })).excluded;
    expect(excluded!.exclusions).toEqual(['Risk assessment of 01/05/2026 is more than 12 months old by 14/06/2027']);
  });

  it('excludes an employer that has not confirmed safeguarding', () => {
    const unconfirmed = employer({ checks: { ...goodChecks, safeguardingConfirmed: false } });
    expect(matchPupil(pupil(), context({ employers: [unconfirmed] })).excluded[0]!.exclusions).toEqual([
      'Safeguarding arrangements not confirmed',
    ]);
  });

  it("ranks a nearby employer in the pupil's sector above others, with the estimated journey and the employer's town", () => {
    const near = employer({ name: 'Broadstairs Precision', sector: 'engineering', outcode: 'CT10' });
    const far = employer({ name: 'Maidstone Motors', sector: 'engineering', outcode: 'ME14' });
    const other = employer({ name: 'Margate Hair Studio', sector: 'hair-beauty', outcode: 'CT9' });
    const { offers, excluded } = matchPupil(pupil(), context({ employers: [far, other, near] }));
    expect(offers.map((o) => o.kind === 'offer' && o.employerName)).toEqual(['Broadstairs Precision', 'Margate Hair Studio']);
    expect(offers[0]!.reasons).toContain('Interested in Engineering and manufacturing: +30');
    expect(offers[0]!.reasons).toContain(
      'About 5 km by road, about 26 minutes by bus (estimated: no timetable); ' +
        '4 km in a straight line, within the 15 km they can travel: +15',
    );
    expect(offers[0]).toMatchObject({
      town: 'Broadstairs, Thanet',
      travelText: 'about 5 km by road, about 26 minutes by bus (estimated: no timetable)',
    });
    expect(offers[1]!.reasons).toContain('Hair and beauty is not among their interests');
    // 60 km away with a 15 km limit: ruled out, not just given fewer points.
    expect(excluded.map((e) => e.kind === 'offer' && e.employerName)).toEqual(['Maidstone Motors']);
    expect(excluded[0]!.exclusions).toEqual([
      '60.1 km away, beyond the 15 km they can travel: about 81 km by road, about 281 minutes by bus (estimated: no timetable)',
    ]);
  });

  it('gives more distance points the closer the employer is, up to the limit the pupil can travel', () => {
    const { offers } = matchPupil(
      pupil({ travel: { ...pupil().travel, maxDistanceKm: 30 } }),
      context({
        employers: [
          employer({ name: 'Canterbury', outcode: 'CT1' }),
          employer({ name: 'Margate', outcode: 'CT9' }),
          employer({ name: 'Ramsgate', outcode: 'CT11' }),
        ],
      }),
    );
    expect(offers.map((o) => o.kind === 'offer' && o.employerName)).toEqual(['Margate', 'Ramsgate', 'Canterbury']);
    expect(offers[0]!.score).toBe(100);
    expect(offers[0]!.reasons).toContain(
      'Less than 1 km by road, about 10 minutes by bus (estimated: no timetable); ' +
        'less than 1 km in a straight line, within the 30 km they can travel: +20',
    );
    // Canterbury, 24 km away, is near the 30 km limit and about two hours by bus: the score falls.
    expect(offers[2]!.reasons).toContain('24.1 km away, near the 30 km they can travel; a long journey: about 119 minutes each way: −30');
  });

  it('says when the distance is not known and why', () => {
    const { offers } = matchPupil(pupil(), context({ employers: [employer({ outcode: null })] }));
    expect(offers[0]!.distanceKm).toBeNull();
    expect(offers[0]!.reasons).toContain('Distance not known: no postcode recorded for the employer: −5');
    const away = matchPupil(pupil({ outcode: 'SW1A' }), context({ employers: [employer()] }));
    expect(away.offers[0]!.reasons).toContain("Distance not known: the young person's postcode (SW1A) is not in Kent or Medway: −5");
  });

  it("without a timetable answer, an adviser's 'not reachable' rules out those who rely on public transport", () => {
    const remote = employer({
      requirements: {
        dbsNeeded: false,
        protectiveEquipment: false,
        stepFreeAccess: true,
        publicTransportOverride: { verdict: 'not-reachable', note: 'No bus on the farm lane', recordedOn: '2026-11-02' },
      },
    });
    const onTheBus = matchPupil(pupil(), context({ employers: [remote] }));
    const driven = matchPupil(pupil({ travel: { ...pupil().travel, reliesOnPublicTransport: false } }), context({ employers: [remote] }))
      .offers[0]!;
    expect(onTheBus.offers).toHaveLength(0);
    expect(onTheBus.excluded[0]!.exclusions).toEqual(['The adviser judged it not reachable by public transport: No bus on the farm lane']);
    expect(driven.travelText).toBe('about 5 km by road, about 7 minutes by car (estimated: no timetable)');
    // Those who do not rely on public transport are not ruled out, but the card still shows the adviser's words, in a field of their own.
    expect(driven.kind === 'offer' && driven.adviserTransport).toBe(
      'The adviser judged it not reachable by public transport: No bus on the farm lane',
    );
    expect(driven.reasons.some((r) => r.includes('adviser'))).toBe(false);
    const none = employer({ requirements: { ...remote.requirements, publicTransportOverride: null } });
    const estimated = matchPupil(pupil(), context({ employers: [none] })).offers[0]!;
    expect(estimated.travelText).toBe('about 5 km by road, about 26 minutes by bus (estimated: no timetable)');
    expect(estimated.reasons.some((r) => r.includes('adviser'))).toBe(false);
    expect(estimated.kind === 'offer' && estimated.adviserTransport).toBeNull();
  });

  it("takes an adviser's 'reachable' as removing the estimate's doubt about the bus time, not the distance limit", () => {
    const far = { ...pupil(), outcode: 'ME1', travel: { ...pupil().travel, maxDistanceKm: 60 } };
    const judged = (verdict: 'reachable' | null) =>
      employer({
        outcode: 'TN28',
        requirements: {
          dbsNeeded: false,
          protectiveEquipment: false,
          stepFreeAccess: true,
          publicTransportOverride: verdict === null ? null : { verdict, note: 'The 102 stops at the gate', recordedOn: '2026-11-02' },
        },
      });
    const without = matchPupil(far, context({ employers: [judged(null)] })).offers[0]!;
    const withIt = matchPupil(far, context({ employers: [judged('reachable')] })).offers[0]!;
    expect(without.reasons.some((r) => r.includes('a long journey'))).toBe(true);
    expect(withIt.reasons.some((r) => r.includes('a long journey'))).toBe(false);
    expect(withIt.kind === 'offer' && withIt.adviserTransport).toBe(
      'The adviser judged it reachable by public transport: The 102 stops at the gate',
    );
    // The allocation line puts the adviser's words first, where a journey answer would be.
    const line = allocateCohort({ pupils: [far], employers: [judged('reachable')], placements: [], period: week, today }).lines[0];
    expect(line?.reasons[0]).toBe('The adviser judged it reachable by public transport: The 102 stops at the gate');
    expect(withIt.score).toBeGreaterThan(without.score);
    // The distance limit still holds.
    const near = { ...far, travel: { ...far.travel, maxDistanceKm: 10 } };
    expect(matchPupil(near, context({ employers: [judged('reachable')] })).offers).toHaveLength(0);
  });

  it("lets a timetable answer decide over the adviser's judgement", () => {
    const override = { verdict: 'not-reachable', note: 'No bus', recordedOn: '' } as const;
    const requirements = { dbsNeeded: false, protectiveEquipment: false, stepFreeAccess: false, publicTransportOverride: override };
    const journey: OfferJourney = {
      date: '2027-06-14',
      verdict: 'yes',
      label: 'Can get there',
      sentence: 'Leaves 07:56, arrives 08:37, no changes; home 16:35 to 17:15',
      reasons: [],
      notes: [],
      outOfDate: false,
    };
    expect(publicTransportOverrideFor(pupil(), { requirements }, null)).toEqual(override);
    expect(publicTransportOverrideFor(pupil(), { requirements }, journey)).toBeNull();
    expect(
      publicTransportOverrideFor({ ...pupil(), travel: { ...pupil().travel, reliesOnPublicTransport: false } }, { requirements }, null),
    ).toBeNull();
  });

  it("excludes an offer that does not take the pupil's year group", () => {
    const [excluded] = matchPupil(
      pupil({ dateOfBirth: '2012-10-05' }),
      context({ employers: [employer({ offers: [{ yearGroups: [10, 12] }] })] }),
    ).excluded;
    expect(excluded!.exclusions).toEqual(['Takes Years 10 and 12, not Year 9']);
  });

  it('says a young person will have left school, not "Year 14", for an offer after Year 13', () => {
    const [excluded] = matchPupil(
      pupil({ dateOfBirth: '2007-10-05' }),
      context({ employers: [employer({ offers: [{ yearGroups: [12, 13] }] })] }),
    ).excluded;
    expect(excluded!.exclusions).toEqual(['Takes Years 12 and 13; they will have left school by then']);
  });

  it('moves the year group on for a period in the next academic year', () => {
    const autumn = employer({
      checks: { ...goodChecks, riskAssessmentOn: '2027-01-15' },
      offers: [{ yearGroups: [10], periods: [{ start: '2027-10-04', end: '2027-10-08', capacity: 1 }] }],
    });
    const result = matchPupil(pupil({ dateOfBirth: '2012-10-05' }), context({ employers: [autumn] }));
    expect(result.offers).toHaveLength(1);
  });

  it('excludes a pupil under the minimum age on the first day of the period', () => {
    const over15 = employer({ offers: [{ minimumAge: 16 }] });
    const [excluded] = matchPupil(pupil(), context({ employers: [over15] })).excluded;
    expect(excluded!.exclusions).toEqual(['Aged 15 on 14/06/2027; the minimum age is 16']);
    // Sixteen on the first day is old enough.
    expect(
      matchPupil(
        pupil({ dateOfBirth: '2011-06-14', yearGroupOverride: { yearGroup: 10, academicYearStart: 2026 } }),
        context({ employers: [over15] }),
      ).offers,
    ).toHaveLength(1);
  });

  it('excludes an employer without step-free access for a pupil who needs it, and says it suits those it does', () => {
    const stairs = employer({
      name: 'Upstairs Office',
      requirements: { dbsNeeded: false, protectiveEquipment: false, stepFreeAccess: false, publicTransportOverride: null },
    });
    const level = employer({ name: 'Ground Floor Works' });
    const result = matchPupil(pupil({ travel: { ...pupil().travel, needsStepFreeAccess: true } }), context({ employers: [stairs, level] }));
    expect(result.excluded[0]!.exclusions).toEqual(['Needs step-free access, which this employer does not have']);
    expect(result.offers[0]!.reasons).toContain('Has the step-free access they need');
  });

  it('excludes a full offer period and shows places left in the others', () => {
    const host = employer({
      offers: [
        {
          periods: [
            { ...week, capacity: 1 },
            { start: '2027-06-21', end: '2027-06-25', capacity: 3 },
          ],
        },
      ],
    });
    const held = [placement({ pupilId: ids.uuid(), employerId: host.id, offerId: host.offers[0]!.id, status: 'confirmed' })];
    const result = matchPupil(pupil(), context({ employers: [host], placements: held }));
    expect(result.excluded[0]!.exclusions).toEqual(['No places left from 14/06/2027 to 18/06/2027 (all 1 taken)']);
    expect(result.offers[0]).toMatchObject({ periodStart: '2027-06-21', capacityLeft: 3 });
    expect(result.offers[0]!.reasons).toContain('3 of 3 places left from 21/06/2027 to 25/06/2027');
  });

  it('will not put a pupil in two places at once', () => {
    const first = employer({ name: 'First' });
    const second = employer({ name: 'Second' });
    const me = pupil();
    const held = [placement({ pupilId: me.id, employerId: first.id, offerId: first.offers[0]!.id })];
    const result = matchPupil(me, context({ employers: [first, second], placements: held }));
    expect(result.offers).toEqual([]);
    expect(result.excluded.flatMap((e) => e.exclusions)).toEqual([
      'Already has a placement here for these dates',
      'Already has a placement elsewhere from 14/06/2027 to 18/06/2027',
    ]);
  });

  it('lists only periods still to come, and only those overlapping the chosen dates', () => {
    const host = employer({
      offers: [
        {
          periods: [
            { start: '2027-02-01', end: '2027-02-05', capacity: 2 },
            { ...week, capacity: 2 },
            { start: '2027-07-05', end: '2027-07-09', capacity: 2 },
          ],
        },
      ],
    });
    expect(matchPupil(pupil(), context({ employers: [host] })).offers.map((o) => o.kind === 'offer' && o.periodStart)).toEqual([
      '2027-06-14',
      '2027-07-05',
    ]);
    expect(matchPupil(pupil(), context({ employers: [host], period: { start: '2027-07-01', end: '2027-07-31' } })).offers).toHaveLength(1);
  });

  it('keeps every score between 0 and 100', () => {
    const data = generateDemoDataset({ seed: 5, today: '2026-11-24', pupils: 40, sessionsPerPupil: 0 });
    for (const young of data.pupils) {
      const result = matchPupil(young, { ...data, placements: placementsOf(data.experiences), today: '2026-11-24' });
      for (const item of [...result.offers, ...result.routes, ...result.excluded]) {
        expect(item.score).toBeGreaterThanOrEqual(0);
        expect(item.score).toBeLessThanOrEqual(100);
        expect(item.reasons.length).toBeGreaterThan(0);
      }
      for (const item of result.excluded) expect(item.exclusions.length).toBeGreaterThan(0);
    }
  });

  it('gives exactly the same matches from a directory prepared once as from the raw one', () => {
    const demoToday = '2026-11-24';
    const data = generateDemoDataset({ seed: 9, today: demoToday, pupils: 80, employers: 60, routes: 120 });
    const placed = new Set(placementsOf(data.experiences).map((p) => p.pupilId));
    const young = [...data.pupils.filter((p) => placed.has(p.id)).slice(0, 3), ...data.pupils.filter((p) => !placed.has(p.id)).slice(0, 5)];
    expect(young.length).toBeGreaterThan(4);
    for (const period of [undefined, { start: '2027-06-01', end: '2027-07-31' }]) {
      const raw = {
        employers: data.employers,
        routes: data.routes,
        providers: data.providers,
        placements: placementsOf(data.experiences),
        today: demoToday,
        period,
      };
      const prepared = prepareMatchDirectory(raw);
      for (const pupil of young) {
        const once = matchPupil(pupil, { prepared });
        expect(once).toEqual(matchPupil(pupil, raw));
        expect(once.offers.length + once.routes.length + once.excluded.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('matching one pupil to post-16 routes', () => {
  // A Year 11 pupil, 16 by September.
  const year11 = (fields: Partial<Pupil> = {}) =>
    pupil({ dateOfBirth: '2011-03-10', predictedGrades: { english: 5, maths: 4 }, ...fields });

  it("suggests a route in the pupil's sector they meet the entry requirements for, with the reasons", () => {
    const { routes } = matchPupil(year11(), context({ routes: [route()] }));
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({
      kind: 'route',
      providerName: 'EKC Group',
      campusName: 'Broadstairs College',
      startDate: '2027-09-06',
      excluded: false,
    });
    expect(routes[0]!.reasons).toEqual(
      expect.arrayContaining([
        'Interested in Engineering and manufacturing: +25',
        'Predicted English grade 5 meets the grade 4 asked for: +5',
        'Predicted maths grade 4 meets the grade 4 asked for: +5',
        'Level 3 suits their predicted grades: +10',
      ]),
    );
  });

  it('scores entry requirements against predicted grades: meets, one grade below, below, not known', () => {
    const score = (english: number | null, maths: number | null) =>
      matchPupil(year11({ predictedGrades: { english, maths } }), context({ routes: [route()] })).routes[0]!;
    expect(score(3, 4).reasons).toContain('Predicted English grade 3 is one below the grade 4 asked for: −5');
    expect(score(2, 4).reasons).toContain('Predicted English grade 2 is below the grade 4 asked for: −20');
    expect(score(null, 4).reasons).toContain('No predicted English grade to set against the grade 4 asked for');
    expect(score(4, 4).score).toBeGreaterThan(score(3, 4).score);
    expect(score(3, 4).score).toBeGreaterThan(score(2, 4).score);
  });

  it('prefers a route at the level the predicted grades suggest', () => {
    const levels = [
      route({ title: 'Level 3', level: 3, entryRequirements: { englishGrade: null, mathsGrade: null, notes: '' } }),
      route({ title: 'Level 2', level: 2, entryRequirements: { englishGrade: null, mathsGrade: null, notes: '' } }),
      route({ title: 'Level 1', level: 1, entryRequirements: { englishGrade: null, mathsGrade: null, notes: '' } }),
    ];
    const ranked = (english: number, maths: number) =>
      matchPupil(year11({ predictedGrades: { english, maths } }), context({ routes: levels })).routes.map(
        (r) => r.kind === 'route' && r.routeTitle,
      );
    expect(ranked(6, 5)[0]).toBe('Level 3');
    expect(ranked(3, 3)[0]).toBe('Level 2');
    expect(ranked(2, 1)[0]).toBe('Level 1');
  });

  it('excludes a Skills Bootcamp for anyone under 19, whatever the route record says', () => {
    const bootcamp = route({ kind: 'skills-bootcamp', title: 'Skills Bootcamp in welding', minimumAge: 16 });
    const [excluded] = matchPupil(year11(), context({ routes: [bootcamp] })).excluded;
    expect(excluded!.exclusions).toEqual(['Skills Bootcamps are for people aged 19 and over; aged 16 on 06/09/2027']);
    expect(
      matchPupil(
        year11({ dateOfBirth: '2008-01-01', yearGroupOverride: { yearGroup: 13, academicYearStart: 2026 } }),
        context({ routes: [bootcamp] }),
      ).routes,
    ).toHaveLength(1);
  });

  it("checks minimum and maximum ages on the route's start date", () => {
    const hub = route({ kind: 'youth-hub', title: 'Youth Hub', minimumAge: 18, maximumAge: 24, startDates: [], sector: null });
    // A Year 11 is judged at the September after Year 11.
    expect(matchPupil(year11(), context({ routes: [hub] })).excluded[0]!.exclusions).toEqual([
      'Youth Hubs are for people aged 18 to 24; aged 16 in September 2027',
    ]);
    expect(
      matchPupil(
        year11({ dateOfBirth: '2002-01-01', yearGroupOverride: { yearGroup: 13, academicYearStart: 2026 } }),
        context({ routes: [hub] }),
      ).excluded[0]!.exclusions,
    ).toEqual(['Youth Hubs are for people aged 18 to 24; aged 25 now']);
    const sixthFormCourse = route({ minimumAge: 16, maximumAge: 18, startDates: ['2027-09-06'] });
    expect(
      matchPupil(
        year11({ dateOfBirth: '2008-01-01', yearGroupOverride: { yearGroup: 13, academicYearStart: 2026 } }),
        context({ routes: [sixthFormCourse] }),
      ).excluded[0]!.exclusions,
    ).toEqual(['Aged 19 on 06/09/2027; the maximum age is 18']);
  });

  it('checks age against the first intake the pupil is old enough for', () => {
    const twoIntakes = route({ startDates: ['2028-09-04', '2027-09-06'] });
    const year10 = pupil({ predictedGrades: { english: 5, maths: 5 } });
    const result = matchPupil(year10, context({ routes: [twoIntakes] }));
    expect(result.routes[0]).toMatchObject({ startDate: '2028-09-04' });
  });

  it('keeps supported internships for young people with an EHCP, and Connect to Work for those with a health condition', () => {
    const internship = route({
      kind: 'supported-internship',
      title: 'Supported internship',
      sector: null,
      level: 1,
      entryRequirements: { englishGrade: null, mathsGrade: null, notes: '' },
    });
    expect(matchPupil(year11(), context({ routes: [internship] })).excluded[0]!.exclusions).toEqual([
      'Supported internships are for young people with an education, health and care plan',
    ]);
    const withPlan = year11({ characteristics: { ...year11().characteristics, ehcp: true } });
    expect(matchPupil(withPlan, context({ routes: [internship] })).routes).toHaveLength(1);

    const connect = route({
      kind: 'connect-to-work',
      title: 'Connect to Work',
      sector: null,
      level: 0,
      campusId: null,
      providerId: college.id,
      entryRequirements: { englishGrade: null, mathsGrade: null, notes: '' },
      startDates: [],
    });
    const year12 = (fields: Partial<Pupil> = {}) => year11({ dateOfBirth: '2010-03-10', ...fields });
    // Neither a health condition nor a disability recorded: ruled out, saying why (it used to rank third with −25).
    const healthy = matchPupil(year12(), context({ routes: [connect] }));
    expect(healthy.routes).toEqual([]);
    expect(healthy.excluded[0]!.exclusions).toEqual([
      'Connect to Work is for people with a health condition or disability; neither is recorded (no health condition, EHCP or SEN support)',
    ]);
    const unwell = matchPupil(
      year12({ characteristics: { ...year12().characteristics, healthCondition: true } }),
      context({ routes: [connect] }),
    ).routes[0]!;
    expect(unwell.reasons).toContain('Has a health condition, which Connect to Work supports: +15');
    const withSenSupport = year12({ characteristics: { ...year12().characteristics, senSupport: true } });
    expect(matchPupil(withSenSupport, context({ routes: [connect] })).routes).toHaveLength(1);
  });

  it("measures distance to the route's campus, shows its town, and rules out a campus beyond the travel limit", () => {
    const ashford = route({ title: 'Ashford', campusId: college.campuses[1]!.id });
    const broadstairs = route({ title: 'Broadstairs' });
    const { routes, excluded } = matchPupil(year11(), context({ routes: [ashford, broadstairs] }));
    expect(routes.map((r) => r.kind === 'route' && r.routeTitle)).toEqual(['Broadstairs']);
    expect(routes[0]).toMatchObject({ campusName: 'Broadstairs College', town: 'Broadstairs, Thanet' });
    expect(excluded[0]).toMatchObject({ routeTitle: 'Ashford', town: 'Ashford' });
    expect(excluded[0]!.exclusions[0]).toMatch(/^\d+\.\d km away, beyond the 15 km they can travel: about \d+ km by road/);
  });
});

describe('allocating a year group to work-experience placements', () => {
  const cohortPupil = (fields: Partial<Pupil> = {}): AllocatablePupil => pupil(fields);

  it("allocation never exceeds an offer's capacity", () => {
    const host = employer({ offers: [{ periods: [{ ...week, capacity: 2 }] }] });
    const pupils = Array.from({ length: 5 }, () => cohortPupil());
    const result = allocateCohort({ pupils, employers: [host], placements: [], period: week, today });
    expect(result.placed).toBe(2);
    expect(result.lines).toHaveLength(2);
    expect(result.unplaced).toHaveLength(3);
    expect(result.unplaced[0]!.why).toBe(
      'The 1 offer open to them went to other young people, so that as many young people as possible could be placed',
    );
  });

  it('counts places already taken in the period', () => {
    const host = employer();
    const held = [placement({ pupilId: ids.uuid(), employerId: host.id, offerId: host.offers[0]!.id, status: 'confirmed' })];
    const result = allocateCohort({ pupils: [cohortPupil(), cohortPupil()], employers: [host], placements: held, period: week, today });
    expect(result.placed).toBe(1);
  });

  it('a priority pupil gets the last place when two pupils compete', () => {
    const host = employer({ offers: [{ periods: [{ ...week, capacity: 1 }] }] });
    // The other pupil is a slightly better fit (same sector, a little closer), but not a priority.
    const keen = cohortPupil({ legalForename: 'Keen', outcode: 'CT10' });
    const lookedAfter = cohortPupil({ legalForename: 'Priority', characteristics: { ...pupil().characteristics, lookedAfter: true } });
    const result = allocateCohort({ pupils: [keen, lookedAfter], employers: [host], placements: [], period: week, today });
    expect(result.lines.map((l) => l.pupilId)).toEqual([lookedAfter.id]);
    expect(result.lines[0]!.reasons).toContain(`Priority in the allocation (Looked after): +${DEFAULT_PRIORITY_WEIGHT}`);
    // Without the weight, the better fit wins.
    const plain = allocateCohort({
      pupils: [keen, lookedAfter],
      employers: [host],
      placements: [],
      period: week,
      today,
      priorityWeight: 0,
    });
    expect(plain.lines.map((l) => l.pupilId)).toEqual([keen.id]);
  });

  it('places as many pupils as possible before the best fits', () => {
    // Both pupils prefer the engineering firm; only one of them can go to the farm.
    const engineering = employer({ name: 'Engineering', offers: [{ periods: [{ ...week, capacity: 1 }] }] });
    const farm = employer({ name: 'Farm', sector: 'agriculture', offers: [{ yearGroups: [11], periods: [{ ...week, capacity: 1 }] }] });
    const year10 = cohortPupil();
    const year11 = cohortPupil({ dateOfBirth: '2010-10-05' });
    const result = allocateCohort({ pupils: [year10, year11], employers: [engineering, farm], placements: [], period: week, today });
    expect(result.placed).toBe(2);
    expect(Object.fromEntries(result.lines.map((l) => [l.pupilId, l.employerId]))).toEqual({
      [year10.id]: engineering.id,
      [year11.id]: farm.id,
    });
  });

  it('does not use employers whose checks have lapsed, and leaves out pupils already placed for those dates', () => {
    const lapsed = employer({ checks: { ...goodChecks, insuranceExpiresOn: '2027-01-31' } });
    const fine = employer({ name: 'Fine' });
    const placedAlready = cohortPupil();
    const held = [placement({ pupilId: placedAlready.id, employerId: fine.id, offerId: fine.offers[0]!.id })];
    const result = allocateCohort({
      pupils: [placedAlready, cohortPupil(), cohortPupil()],
      employers: [lapsed, fine],
      placements: held,
      period: week,
      today,
    });
    expect(result.lines.every((l) => l.employerId === fine.id)).toBe(true);
    expect(result.placed).toBe(1);
    expect(result.unplaced.find((u) => u.pupilId === placedAlready.id)!.why).toBe(
      'Already has a placement at Fine from 14/06/2027 to 18/06/2027',
    );
  });

  it('explains why each pupil is left out', () => {
    const onlyYear10 = employer({ offers: [{ yearGroups: [10, 12] }] });
    const year9 = cohortPupil({ dateOfBirth: '2012-10-05' });
    expect(allocateCohort({ pupils: [year9], employers: [onlyYear10], placements: [], period: week, today }).unplaced[0]!.why).toBe(
      'No offer in this period accepts Year 9',
    );

    const young = cohortPupil({ dateOfBirth: '2012-08-31' });
    expect(
      allocateCohort({ pupils: [young], employers: [employer({ offers: [{ minimumAge: 15 }] })], placements: [], period: week, today })
        .unplaced[0]!.why,
    ).toBe('Too young for every offer in this period (aged 14 on 14/06/2027)');

    expect(allocateCohort({ pupils: [cohortPupil()], employers: [], placements: [], period: week, today }).unplaced[0]!.why).toBe(
      'No work-experience offers cover these dates',
    );
  });

  it('says every suitable offer is full, or which nearby offers were ruled out', () => {
    const full = employer({ name: 'Full' });
    const held = [1, 2].map(() => placement({ pupilId: ids.uuid(), employerId: full.id, offerId: full.offers[0]!.id }));
    const year11Only = employer({ name: 'Older', offers: [{ yearGroups: [11] }] });
    expect(
      allocateCohort({ pupils: [cohortPupil()], employers: [full, year11Only], placements: held, period: week, today }).unplaced[0]!.why,
    ).toBe('Every suitable offer is full');

    const nearLapsed = employer({ name: 'Near', outcode: 'CT10', checks: { ...goodChecks, safeguardingConfirmed: false } });
    const nearOlder = employer({ name: 'Near older', outcode: 'CT11', offers: [{ minimumAge: 16 }] });
    const nearFull = employer({ name: 'Near full', outcode: 'CT8' });
    const nearHeld = [1, 2].map(() => placement({ pupilId: ids.uuid(), employerId: nearFull.id, offerId: nearFull.offers[0]!.id }));
    const farOpen = employer({ name: 'Far', outcode: 'ME14' });
    const withinTen = cohortPupil({ travel: { ...pupil().travel, maxDistanceKm: 10 } });
    // The far one is open and has places, but is beyond their limit: that is not "every suitable offer".
    expect(
      allocateCohort({ pupils: [withinTen], employers: [nearLapsed, nearOlder, farOpen], placements: [], period: week, today }).unplaced[0]!
        .why,
    ).toBe('Every suitable offer has safety checks out of date');
    const why = allocateCohort({
      pupils: [withinTen],
      employers: [nearLapsed, nearOlder, nearFull, farOpen],
      placements: nearHeld,
      period: week,
      today,
    }).unplaced[0]!.why;
    expect(why).toBe(
      'All 3 offers within 10 km excluded: 1 has a higher minimum age, 1 has safety checks out of date, 1 is full; ' +
        'the other 1 is beyond the 10 km they can travel',
    );

    const farOnly = allocateCohort({
      pupils: [cohortPupil({ travel: { ...pupil().travel, maxDistanceKm: 10 } })],
      employers: [
        employer({ name: 'Far and older', outcode: 'ME14', offers: [{ minimumAge: 16 }] }),
        employer({ name: 'Far, Year 11', outcode: 'TN23', offers: [{ yearGroups: [11] }] }),
      ],
      placements: [],
      period: week,
      today,
    });
    expect(farOnly.unplaced[0]!.why).toBe('No offer in this period is within the 10 km they can travel');
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    allocateCohort({
      pupils: Array.from({ length: 40 }, () => cohortPupil()),
      employers: [employer()],
      placements: [],
      period: week,
      today,
      onProgress: (f) => seen.push(f),
    });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
  });

  it('equals an exhaustive search over small cohorts from the demo data', () => {
    const demoToday = '2026-11-24';
    const data = generateDemoDataset({ seed: 11, today: demoToday, pupils: 120, employers: 30, sessionsPerPupil: 0 });
    const june = { start: '2027-06-14', end: '2027-06-27' };
    const random = createRandom(12);
    const year10 = data.pupils.filter((p) => yearGroupOf(p, demoToday) === 10);
    for (let round = 0; round < 25; round++) {
      const pupils = Array.from({ length: 5 }, () => random.pick(year10)).filter((p, i, all) => all.indexOf(p) === i);
      const employers = Array.from({ length: 4 }, () => random.pick(data.employers)).filter((e, i, all) => all.indexOf(e) === i);
      const result = allocateCohort({ pupils, employers, placements: placementsOf(data.experiences), period: june, today: demoToday });

      // Independently: what matchPupil allows, with the priority weight, searched exhaustively.
      const options = pupils.map((p) => {
        const bonus =
          p.homeEducated || p.characteristics.lookedAfter || p.characteristics.ehcp || p.riskBand === 'high' ? DEFAULT_PRIORITY_WEIGHT : 0;
        return matchPupil(p, {
          employers,
          routes: [],
          providers: [],
          placements: placementsOf(data.experiences),
          today: demoToday,
          period: june,
        })
          .offers.map((o) =>
            o.kind === 'offer' ? { key: `${o.offerId}|${o.periodStart}`, value: o.score + bonus, left: o.capacityLeft } : null,
          )
          .filter((o) => o !== null);
      });
      const left = new Map(options.flat().map((o) => [o.key, o.left]));
      let best = { placed: 0, total: 0 };
      const search = (i: number, placed: number, total: number): void => {
        if (i === pupils.length) {
          if (placed > best.placed || (placed === best.placed && total > best.total)) best = { placed, total };
          return;
        }
        search(i + 1, placed, total);
        for (const o of options[i]!) {
          if (left.get(o.key)! <= 0) continue;
          left.set(o.key, left.get(o.key)! - 1);
          search(i + 1, placed + 1, total + o.value);
          left.set(o.key, left.get(o.key)! + 1);
        }
      };
      search(0, 0, 0);
      const weighted = result.lines.reduce(
        (sum, line) => sum + line.score + (line.reasons.some((r) => r.startsWith('Priority')) ? DEFAULT_PRIORITY_WEIGHT : 0),
        0,
      );
      expect(result.placed).toBe(best.placed);
      expect(weighted).toBe(best.total);
      expect(result.placed + result.unplaced.length).toBe(pupils.length);
    }
  });

  it('allocates a large demo year group within capacities, using only allowed pairs and explaining everyone left out', () => {
    const demoToday = '2026-11-24';
    const data = generateDemoDataset({ seed: 42, today: demoToday, pupils: 1800, employers: 450, sessionsPerPupil: 0 });
    const june = { start: '2027-06-14', end: '2027-06-27' };
    const cohort = data.pupils.filter((p) => yearGroupOf(p, demoToday) === 10).slice(0, 300);
    expect(cohort.length).toBe(300);
    const result = allocateCohort({
      pupils: cohort,
      employers: data.employers,
      placements: placementsOf(data.experiences),
      period: june,
      today: demoToday,
    });

    expect(result.placed).toBeGreaterThan(100);
    expect(result.placed + result.unplaced.length).toBe(cohort.length);
    expect(new Set(result.lines.map((l) => l.pupilId)).size).toBe(result.placed);
    expect(result.unplaced.every((u) => u.why.length > 0)).toBe(true);
    expect(result.total).toBe(result.lines.reduce((sum, l) => sum + l.score, 0));

    const employers = new Map(data.employers.map((e) => [e.id, e]));
    const used = new Map<string, number>();
    for (const line of result.lines) {
      const key = `${line.offerId}|${line.periodStart}`;
      used.set(key, (used.get(key) ?? 0) + 1);
      const period = employers
        .get(line.employerId)!
        .offers.find((o) => o.id === line.offerId)!
        .periods.find((p) => p.start === line.periodStart)!;
      expect(used.get(key)).toBeLessThanOrEqual(
        capacityLeft(employers.get(line.employerId)!, line.offerId, period, placementsOf(data.experiences)),
      );
    }
    // Spot-check that each allocated pair is one matchPupil also allows.
    for (const line of result.lines.slice(0, 40)) {
      const young = cohort.find((p) => p.id === line.pupilId)!;
      const { offers } = matchPupil(young, {
        employers: [employers.get(line.employerId)!],
        routes: [],
        providers: [],
        placements: placementsOf(data.experiences),
        today: demoToday,
        period: june,
      });
      expect(
        offers.some(
          (o) => o.kind === 'offer' && o.offerId === line.offerId && o.periodStart === line.periodStart && o.score === line.score,
        ),
      ).toBe(true);
    }
  });
});

describe('travel without timetables: estimated, and the limit is a limit', () => {
  it('rules out a Thanet employer for a Sheppey young person who relies on buses, with the estimate in words', () => {
    const sheppey = pupil({ outcode: 'ME12', travel: { ...pupil().travel, maxDistanceKm: 15 } });
    const thanet = employer({ name: 'Broadstairs Precision', outcode: 'CT10' });
    const result = matchPupil(sheppey, context({ employers: [thanet] }));
    expect(result.offers).toEqual([]);
    expect(result.excluded[0]).toMatchObject({ employerName: 'Broadstairs Precision', town: 'Broadstairs, Thanet' });
    expect(result.excluded[0]!.exclusions).toEqual([
      '43.9 km away, beyond the 15 km they can travel: about 59 km by road, about 208 minutes by bus (estimated: no timetable)',
    ]);
  });

  it('does not place Margate Year 10s beyond their limits (44 km with 10 km, 24 km with 5 km), and says why', () => {
    const tenKm = pupil({ legalForename: 'Ten', outcode: 'CT9', travel: { ...pupil().travel, maxDistanceKm: 10 } });
    const fiveKm = pupil({ legalForename: 'Five', outcode: 'CT9', travel: { ...pupil().travel, maxDistanceKm: 5 } });
    const ashford = employer({ name: 'Ashford Engineering', outcode: 'TN24', offers: [{ periods: [{ ...week, capacity: 5 }] }] });
    const canterbury = employer({ name: 'Canterbury Engineering', outcode: 'CT1', offers: [{ periods: [{ ...week, capacity: 5 }] }] });
    const result = allocateCohort({ pupils: [tenKm, fiveKm], employers: [ashford, canterbury], placements: [], period: week, today });
    expect(result.lines).toEqual([]);
    expect(Object.fromEntries(result.unplaced.map((u) => [u.pupilId, u.why]))).toEqual({
      [tenKm.id]: 'No offer in this period is within the 10 km they can travel',
      [fiveKm.id]: 'No offer in this period is within the 5 km they can travel',
    });
    // One pupil's own matches say the same, place by place.
    const [far] = matchPupil(tenKm, context({ employers: [ashford] })).excluded;
    expect(far!.exclusions[0]).toMatch(/^43\.6 km away, beyond the 10 km they can travel: about 59 km by road, about \d+ minutes by bus/);
  });

  it('takes points off a place near the limit, more the nearer it is, and still allocates it', () => {
    const margate = pupil({ outcode: 'CT9', travel: { ...pupil().travel, maxDistanceKm: 7 } });
    const birchington = employer({ name: 'Birchington', outcode: 'CT7' });
    const manston = employer({ name: 'Manston', outcode: 'CT12' });
    const { offers } = matchPupil(margate, context({ employers: [birchington, manston] }));
    expect(offers.map((o) => o.kind === 'offer' && o.employerName)).toEqual(['Manston', 'Birchington']);
    expect(offers[1]!.reasons).toContain('6.4 km away, near the 7 km they can travel: −11');
    expect(offers[0]!.reasons.some((r) => r.includes('near the 7 km'))).toBe(false);
    const allocated = allocateCohort({ pupils: [margate], employers: [birchington], placements: [], period: week, today });
    expect(allocated.lines).toHaveLength(1);
    expect(allocated.lines[0]!.score).toBe(offers[1]!.score);
  });
});

describe('post-16 routes for young people still at school', () => {
  const ashfordCampus = college.campuses[1]!;
  // A home-educated Year 10 in TN27 (Smarden), 11 km from Ashford College; today is in 2026/27.
  const tn27 = (fields: Partial<Pupil> = {}) =>
    pupil({
      dateOfBirth: '2011-11-20',
      outcode: 'TN27',
      homeEducated: true,
      schoolId: null,
      predictedGrades: { english: 5, maths: 5 },
      ...fields,
    });

  it('offers a Year 10 the routes they could start after Year 11, with the start year', () => {
    const tLevel = route({ campusId: ashfordCampus.id, startDates: ['2027-09-06'] });
    const result = matchPupil(tn27(), context({ routes: [tLevel] }));
    expect(result.excluded).toEqual([]);
    expect(result.routes[0]).toMatchObject({
      startDate: '2028-09-01',
      startText: 'Starts September 2028, after Year 11',
      campusName: 'Ashford College',
      town: 'Ashford',
    });
    expect(result.routes[0]!.reasons).toContain(
      'The starts listed are before they finish Year 11; taken to run again in September 2028: check with the provider',
    );
    // A Year 9 a year later; a listed start in their year is used as it is.
    expect(matchPupil(tn27({ dateOfBirth: '2012-11-20' }), context({ routes: [tLevel] })).routes[0]).toMatchObject({
      startText: 'Starts September 2029, after Year 11',
    });
    const listed = route({ campusId: ashfordCampus.id, startDates: ['2027-09-06', '2028-09-04'] });
    expect(matchPupil(tn27(), context({ routes: [listed] })).routes[0]).toMatchObject({
      startDate: '2028-09-04',
      startText: 'Starts 04/09/2028',
    });
  });

  it('keeps a Year 11 on the listed start next September', () => {
    const year11 = pupil({ dateOfBirth: '2011-03-10', predictedGrades: { english: 5, maths: 5 } });
    expect(matchPupil(year11, context({ routes: [route()] })).routes[0]).toMatchObject({
      startDate: '2027-09-06',
      startText: 'Starts 06/09/2027',
    });
  });

  it('still rules out programmes a Year 10 will be too young for after Year 11', () => {
    const near = { campusId: ashfordCampus.id, startDates: [] };
    const bootcamp = route({ kind: 'skills-bootcamp', title: 'Skills Bootcamp in welding', minimumAge: 16, ...near });
    // The records say 16 and no upper age; the programme's own rule holds.
    const hub = route({ kind: 'youth-hub', title: 'Youth Hub', minimumAge: 16, maximumAge: null, sector: null, ...near });
    const result = matchPupil(tn27(), context({ routes: [bootcamp, hub] }));
    expect(result.routes).toEqual([]);
    expect(result.excluded.flatMap((e) => e.exclusions).sort()).toEqual([
      'Skills Bootcamps are for people aged 19 and over; aged 16 in September 2028',
      'Youth Hubs are for people aged 18 to 24; aged 16 in September 2028',
    ]);
  });
});

describe('entry requirements, subject by subject', () => {
  const year11 = (english: number | null, maths: number | null) =>
    pupil({ dateOfBirth: '2011-03-10', predictedGrades: { english, maths } });
  const mathsCourse = route({
    title: 'Level 2 diploma: Engineering',
    kind: 'vocational',
    level: 2,
    entryRequirements: { englishGrade: null, mathsGrade: 4, notes: '' },
  });

  it('does not tell a young person predicted maths 8 and English 4 that a Level 2 maths course is above their grades', () => {
    const [match] = matchPupil(year11(4, 8), context({ routes: [mathsCourse] })).routes;
    expect(match!.reasons).toContain('Predicted maths grade 8 meets the grade 4 asked for: +5');
    expect(match!.reasons.some((r) => r.includes('above what their predicted grades suggest'))).toBe(false);
    expect(match!.reasons).toContain('Level 2 is a step below what their predicted grades suggest');
    // Weak English does not count against a course that asks only for maths...
    const weakEnglish = matchPupil(year11(2, 8), context({ routes: [mathsCourse] })).routes[0]!;
    expect(weakEnglish.reasons.some((r) => r.includes('above what their predicted grades suggest'))).toBe(false);
    // ...but does against one that asks for English.
    const englishCourse = route({ level: 2, entryRequirements: { englishGrade: 4, mathsGrade: null, notes: '' } });
    const reasons = matchPupil(year11(2, 8), context({ routes: [englishCourse] })).routes[0]!.reasons;
    expect(reasons).toContain('Predicted English grade 2 is below the grade 4 asked for: −20');
    expect(reasons).toContain('Level 2 is above what their predicted grades suggest: −10');
  });

  it('counts a weak grade once, in its own subject, when a route asks for both', () => {
    const both = route({ level: 3, entryRequirements: { englishGrade: 4, mathsGrade: 4, notes: 'Grade 6 in the subjects to be studied' } });
    const reasons = matchPupil(year11(3, 8), context({ routes: [both] })).routes[0]!.reasons;
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Predicted English grade 3 is one below the grade 4 asked for: −5',
        'Predicted maths grade 8 meets the grade 4 asked for: +5',
        'Level 3 suits their predicted grades: +10',
        'Entry requirements also say: "Grade 6 in the subjects to be studied"',
      ]),
    );
  });
});
