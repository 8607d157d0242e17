import type { DestinationEntry, GuidanceSession } from '../model';
import type { DestinationCode } from '../reference';
import { inHistoryOrder } from './current';
import { intendedEntryInput, type DestinationEntryInput } from './entry';

/**
 * What saving a guidance session does to the young person's history: the intended destination it names
 * becomes an entry of its own (dated the session, from the young person), unless the history already said
 * that code by the session's day; a session that names none, or the same again, keeps no entry. Only the
 * session's own entry is touched, so an entry the adviser removed from the history is not brought back by
 * saving another session. `save` is the entry to write (keeping what the adviser added to it since), null for none.
 */
export function sessionDestinationChange(
  session: Pick<GuidanceSession, 'id' | 'pupilId' | 'date' | 'intendedDestination'>,
  history: readonly DestinationEntry[],
): { save: DestinationEntryInput | null; remove: DestinationEntry[] } {
  const own = history.filter((e) => e.sessionId === session.id && e.kind === 'intended');
  const code = session.intendedDestination;
  const said = intendedBy(
    history.filter((e) => e.sessionId !== session.id),
    session.date,
  );
  if (code === null || code === said) return { save: null, remove: own };
  const [kept, ...extra] = own;
  if (kept?.kind === 'intended' && kept.code === code && kept.recordedOn === session.date) return { save: null, remove: extra };
  if (!kept) return { save: intendedEntryInput(session.pupilId, code, session.date, { sessionId: session.id }), remove: extra };
  const { createdAt: _c, updatedAt: _u, isDemo: _d, ...rest } = kept;
  return { save: { ...rest, kind: 'intended', code, recordedOn: session.date }, remove: extra };
}

/** The intended destination the history held on a day: the latest `intended` entry dated that day or before. */
export function intendedBy(history: readonly DestinationEntry[], onDate: string): DestinationCode | null {
  let code: DestinationCode | null = null;
  for (const entry of inHistoryOrder(history)) if (entry.kind === 'intended' && entry.recordedOn <= onDate) code = entry.code;
  return code;
}
