/**
 * Likely duplicates among imported rows: rows sharing a key (for young people the UPN, or the
 * legal name with the date of birth; for employers the name with the postcode) with a record
 * already stored or with another row of the same file. The adviser chooses for each: skip the
 * row, update the stored record with it, or add it as a new record.
 */

/** A row's keys, by name, in order of strength; null when the row lacks what a key needs. */
export type RowKeys = Readonly<Record<string, string | null>>;
export type RowChoice = 'add' | 'update' | 'skip';

export interface StoredMatch {
  recordId: string;
  /** The key both share. */
  reason: string;
}

export interface FileMatch {
  row: number;
  reason: string;
}

export interface DuplicateFinding {
  row: number;
  /** Stored records this row looks like, strongest key first. */
  stored: StoredMatch[];
  /** Other rows of the file this row looks like. */
  inFile: FileMatch[];
  /** What happens unless the adviser chooses otherwise. */
  defaultChoice: RowChoice;
  /** The stored record an update would change. */
  updateTarget: string | null;
}

export interface DuplicateOptions {
  /** Keys strong enough that one stored match is updated by default (a UPN); other matches are skipped until the adviser decides. */
  updateByDefault?: readonly string[];
}

/**
 * Finds the likely duplicates of each row; rows with none are left out of the answer. A repeat of
 * an earlier row in the file is skipped by default.
 */
export function findDuplicates(
  rows: readonly { row: number; keys: RowKeys }[],
  stored: readonly { id: string; keys: RowKeys }[],
  options: DuplicateOptions = {},
): Map<number, DuplicateFinding> {
  const index = <E extends { keys: RowKeys }>(entries: readonly E[], value: (entry: E) => string | number) => {
    const byKey = new Map<string, (string | number)[]>();
    entries.forEach((entry) => {
      for (const [name, key] of Object.entries(entry.keys)) {
        if (key === null) continue;
        const slot = `${name}\u0000${key}`;
        byKey.set(slot, [...(byKey.get(slot) ?? []), value(entry)]);
      }
    });
    return byKey;
  };
  const storedByKey = index(stored, (entry) => entry.id);
  const rowsByKey = index(rows, (entry) => entry.row);

  const findings = new Map<number, DuplicateFinding>();
  for (const { row, keys } of rows) {
    const storedMatches: StoredMatch[] = [];
    const fileMatches: FileMatch[] = [];
    for (const [name, key] of Object.entries(keys)) {
      if (key === null) continue;
      for (const id of storedByKey.get(`${name}\u0000${key}`) ?? []) {
        if (!storedMatches.some((m) => m.recordId === id)) storedMatches.push({ recordId: id as string, reason: name });
      }
      for (const other of rowsByKey.get(`${name}\u0000${key}`) ?? []) {
        if (other !== row && !fileMatches.some((m) => m.row === other)) fileMatches.push({ row: other as number, reason: name });
      }
    }
    if (storedMatches.length === 0 && fileMatches.length === 0) continue;

    const strong = storedMatches.filter((m) => options.updateByDefault?.includes(m.reason));
    let defaultChoice: RowChoice;
    if (fileMatches.some((m) => m.row < row)) defaultChoice = 'skip';
    else if (strong.length === 1) defaultChoice = 'update';
    else if (storedMatches.length > 0) defaultChoice = 'skip';
    else defaultChoice = 'add';
    findings.set(row, {
      row,
      stored: storedMatches,
      inFile: fileMatches.sort((a, b) => a.row - b.row),
      defaultChoice,
      updateTarget: storedMatches[0]?.recordId ?? null,
    });
  }
  return findings;
}
