// A stored allocation (ids only) counted, summed up for the audit log, shown again with today's names,
// and cut when young people leave it.
import { describe, expect, it } from 'vitest';
import {
  PUPIL_NO_LONGER_RECORDED,
  allocationLineHeldAbout,
  allocationWithout,
  confirmedAllocationSummary,
  storedAllocationCounts,
  storedAllocationList,
} from '@shared/matching';
import type { StoredAllocation } from '@shared/model';

const [amira, ben, cara] = [
  '1b2c3d4e-0000-4000-8000-000000000001',
  '1b2c3d4e-0000-4000-8000-000000000002',
  '1b2c3d4e-0000-4000-8000-000000000003',
];
const firm = '2b2c3d4e-0000-4000-8000-000000000001';
const offer = '3b2c3d4e-0000-4000-8000-000000000001';

const allocation: StoredAllocation = {
  id: '4b2c3d4e-0000-4000-8000-000000000001',
  createdAt: '2027-03-01T10:00:00.000Z',
  updatedAt: '2027-03-01T10:00:00.000Z',
  isDemo: false,
  confirmedOn: '2027-03-01',
  adviserId: null,
  schoolId: null,
  yearGroup: 10,
  period: { start: '2027-06-14', end: '2027-06-18' },
  pupilIds: [amira, ben, cara],
  lines: [
    {
      pupilId: amira,
      choice: { employerId: firm, offerId: offer, periodStart: '2027-06-14', periodEnd: '2027-06-18', score: 72, distanceKm: 4.5 },
      why: '',
      byHand: false,
      experienceId: null,
    },
    {
      pupilId: ben,
      choice: { employerId: firm, offerId: offer, periodStart: '2027-06-14', periodEnd: '2027-06-18', score: 60, distanceKm: null },
      why: '',
      byHand: true,
      experienceId: null,
    },
    { pupilId: cara, choice: null, why: 'No places left within their travel limit', byHand: false, experienceId: null },
  ],
};

describe('a stored allocation', () => {
  it('counts its placed and unplaced young people and sums itself up for the audit log without a name', () => {
    expect(storedAllocationCounts(allocation)).toEqual({ placed: 2, unplaced: 1 });
    expect(confirmedAllocationSummary(allocation, 'Margate Coastal Academy')).toBe(
      'Confirmed an allocation for Year 10 at Margate Coastal Academy: 2 placed, 1 unplaced',
    );
  });

  it("is listed again with today's names, saying when a young person or employer is no longer recorded", () => {
    const list = storedAllocationList(allocation, {
      schoolName: 'Margate Coastal Academy',
      pupilNames: new Map([
        [amira, 'Amira Khan'],
        [cara, 'Cara Lee'],
      ]),
      employerNames: new Map(),
      offerTitles: new Map(),
    });
    expect(list).toMatchObject({ stage: 'confirmed', on: '2027-03-01', schoolName: 'Margate Coastal Academy', yearGroup: 10 });
    expect(list.lines.map((l) => [l.name, l.placement?.employerName ?? null, l.byHand])).toEqual([
      ['Amira Khan', 'Employer no longer recorded', false],
      [PUPIL_NO_LONGER_RECORDED, 'Employer no longer recorded', true],
      ['Cara Lee', null, false],
    ]);
  });

  it('loses the lines and ids of young people who leave it, and is gone when nobody is left', () => {
    expect(allocationWithout(allocation, ['5b2c3d4e-0000-4000-8000-000000000009'])).toBe(allocation);
    const left = allocationWithout(allocation, [cara]);
    expect(left?.pupilIds).toEqual([amira, ben]);
    expect(left?.lines.map((l) => l.pupilId)).toEqual([amira, ben]);
    expect(allocationWithout(allocation, [amira, ben, cara])).toBeNull();
  });

  it("gives a young person only their own line, with the list's size", () => {
    const held = allocationLineHeldAbout(allocation, cara);
    expect(held).toMatchObject({ id: allocation.id, yearGroup: 10, listSize: 3, line: { pupilId: cara, choice: null } });
    expect(JSON.stringify(held)).not.toContain(amira);
    expect(allocationLineHeldAbout(allocation, '5b2c3d4e-0000-4000-8000-000000000009')).toBeNull();
  });
});
