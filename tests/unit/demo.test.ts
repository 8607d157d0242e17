import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_SERVICE, generateDemoDataset } from '@shared/demo';
import { checksStanding, DEFAULT_CHECKS_REUSE_MONTHS } from '@shared/placements/gates';
import { deskFacts } from '@shared/placements/desk';
import { todayLists } from '@shared/today';
import { missingServiceDetails } from '@shared/pdf/action-plan';
import { attachmentTypeOf } from '@shared/employers/documents';
import {
  actionPlanSchema,
  adviserSchema,
  employerSchema,
  guidanceSessionSchema,
  experienceSchema,
  providerSchema,
  pupilSchema,
  routeSchema,
  schoolSchema,
  serviceDetailsSchema,
} from '@shared/model';
import { isValidUln, isValidUpn, normalisePostcode } from '@shared/identifiers';
import { findOutcode, FE_COLLEGES } from '@shared/reference';
import { academicYearOf, ageOn, yearGroupOn } from '@shared/academic-year';

const today = '2026-11-24';
const dataset = generateDemoDataset({ seed: 42, today });

describe('demo data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateDemoDataset({ seed: 42, today })).toEqual(dataset);
    expect(
      generateDemoDataset({ seed: 43, today }).pupils[0]!.legalSurname + generateDemoDataset({ seed: 43, today }).pupils[1]!.id,
    ).not.toBe(dataset.pupils[0]!.legalSurname + dataset.pupils[1]!.id);
  });

  it('produces records that pass their schemas', () => {
    const checks = [
      [schoolSchema, dataset.schools],
      [adviserSchema, dataset.advisers],
      [pupilSchema, dataset.pupils],
      [guidanceSessionSchema, dataset.sessions],
      [actionPlanSchema, dataset.actionPlans],
      [employerSchema, dataset.employers],
      [experienceSchema, dataset.experiences],
      [providerSchema, dataset.providers],
      [routeSchema, dataset.routes],
    ] as const;
    for (const [schema, rows] of checks) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const result = schema.safeParse(row);
        expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      }
    }
  });

  it('has school pupils with valid UPNs and home-educated young people without', () => {
    const atSchool = dataset.pupils.filter((p) => !p.homeEducated);
    const homeEducated = dataset.pupils.filter((p) => p.homeEducated);
    expect(homeEducated.length).toBeGreaterThan(5);
    expect(atSchool.every((p) => p.upn !== null && isValidUpn(p.upn))).toBe(true);
    expect(homeEducated.every((p) => p.upn === null && p.schoolId === null && p.liaisonOfficerId !== null)).toBe(true);
    expect(dataset.pupils.filter((p) => p.uln !== null).every((p) => isValidUln(p.uln!))).toBe(true);
  });

  it('gives real Kent and Medway postcodes, Years 8 to 13, and year groups that match the dates of birth', () => {
    for (const pupil of dataset.pupils) {
      expect(normalisePostcode(pupil.postcode!)).toBe(pupil.postcode);
      expect(findOutcode(pupil.outcode)).toBeDefined();
      expect(pupil.yearGroupOverride).toBeNull();
      expect(yearGroupOn(pupil.dateOfBirth, today)).toBeGreaterThanOrEqual(8);
      expect(yearGroupOn(pupil.dateOfBirth, today)).toBeLessThanOrEqual(13);
    }
    expect(new Set(dataset.schools.map((s) => s.district)).size).toBeGreaterThanOrEqual(4);
  });

  it('has a plausible spread of characteristics and risk bands', () => {
    const share = (test: (p: (typeof dataset.pupils)[number]) => boolean) => dataset.pupils.filter(test).length / dataset.pupils.length;
    expect(share((p) => p.characteristics.freeSchoolMeals)).toBeGreaterThan(0.1);
    expect(share((p) => p.characteristics.freeSchoolMeals)).toBeLessThan(0.45);
    expect(share((p) => p.characteristics.ehcp)).toBeGreaterThan(0);
    expect(new Set(dataset.pupils.map((p) => p.riskBand))).toEqual(new Set(['low', 'medium', 'high']));
  });

  it('has employers across sectors and routes at the real FE colleges', () => {
    expect(new Set(dataset.employers.map((e) => e.sector)).size).toBeGreaterThanOrEqual(10);
    for (const college of FE_COLLEGES) expect(dataset.providers.some((p) => p.name === college.name)).toBe(true);
    const collegeIds = new Set(dataset.providers.filter((p) => p.kind === 'fe-college').map((p) => p.id));
    expect(dataset.routes.filter((r) => collegeIds.has(r.providerId)).length).toBeGreaterThan(50);
  });

  it('gives most employers with a risk assessment the controls agreed and a DBS position, and none to those without one', () => {
    const assessed = dataset.employers.filter((e) => e.checks.riskAssessmentOn !== null);
    const withControls = assessed.filter((e) => e.checks.riskControls !== '');
    expect(withControls.length).toBeGreaterThan(assessed.length / 2);
    expect(withControls.length).toBeLessThan(assessed.length);
    expect(new Set(assessed.map((e) => e.checks.dbsPosition))).toEqual(
      new Set([null, 'not-needed', 'enhanced-check-held', 'check-pending']),
    );
    // Staff who work with children already hold an enhanced check.
    for (const e of assessed.filter((e) => e.sector === 'education')) expect(e.checks.dbsPosition).toBe('enhanced-check-held');
    for (const e of dataset.employers.filter((e) => e.checks.riskAssessmentOn === null)) {
      expect(e.checks).toMatchObject({ riskControls: '', dbsPosition: null });
    }
  });

  it('lists no route twice: one course of a title at one campus', () => {
    const keys = dataset.routes.map((r) => `${r.providerId}|${r.campusId}|${r.title}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Still the size asked for: 90 college routes by default.
    const collegeIds = new Set(dataset.providers.filter((p) => p.kind === 'fe-college').map((p) => p.id));
    expect(dataset.routes.filter((r) => collegeIds.has(r.providerId))).toHaveLength(90);
    const bigger = generateDemoDataset({ seed: 9, today, pupils: 20, employers: 60, routes: 300, sessionsPerPupil: 0 });
    expect(new Set(bigger.routes.map((r) => `${r.providerId}|${r.campusId}|${r.title}`)).size).toBe(bigger.routes.length);
  });

  it('puts each employer in a real town of its district, and tells employers of one name apart by their town', () => {
    for (const employer of dataset.employers) {
      const outcode = findOutcode(employer.outcode);
      expect(outcode?.primaryDistrict, employer.name).toBe(employer.district);
      expect(employer.postcode!.startsWith(`${employer.outcode} `)).toBe(true);
      expect(employer.address.endsWith(`, ${outcode!.place}`), employer.address).toBe(true);
    }
    const names = dataset.employers.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    // Employers of one name carry their town after it: "Seafront Cafe (Herne Bay)".
    const byStem = new Map<string, typeof dataset.employers>();
    for (const employer of dataset.employers) {
      const stem = employer.name.replace(/ \(.*\)$/, '');
      byStem.set(stem, [...(byStem.get(stem) ?? []), employer]);
    }
    const shared = [...byStem.values()].filter((group) => group.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const group of shared)
      for (const employer of group) expect(employer.name, employer.name).toContain(`(${findOutcode(employer.outcode)!.place}`);
    // A name that names a place sits there: the Westwood Cross store in Thanet, Medway firms in Medway.
    for (const employer of dataset.employers) {
      if (employer.name.startsWith('Westwood Cross')) expect(employer.district).toBe('thanet');
      if (employer.name.startsWith('Medway ')) expect(employer.district).toBe('medway');
    }
    const large = generateDemoDataset({ seed: 5, today, pupils: 20, employers: 450, sessionsPerPupil: 0 });
    expect(new Set(large.employers.map((e) => e.name)).size).toBe(450);
  });

  it('records past sessions only, and the latest guidance meeting on each pupil', () => {
    expect(dataset.sessions.every((s) => s.date < today)).toBe(true);
    const pupil = dataset.pupils.find((p) => p.lastGuidanceOn !== null)!;
    const latest = dataset.sessions
      .filter((s) => s.pupilId === pupil.id && (s.kind === 'personal-guidance' || s.kind === 'home-visit'))
      .map((s) => s.date)
      .sort()
      .at(-1);
    expect(pupil.lastGuidanceOn).toBe(latest);
  });

  it('marks every record as demo data so it can be cleared', () => {
    expect(dataset.pupils.every((p) => p.isDemo) && dataset.employers.every((e) => e.isDemo)).toBe(true);
  });

  it("gives completed work placements the family's consent under 18, emergency contacts, a travel plan and times", () => {
    // Late in the summer term, when most of the year's placements are done.
    const dataset = generateDemoDataset({ seed: 42, today: '2027-07-20' });
    const placements = dataset.experiences.filter((e) => e.kind === 'work-placement');
    const completed = placements.filter((e) => e.status === 'completed');
    expect(completed.length).toBeGreaterThan(10);
    for (const placement of completed) {
      const pupil = dataset.pupils.find((p) => p.id === placement.pupilIds[0])!;
      const { paperwork } = placement;
      if (ageOn(pupil.dateOfBirth, placement.start) < 18) {
        expect(paperwork.consent).not.toBeNull();
        expect(paperwork.consent!.on < placement.start).toBe(true);
        expect(paperwork.consent!.givenBy).toContain(pupil.legalSurname);
      }
      expect(paperwork.emergencyContacts.length).toBeGreaterThan(0);
      expect(paperwork.travelPlan.details).not.toBe('');
      expect(paperwork.times).not.toBe('');
      if (!paperwork.accessNotes) expect(paperwork.shareNotesWithEmployer).toBe(false);
    }
    expect(completed.some((p) => p.paperwork.accessNotes !== '' && !p.paperwork.shareNotesWithEmployer)).toBe(true);
    expect(placements.filter((e) => e.status === 'cancelled').every((e) => e.paperwork.consent === null)).toBe(true);
  });
});

// The demo must look like a real service on whatever day it is loaded: tests run with other clocks.
describe.each(['2026-12-06', '2027-06-30', '2028-09-02'])('demo data loaded on %s', (today) => {
  const dataset = generateDemoDataset({ seed: 20261123, today });
  const year = academicYearOf(today);

  it("puts every young person, employer and campus in an outcode of its own district, and a school's young people in its district", () => {
    const places = [
      ...dataset.pupils.map((p) => ({ what: `${p.legalForename} ${p.legalSurname}`, outcode: p.outcode, district: p.district })),
      ...dataset.employers.map((e) => ({ what: e.name, outcode: e.outcode, district: e.district })),
      ...dataset.providers.flatMap((p) => p.campuses.map((c) => ({ what: c.name, outcode: c.outcode, district: c.district }))),
    ];
    expect(places.length).toBeGreaterThan(300);
    for (const place of places) expect(findOutcode(place.outcode)?.primaryDistrict, place.what).toBe(place.district);
    const schoolDistrict = new Map(dataset.schools.map((s) => [s.id, s.district]));
    for (const pupil of dataset.pupils.filter((p) => p.schoolId)) expect(pupil.district).toBe(schoolDistrict.get(pupil.schoolId!));
    // Chatham and Gillingham are Medway's towns, whatever the address says.
    for (const employer of dataset.employers.filter((e) => e.address.endsWith('Chatham') || e.address.endsWith('Gillingham')))
      expect(employer.district).toBe('medway');
  });

  it('has most employers with checks current on the day (reusable, insured, controls and DBS recorded), a few lapsed', () => {
    const current = dataset.employers.filter(
      (e) =>
        checksStanding(e, { start: today, end: today }, today, DEFAULT_CHECKS_REUSE_MONTHS).problems.length === 0 &&
        e.checks.riskControls !== '' &&
        e.checks.dbsPosition !== null,
    );
    expect(current.length / dataset.employers.length).toBeGreaterThanOrEqual(0.8);
    expect(current.length).toBeLessThan(dataset.employers.length);
    // Insured past the end of this academic year, so this year's placements are covered.
    for (const employer of current) expect(employer.checks.insuranceExpiresOn! > year.end).toBe(true);
    // A lapsed one with an offer shows the warning and the confirm gate.
    expect(dataset.employers.some((e) => e.checks.insuranceExpiresOn! < today && e.offers.length > 0)).toBe(true);
  });

  it('dates every workplace experience in this academic year, with a status that fits its dates, and nothing dated after today', () => {
    expect(dataset.experiences.length).toBeGreaterThan(20);
    for (const experience of dataset.experiences) {
      expect(experience.start >= year.start && experience.end <= year.end, `${experience.start} in ${year.label}`).toBe(true);
      if (experience.status === 'completed') expect(experience.end < today).toBe(true);
      if (experience.status === 'in-progress') expect(experience.start <= today && today <= experience.end).toBe(true);
      if (['proposed', 'contacted', 'confirmed'].includes(experience.status)) expect(experience.start > today).toBe(true);
      for (const on of [experience.employerFeedback.on, experience.reflection.on, experience.paperwork.consent?.on])
        if (on) expect(on <= today, `${on} by ${today}`).toBe(true);
    }
    // Confirmed and done placements are at employers whose checks stood.
    const byId = new Map(dataset.employers.map((e) => [e.id, e]));
    for (const placement of dataset.experiences.filter(
      (e) => e.kind === 'work-placement' && ['confirmed', 'in-progress'].includes(e.status),
    )) {
      const employer = byId.get(placement.employerId!)!;
      expect(checksStanding(employer, { start: today, end: today }, today).problems).toEqual([]);
    }
  });

  it('gives home-educated young people no school, free school meals, pupil premium, attendance or exclusions', () => {
    const homeEducated = dataset.pupils.filter((p) => p.homeEducated);
    expect(homeEducated.length).toBeGreaterThan(5);
    for (const pupil of homeEducated) {
      expect(pupil.schoolId).toBeNull();
      expect(pupil.characteristics).toMatchObject({ freeSchoolMeals: false, pupilPremium: false, attendancePercent: null, exclusions: 0 });
    }
    for (const pupil of dataset.pupils) {
      const yearGroup = yearGroupOn(pupil.dateOfBirth, today);
      expect(yearGroup >= 8 && yearGroup <= 13).toBe(true);
      // Year 11 are 16 by the end of the academic year, 31 August.
      expect(ageOn(pupil.dateOfBirth, year.end)).toBe(yearGroup + 5);
      if (pupil.uln !== null) expect(yearGroup).toBeGreaterThanOrEqual(12);
    }
  });

  it('shows Today only a handful of overdue reviews and actions and of placements waiting, as a well-run service would', () => {
    const pupilById = new Map(dataset.pupils.map((p) => [p.id, p]));
    const lists = todayLists({
      today,
      now: new Date(`${today}T09:00:00`),
      adviserId: null,
      pupils: dataset.pupils,
      metByAdviser: new Set(),
      plans: dataset.actionPlans,
      placements: dataset.experiences
        .filter((e) => e.kind === 'work-placement')
        .map((e) => ({
          facts: deskFacts(e, pupilById.get(e.pupilIds[0]!) ?? null),
          pupilId: e.pupilIds[0]!,
          employer: null,
          employerName: '',
        })),
      drafts: [],
    });
    const overdueReviews = lists.reviews.filter((r) => r.overdue);
    expect(overdueReviews.length).toBeGreaterThan(0);
    expect(overdueReviews.length).toBeLessThanOrEqual(12);
    expect(lists.overdueActions.length).toBeLessThanOrEqual(40);
    // Placements wait on a step (proposed, or the employer contacted) only a few at a time.
    expect(lists.placements.length).toBeLessThanOrEqual(5);
    // Reviews are held: most young people whose plan's review day has passed have met an adviser since.
    expect(dataset.sessions.filter((s) => s.topics.includes('Action plan review')).length).toBeGreaterThan(overdueReviews.length * 5);
  });

  it('agrees varied actions, some done and some open, and varied feedback from employers and young people', () => {
    const actions = dataset.actionPlans.flatMap((plan) => plan.actions.map((action) => ({ plan, action })));
    expect(new Set(actions.map(({ action }) => action.what)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(actions.map(({ action }) => action.who)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(actions.map(({ action }) => action.status))).toEqual(new Set(['open', 'done', 'dropped']));
    for (const { plan, action } of actions) {
      if (action.status === 'done') expect(action.doneOn! >= plan.agreedOn! && action.doneOn! < today).toBe(true);
      else expect(action.doneOn).toBeNull();
    }
    expect(new Set(dataset.actionPlans.map((plan) => plan.reviewOn)).size).toBeGreaterThan(dataset.actionPlans.length / 4);
    const done = dataset.experiences.filter((e) => e.status === 'completed' && e.kind === 'work-placement');
    if (done.length > 10) {
      expect(new Set(done.map((e) => e.employerFeedback.text)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(done.map((e) => e.reflection.text)).size).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("the demo service's details", () => {
  it('are complete for the action plan, with the PNG logo from resources', () => {
    expect(serviceDetailsSchema.parse(DEMO_SERVICE)).toEqual(DEMO_SERVICE);
    expect(missingServiceDetails(DEMO_SERVICE)).toEqual([]);
    expect(DEMO_SERVICE.name).not.toBe('');
    expect(DEMO_SERVICE.address && DEMO_SERVICE.contact.email && DEMO_SERVICE.contact.phone).toBeTruthy();
    const png = readFileSync(fileURLToPath(new URL('../../resources/demo-logo.png', import.meta.url)));
    expect(DEMO_SERVICE.logoDataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(attachmentTypeOf(new Uint8Array(png))).toBe('image/png');
    expect(png.length).toBeLessThan(20_000);
  });
});
