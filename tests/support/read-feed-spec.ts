/** A test feed spec (gtfs-feeds.ts) read as the app reads an import. Apart from gtfs-feeds.ts, which e2e specs load too. */
import { readGtfsFeed, type TravelFeed } from '../../shared/travel';
import { feedFiles, zipFeed, type FeedSpec } from './gtfs-feeds';

/** Throws with the problems when the spec does not read. */
export async function readFeedSpec(spec: FeedSpec): Promise<TravelFeed> {
  const result = readGtfsFeed(await zipFeed(feedFiles(spec)));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.feed;
}
