import { describe, expect, it } from 'vitest';
import { distanceWords, readGtfsFeed, searchStops, stopPoint, type TravelFeed } from '@shared/travel';
import { feedFiles, westgateFeeder, zipFeed, MARGATE_CT9, WESTGATE, type FeedSpec } from '../support/gtfs-feeds';

async function feedOf(spec: FeedSpec): Promise<TravelFeed> {
  const read = readGtfsFeed(await zipFeed(feedFiles(spec)));
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return read.feed;
}

describe('finding a stop by name', () => {
  it('finds stops whose name contains every word typed, in any case and without punctuation', async () => {
    const feed = await feedOf(westgateFeeder());
    expect(searchStops(feed.stops, 'margate', null).map((s) => s.name)).toEqual(['Margate, Cecil Square']);
    expect(searchStops(feed.stops, 'STATION road westgate', null).map((s) => s.stopId)).toEqual(['WGT']);
    expect(searchStops(feed.stops, 'wgt', null).map((s) => s.name)).toEqual(['Westgate-on-Sea, Station Road']);
    expect(searchStops(feed.stops, '  ', null)).toEqual([]);
    expect(searchStops(feed.stops, 'Dover', null)).toEqual([]);
  });

  it('lists the nearest first, with the distance', async () => {
    const feed = await feedOf(westgateFeeder());
    // "a" is in every stop name: nearest to Westgate first.
    const found = searchStops(feed.stops, 'a', WESTGATE);
    expect(found.map((s) => s.stopId)).toEqual(['WGT', 'MGT', 'BDS', 'RAM']);
    expect(found[0]?.metres).toBe(0);
    expect(found[1]?.metres).toBeGreaterThan(3000);
    expect(searchStops(feed.stops, 'a', null, 2)).toHaveLength(2);
  });

  it('finds a picked stop again by its id, or says it is not there', async () => {
    const feed = await feedOf(westgateFeeder());
    expect(stopPoint(feed, 'MGT')).toEqual({ latitude: MARGATE_CT9.latitude, longitude: MARGATE_CT9.longitude });
    expect(stopPoint(feed, 'GONE')).toBeNull();
  });

  it('says distances in metres or km', () => {
    expect(distanceWords(448)).toBe('450 m');
    expect(distanceWords(3712)).toBe('3.7 km');
  });
});
