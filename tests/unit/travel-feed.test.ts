import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  feedFreshness,
  parseGtfsTime,
  readGtfsFeed,
  summariseFeed,
  planJourney,
  prepareTravelDay,
  MAX_FEED_BYTES,
} from '../../shared/travel';
import {
  MARGATE,
  RAMSGATE,
  coastalLine,
  csv,
  expiredCoastalLine,
  feedFiles,
  northOf,
  railWithChange,
  zipFeed,
  type FeedFiles,
} from '../support/gtfs-feeds';

function problemsOf(result: ReturnType<typeof readGtfsFeed>) {
  if (result.ok) throw new Error('expected the feed to be refused');
  return result.problems;
}

/** The coastal feed with one file's text changed by `edit`. */
function edited(file: string, edit: (text: string) => string): FeedFiles {
  const files = feedFiles(coastalLine());
  files[file] = edit(files[file] ?? '');
  return files;
}

describe('reading a GTFS feed', () => {
  it('reads the operators, the stops and the dates the feed covers', async () => {
    const result = readGtfsFeed(await zipFeed(feedFiles(railWithChange())));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(summariseFeed(result.feed)).toEqual({
      operators: ['Southeastern'],
      stopCount: 3,
      tripCount: 7,
      firstDate: '2026-09-01',
      lastDate: '2027-08-31',
    });
    expect(result.feed.warnings).toEqual([]);
  });

  it('reports progress from the start to the end', async () => {
    const seen: number[] = [];
    const result = readGtfsFeed(await zipFeed(feedFiles(coastalLine())), { onProgress: (f) => seen.push(f) });
    expect(result.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('survives a structured clone, as IndexedDB stores it, and plans the same journeys from the copy', async () => {
    const result = readGtfsFeed(await zipFeed(feedFiles(coastalLine())));
    if (!result.ok) throw new Error('refused');
    const copy = structuredClone(result.feed);
    expect(copy.connections.departures).toBeInstanceOf(Int32Array);
    const query = { point: northOf(RAMSGATE, 100) };
    const home = northOf(MARGATE, 250);
    expect(planJourney(prepareTravelDay(copy, '2026-11-24'), home, query)).toEqual(
      planJourney(prepareTravelDay(result.feed, '2026-11-24'), home, query),
    );
  });

  it('reads a feed zipped inside a folder', async () => {
    expect(readGtfsFeed(await zipFeed(feedFiles(coastalLine()), 'coastal-gtfs/')).ok).toBe(true);
  });

  it('reads times past 24:00:00 as the next morning of the same service day', async () => {
    expect(parseGtfsTime('25:10:00')).toBe(25 * 3600 + 600);
    expect(parseGtfsTime('8:05:00')).toBe(8 * 3600 + 300);
    const files = edited('stop_times.txt', (t) =>
      t.replace('18:50:00', '24:50:00').replace('18:30:00', '24:30:00').replace('18:10:00', '24:10:00'),
    );
    expect(readGtfsFeed(await zipFeed(files)).ok).toBe(true);
  });
});

describe('feed freshness', () => {
  it('is current, ends soon within four weeks of its last day, and expired after it', async () => {
    const result = readGtfsFeed(await zipFeed(feedFiles(expiredCoastalLine())));
    if (!result.ok) throw new Error('refused');
    expect(result.feed.lastDate).toBe('2026-07-31');
    expect(feedFreshness(result.feed, '2026-05-01')).toBe('current');
    expect(feedFreshness(result.feed, '2026-07-02')).toBe('current');
    expect(feedFreshness(result.feed, '2026-07-03')).toBe('ends-soon');
    expect(feedFreshness(result.feed, '2026-07-31')).toBe('ends-soon');
    expect(feedFreshness(result.feed, '2026-08-01')).toBe('expired');
  });
});

describe('a feed that cannot be used', () => {
  it('names stop_times.txt when it is missing', async () => {
    const files = feedFiles(coastalLine());
    delete files['stop_times.txt'];
    const problems = problemsOf(readGtfsFeed(await zipFeed(files)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'stop_times.txt' });
    expect(problems[0]?.message).toMatch(/^stop_times\.txt is missing from the feed\. A GTFS timetable needs agency\.txt, stops\.txt/);
  });

  it('needs calendar.txt or calendar_dates.txt', async () => {
    const files = feedFiles(coastalLine());
    delete files['calendar.txt'];
    delete files['calendar_dates.txt'];
    expect(problemsOf(readGtfsFeed(await zipFeed(files)))[0]?.message).toContain('calendar.txt and calendar_dates.txt are both missing');
  });

  it('names the file and line of a time in the wrong format', async () => {
    // Line 3 of stop_times.txt is the second call of the first trip.
    const files = edited('stop_times.txt', (t) => t.replace('07:35:00,07:35:00', '07:35:00,8:5'));
    const problems = problemsOf(readGtfsFeed(await zipFeed(files)));
    expect(problems).toEqual([
      {
        field: 'stop_times.txt',
        row: 3,
        message:
          'stop_times.txt line 3: departure_time "8:5" is not a time like 08:05:00 (times after midnight go on past ' +
          '24:00:00, such as 25:10:00).',
      },
    ]);
  });

  it('names the line of a stop that is not in stops.txt', async () => {
    const files = edited('stop_times.txt', (t) => t.replace('07:55:00,07:55:00,RAM', '07:55:00,07:55:00,RAMX'));
    expect(problemsOf(readGtfsFeed(await zipFeed(files)))[0]?.message).toBe('stop_times.txt line 4: stop_id "RAMX" is not in stops.txt.');
  });

  it('names a missing column on line 1', async () => {
    const files = edited('stop_times.txt', (t) => t.replace('departure_time', 'depart'));
    expect(problemsOf(readGtfsFeed(await zipFeed(files)))[0]?.message).toBe('stop_times.txt line 1: the column departure_time is missing.');
  });

  it('names a calendar date that is not a date', async () => {
    const files = edited('calendar.txt', (t) => t.replace('20270831', '2027-08-31'));
    expect(problemsOf(readGtfsFeed(await zipFeed(files)))[0]?.message).toBe(
      'calendar.txt line 2: end_date "2027-08-31" is not a date like 20260901.',
    );
  });

  it('keeps a stop with no coordinates for the buses that call there, with a warning naming its line', async () => {
    const files = edited('stops.txt', (t) =>
      t.replace(/BDS,"Broadstairs, Pierremont Park",[\d.]+,[\d.]+/, 'BDS,"Broadstairs, Pierremont Park",,'),
    );
    const result = readGtfsFeed(await zipFeed(files));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(result.feed.warnings).toEqual([
      'stops.txt line 3: stop "Broadstairs, Pierremont Park" has no usable stop_lat and stop_lon, so no journey starts or ' +
        'ends there; buses and trains calling there still count',
    ]);
    // Nothing within walking distance of Broadstairs now; Margate to Ramsgate still runs through it.
    const day = prepareTravelDay(result.feed, '2026-11-24');
    expect(planJourney(day, northOf(MARGATE, 250), { point: northOf(RAMSGATE, 100) }).there?.arrives).toBe('08:37');
  });

  it('refuses a feed in which no stop has coordinates', async () => {
    const files = edited('stops.txt', () =>
      csv([
        ['stop_id', 'stop_name'],
        ['MGT', 'Margate'],
        ['BDS', 'Broadstairs'],
        ['RAM', 'Ramsgate'],
      ]),
    );
    expect(problemsOf(readGtfsFeed(await zipFeed(files)))[0]?.message).toContain('No stop in stops.txt has coordinates');
  });

  it('leaves out a trip whose times go backwards, with a warning', async () => {
    const files = edited('stop_times.txt', (t) => t.replace('08:18:00,08:18:00', '07:18:00,07:18:00'));
    const result = readGtfsFeed(await zipFeed(files));
    if (!result.ok) throw new Error('refused');
    expect(result.feed.warnings).toEqual(['stop_times.txt line 5: the times of trip "out-2" go backwards, so it was left out']);
  });

  it('says a zip of other files is not a GTFS timetable', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'Photos from the careers fair');
    zip.file('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff]));
    const problems = problemsOf(readGtfsFeed(await zip.generateAsync({ type: 'uint8array' })));
    expect(problems[0]?.message).toBe(
      'This .zip is not a GTFS timetable: it has none of the files one holds (stops.txt, stop_times.txt, trips.txt, ' +
        'routes.txt, agency.txt, calendar.txt).',
    );
  });

  it('says a file that is not a zip is not one', () => {
    const problems = problemsOf(readGtfsFeed(new TextEncoder().encode('stop_id,stop_name\nMGT,Margate\n')));
    expect(problems[0]?.message).toContain('This file is not a .zip archive');
  });

  it('refuses a feed of 500 MB with a message naming the limit, before reading it', () => {
    // Zero-filled: the operating system does not hand over the memory until it is written.
    const big = new Uint8Array(500 * 1024 * 1024);
    const problems = problemsOf(readGtfsFeed(big));
    expect(MAX_FEED_BYTES).toBe(200 * 1024 * 1024);
    expect(problems).toEqual([
      {
        field: 'file',
        message:
          'The feed is 500 MB; Careers Desk reads feeds up to 200 MB. Download the feed for Kent and Medway (or your ' +
          'region) only, not the whole country.',
      },
    ]);
  });
});
