import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '@shared/demo';
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
} from '@shared/model';
import { isValidUln, isValidUpn, normalisePostcode } from '@shared/identifiers';
import { findOutcode, FE_COLLEGES } from '@shared/reference';
import { ageOn, yearGroupOn } from '@shared/academic-year';

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
      expect(paperwork.travelPlan).not.toBe('');
      expect(paperwork.times).not.toBe('');
      if (!paperwork.accessNotes) expect(paperwork.shareNotesWithEmployer).toBe(false);
    }
    expect(completed.some((p) => p.paperwork.accessNotes !== '' && !p.paperwork.shareNotesWithEmployer)).toBe(true);
    expect(placements.filter((e) => e.status === 'cancelled').every((e) => e.paperwork.consent === null)).toBe(true);
  });
});
