import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreRangeType } from 'dexie';
import { SEALED_PROPERTY } from '@shared/crypto/sealed-rows';
import { PUPIL_LIST_SNAPSHOT_PART_PREFIX } from '@shared/backup/payload';

/**
 * Settings rows that keep the pupil list's snapshot honest (renderer/src/db/pupil-list.ts): a random
 * stamp, made new by every write to young people's records, and the snapshot itself (in parts), each part
 * holding the stamp it was read at. Both are this computer's own (never in a backup: shared/backup/payload.ts).
 */
export const PUPIL_LIST_STAMP_KEY = 'pupilListStamp';
export const PUPIL_LIST_SNAPSHOT_KEY = 'pupilListSnapshot';

/** The settings key of the snapshot's part `part`: the first at PUPIL_LIST_SNAPSHOT_KEY, then `pupilListSnapshot.1`, … */
export function pupilListSnapshotKey(part: number): string {
  return part === 0 ? PUPIL_LIST_SNAPSHOT_KEY : `${PUPIL_LIST_SNAPSHOT_PART_PREFIX}${part}`;
}

/** Every part's key lies in this range (inclusive), and no other setting's does. */
export const PUPIL_LIST_SNAPSHOT_KEYS = { lower: PUPIL_LIST_SNAPSHOT_KEY, upper: `${PUPIL_LIST_SNAPSHOT_PART_PREFIX}\uffff` } as const;

/** The parts after the first screen (part 0, at PUPIL_LIST_SNAPSHOT_KEY): every part's key but the first's. */
export const PUPIL_LIST_SNAPSHOT_ROW_KEYS = {
  lower: PUPIL_LIST_SNAPSHOT_PART_PREFIX,
  upper: `${PUPIL_LIST_SNAPSHOT_PART_PREFIX}\uffff`,
} as const;

/** The same range as Dexie's storage layer takes it (Range is 2 in its DBCoreRangeType). */
const SNAPSHOT_RANGE: DBCoreKeyRange = { type: 2 as DBCoreRangeType, ...PUPIL_LIST_SNAPSHOT_KEYS, lowerOpen: false, upperOpen: false };

function freshStamp(): string {
  return crypto.randomUUID();
}

function withoutSealedValue(row: Record<string, unknown>): Record<string, unknown> {
  const { [SEALED_PROPERTY]: _sealed, ...rest } = row;
  return rest;
}

function withFreshStamps(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  if (!req.values.some((row: { key?: unknown } | undefined) => row?.key === PUPIL_LIST_STAMP_KEY)) return req;
  return {
    ...req,
    // Any value sealed ahead (seal-ahead.ts) goes: the fresh one is sealed below, like any setting.
    values: req.values.map((row: { key?: unknown } | undefined) =>
      row?.key === PUPIL_LIST_STAMP_KEY ? { ...withoutSealedValue(row), value: freshStamp() } : row,
    ),
  };
}

/**
 * Wraps a DBCore so that every write to the pupils table, by whatever code and connection (this window,
 * a worker, an upgrade, a restore, a merge, an import), also writes a new stamp and deletes the snapshot
 * in the same transaction: a snapshot can then only be read at the stamp it was made at, and a young
 * person changed or erased since is never shown from it (nor kept in it). Read-write transactions on
 * pupils take the settings table in too. A stamp written from above (a restore putting back this
 * computer's settings) is given a new value, so no stamp can be set back to one a snapshot holds.
 * Used by the encryption middleware (encryption.ts), so every sealed connection has it.
 */
export function withPupilListStamp(down: DBCore): DBCore {
  return {
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes('pupils') && !stores.includes('settings') ? [...stores, 'settings'] : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      if (name === 'settings') return { ...table, mutate: (req) => table.mutate(withFreshStamps(req)) };
      if (name !== 'pupils') return table;
      return {
        ...table,
        mutate: (req) => {
          const settings = down.table('settings');
          // Issued before the pupils' write, in the same transaction: all three commit, or none. An upgrade
          // (no window has the database open meanwhile, so no read is in flight) only drops the snapshot.
          const upgrading = (req.trans as unknown as Partial<IDBTransaction>).mode === 'versionchange';
          const stamped = upgrading
            ? null
            : settings.mutate({ trans: req.trans, type: 'put', values: [{ key: PUPIL_LIST_STAMP_KEY, value: freshStamp() }] });
          const dropped = settings.mutate({ trans: req.trans, type: 'deleteRange', range: SNAPSHOT_RANGE });
          // .then on Dexie's own promises (as in encryption.ts), so the transaction stays open.
          return table.mutate(req).then((response) => dropped.then(() => (stamped ? stamped.then(() => response) : response)));
        },
      };
    },
  };
}
