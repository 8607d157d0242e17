import { describe, expect, it } from 'vitest';
import { NO_PAPERWORK, placementPaperworkSchema, travelPlanSchema, travelPlanText } from '@shared/model';

describe("a placement's travel plan", () => {
  it('reads a plan written before the ways could be ticked as its details, with no way ticked', () => {
    expect(travelPlanSchema.parse('Bus 71 there and back; mum collects on Friday.')).toEqual({
      kinds: [],
      details: 'Bus 71 there and back; mum collects on Friday.',
    });
    // Old paperwork as stored: every other field kept, the plan read the same way.
    const old = { ...NO_PAPERWORK, times: '9am to 3pm', travelPlan: 'Walks, 10 minutes.' };
    expect(placementPaperworkSchema.parse(old)).toEqual({ ...old, travelPlan: { kinds: [], details: 'Walks, 10 minutes.' } });
    expect(placementPaperworkSchema.parse({ ...NO_PAPERWORK, travelPlan: '' }).travelPlan).toEqual({ kinds: [], details: '' });
  });

  it('reads paperwork with no plan at all as an empty plan', () => {
    const { travelPlan: _none, ...rest } = NO_PAPERWORK;
    expect(placementPaperworkSchema.parse(rest).travelPlan).toEqual({ kinds: [], details: '' });
  });

  it('keeps each way once, in the order listed, and refuses a way it does not know', () => {
    expect(travelPlanSchema.parse({ kinds: ['family-lift', 'school-bus', 'family-lift'], details: '' }).kinds).toEqual([
      'school-bus',
      'family-lift',
    ]);
    const unknown = travelPlanSchema.safeParse({ kinds: ['hovercraft'], details: '' });
    expect(unknown.success).toBe(false);
  });

  it('refuses details over 1,000 characters, naming the field', () => {
    const long = placementPaperworkSchema.safeParse({ ...NO_PAPERWORK, travelPlan: { kinds: [], details: 'x'.repeat(1001) } });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.path).toEqual(['travelPlan', 'details']);
  });

  it('says the ways ticked, then the details, as the letters print them', () => {
    expect(travelPlanText({ kinds: ['demand-responsive', 'council-taxi'], details: 'Book the day before.' })).toBe(
      'Getting there: demand-responsive or community transport; a taxi arranged by the council. Book the day before.',
    );
    expect(travelPlanText({ kinds: ['walk-or-cycle'], details: '  ' })).toBe('Getting there: walking or cycling.');
    expect(travelPlanText({ kinds: [], details: ' Bus 71. ' })).toBe('Bus 71.');
    expect(travelPlanText({ kinds: [], details: '' })).toBe('');
  });
});
