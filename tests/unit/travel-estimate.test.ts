import { describe, expect, it } from 'vitest';
import { estimateTravel, judgeTravelLimit, travelPassFor, ROAD_DETOUR_FACTOR } from '../../shared/travel';

describe('travel estimated without timetables', () => {
  it('adds the detour factor to the straight line and says it is an estimate', () => {
    const bus = estimateTravel(10, 'bus');
    expect(ROAD_DETOUR_FACTOR).toBe(1.35);
    expect(bus.roadKm).toBeCloseTo(13.5);
    // 13.5 km at 18 km/h is 45 minutes, plus 10 to reach the stop and wait.
    expect(bus.minutes).toBe(55);
    expect(bus.text).toBe('about 14 km by road, about 55 minutes by bus (estimated: no timetable)');
    expect(estimateTravel(10, 'car').minutes).toBe(20);
    expect(estimateTravel(0.5, 'walk')).toMatchObject({
      minutes: 9,
      text: 'less than 1 km by road, about 9 minutes on foot (estimated: no timetable)',
    });
  });
});

describe('the travel limit rules', () => {
  it('rules out a place beyond the limit, with the reason', () => {
    // The Margate Year 10 placed 44 km away with a 10 km limit.
    expect(judgeTravelLimit({ straightKm: 44, minutes: null }, { maxDistanceKm: 10 })).toEqual({
      outcome: 'beyond',
      ruledOut: true,
      penalty: 0,
      reasons: ['44 km away, beyond the 10 km they can travel'],
    });
  });

  it('rules out a journey longer than the longest they can manage', () => {
    const judged = judgeTravelLimit({ straightKm: 8, minutes: 95 }, { maxDistanceKm: 15, maxJourneyMinutes: 60 });
    expect(judged.ruledOut).toBe(true);
    expect(judged.reasons).toEqual(['about 95 minutes each way, beyond the 60 minutes they can travel']);
  });

  it('takes nothing off well within the limit', () => {
    expect(judgeTravelLimit({ straightKm: 5, minutes: 30 }, { maxDistanceKm: 10 })).toEqual({
      outcome: 'within',
      ruledOut: false,
      penalty: 0,
      reasons: [],
    });
    expect(judgeTravelLimit({ straightKm: 8, minutes: null }, { maxDistanceKm: 10 }).penalty).toBe(0);
  });

  it('takes more off the nearer the place is to the limit', () => {
    const penalties = [8.5, 9, 9.5, 10].map((km) => judgeTravelLimit({ straightKm: km, minutes: null }, { maxDistanceKm: 10 }).penalty);
    expect(penalties).toEqual([5, 10, 15, 20]);
    expect(judgeTravelLimit({ straightKm: 9.5, minutes: null }, { maxDistanceKm: 10 })).toMatchObject({
      outcome: 'near',
      reasons: ['9.5 km away, near the 10 km they can travel'],
    });
  });

  it('takes more off the longer the journey, up to a cap', () => {
    const penalties = [45, 60, 75, 90, 150].map((minutes) => judgeTravelLimit({ straightKm: 2, minutes }, { maxDistanceKm: 20 }).penalty);
    expect(penalties).toEqual([0, 10, 20, 30, 30]);
    expect(judgeTravelLimit({ straightKm: 19, minutes: 90 }, { maxDistanceKm: 20 }).penalty).toBe(30);
  });
});

describe('travel passes', () => {
  const year10 = { dateOfBirth: '2011-03-14', yearGroupOverride: null };
  const year12 = { dateOfBirth: '2009-03-14', yearGroupOverride: null };

  it('points Years 7 to 11 to the Kent Travel Saver, which covers buses and not trains', () => {
    expect(travelPassFor(year10, '2026-11-24', ['bus'])).toMatchObject({
      pass: 'kent-travel-saver',
      label: 'Kent Travel Saver',
      coversJourney: true,
    });
    const byTrain = travelPassFor(year10, '2026-11-24', ['bus', 'rail']);
    expect(byTrain.coversJourney).toBe(false);
    expect(byTrain.note).toContain('not trains');
  });

  it('points Years 12 and 13 to the 16+ Travel Saver, which has a cost', () => {
    const advice = travelPassFor(year12, '2026-11-24', ['bus']);
    expect(advice).toMatchObject({ pass: 'kent-16-plus-travel-saver', label: '16+ Travel Saver' });
    expect(advice.note).toContain('has a cost');
  });

  it('follows the year group moving on each September, and an override', () => {
    expect(travelPassFor(year10, '2028-09-01').pass).toBe('kent-16-plus-travel-saver');
    expect(
      travelPassFor({ dateOfBirth: '2011-03-14', yearGroupOverride: { yearGroup: 12, academicYearStart: 2026 } }, '2026-11-24').pass,
    ).toBe('kent-16-plus-travel-saver');
    expect(travelPassFor(year12, '2030-09-01').pass).toBeNull();
  });
});
