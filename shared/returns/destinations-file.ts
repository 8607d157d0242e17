/**
 * The destinations file for the council: one row per young person who agreed to their destinations
 * being shared (mayShareDestinations), in one local authority (886 Kent or 887 Medway, localAuthorityOf),
 * from Year 11 to three years after it. Its columns follow the NCCIS management information
 * requirement's young person, current activity, individual characteristic, intended destination and
 * September Guarantee datasets as far as this app holds them (README names the fields it does not).
 * Pupil-level data leaves the app only this way and by the risk-of-NEET list (risk-list.ts), and only
 * for the council's recipient with an agreement (data-sharing.ts).
 */
import { yearGroupOf } from '../academic-year';
import { csvDocument, type CsvValue } from '../csv';
import { inHistoryOrder, mayShareDestinations } from '../destinations';
import {
  DESTINATION_SOURCE_LABELS,
  GENDER_LABELS,
  GUARANTEE_OFFER_STATUS_LABELS,
  type DestinationEntry,
  type DestinationEntryOf,
  type Pupil,
  type School,
} from '../model';
import { LOCAL_AUTHORITIES, localAuthorityOf, type LocalAuthorityId } from '../reference/geography';

/** A pupil-level file for the council: its header, its rows, and notes on who is left out (counts only). */
export interface CouncilFile {
  columns: readonly string[];
  rows: CsvValue[][];
  notes: string[];
}

/** The destinations file's columns, in NCCIS's terms and order (young person, activity, characteristics, offers). */
export const DESTINATIONS_FILE_COLUMNS = [
  'LA code',
  'UPN',
  'ULN',
  'Given name',
  'Family name',
  'Date of birth',
  'Gender',
  'Postcode',
  'School URN',
  'School LAESTAB',
  'School name',
  'Year group',
  'Intended destination code',
  'Intended destination date',
  'Current activity code',
  'Activity start date',
  'Activity review date',
  'Activity date ascertained',
  'Activity source',
  'September Guarantee year',
  'September Guarantee status',
  'Offer made by',
  'Offer date',
  'Offer activity code',
  'Annual Activity Survey year',
  '1 November activity code',
  'SEND',
  'EHC plan',
  'Looked after',
  'Care leaver',
  'Carer',
  'Teenage parent or pregnant',
  'Supervised by youth justice',
] as const;

/** Who a destinations file is for: the year groups a council tracks here (Year 11 to three years after it). */
export const DESTINATIONS_FILE_YEARS = { from: 11, to: 14 } as const;

export interface DestinationsFileSource {
  pupils: readonly Pupil[];
  schools: readonly School[];
  entries: readonly DestinationEntry[];
}

const yn = (value: boolean): string => (value ? 'Y' : 'N');

function latest<K extends DestinationEntry['kind']>(entries: readonly DestinationEntry[], kind: K): DestinationEntryOf<K> | undefined {
  return entries.filter((e): e is DestinationEntryOf<K> => e.kind === kind).at(-1);
}

/** Each young person's local authority, the one rule (UPN, else district, else school). */
export function localAuthorityOfPupil(pupil: Pupil, schoolsById: ReadonlyMap<string, School>): ReturnType<typeof localAuthorityOf> {
  const school = pupil.schoolId ? schoolsById.get(pupil.schoolId) : undefined;
  return localAuthorityOf({ upn: pupil.upn, district: pupil.district, schoolDistrict: school?.district ?? null });
}

export function buildDestinationsFile(source: DestinationsFileSource, la: LocalAuthorityId, today: string): CouncilFile {
  const authority = LOCAL_AUTHORITIES.find((a) => a.id === la);
  if (!authority) throw new Error(`Unknown local authority ${la}`);
  const schoolsById = new Map(source.schools.map((s) => [s.id, s]));
  const entriesByPupil = new Map<string, DestinationEntry[]>();
  for (const entry of source.entries) entriesByPupil.set(entry.pupilId, [...(entriesByPupil.get(entry.pupilId) ?? []), entry]);
  let notConsented = 0;
  const rows: { sortKey: string; row: CsvValue[] }[] = [];
  for (const pupil of source.pupils) {
    const yearGroup = yearGroupOf(pupil, today);
    if (yearGroup < DESTINATIONS_FILE_YEARS.from || yearGroup > DESTINATIONS_FILE_YEARS.to) continue;
    if (localAuthorityOfPupil(pupil, schoolsById) !== la) continue;
    if (!mayShareDestinations(pupil)) {
      notConsented += 1;
      continue;
    }
    const school = pupil.schoolId ? schoolsById.get(pupil.schoolId) : undefined;
    const history = inHistoryOrder(entriesByPupil.get(pupil.id) ?? []);
    const intended = latest(history, 'intended');
    const activity = latest(history, 'activity');
    const offer = latest(history, 'guarantee-offer');
    const november = latest(history, 'november-activity');
    const c = pupil.characteristics;
    rows.push({
      sortKey: `${pupil.legalSurname}\u0000${pupil.legalForename}\u0000${pupil.id}`.toLowerCase(),
      row: [
        authority.oldCode,
        pupil.upn,
        pupil.uln,
        pupil.legalForename,
        pupil.legalSurname,
        pupil.dateOfBirth,
        GENDER_LABELS[pupil.gender],
        pupil.postcode,
        school?.urn || null,
        school?.establishmentNumber ? `${authority.oldCode}${school.establishmentNumber}` : null,
        school?.name ?? (pupil.homeEducated ? 'Electively home educated' : null),
        yearGroup,
        intended?.code ?? pupil.intendedDestination,
        intended?.recordedOn ?? null,
        activity?.code ?? null,
        activity?.startOn ?? null,
        activity?.reviewOn ?? null,
        activity?.recordedOn ?? null,
        activity ? DESTINATION_SOURCE_LABELS[activity.source] : null,
        offer?.guaranteeYear ?? null,
        offer ? GUARANTEE_OFFER_STATUS_LABELS[offer.status] : null,
        offer?.offeredBy || null,
        offer?.offeredOn ?? null,
        offer?.code ?? null,
        november?.surveyYear ?? null,
        november?.code ?? null,
        yn(c.senSupport || c.ehcp),
        yn(c.ehcp),
        yn(c.lookedAfter),
        yn(c.careLeaver),
        yn(c.youngCarer),
        yn(c.youngParentOrPregnant),
        yn(c.youthJustice),
      ],
    });
  }
  rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const notes = [
    `${authority.name} (LA ${authority.oldCode}): young people from Year ${DESTINATIONS_FILE_YEARS.from} to three years after Year 11 ` +
      'whose consent to share their destinations is recorded as agreed.',
  ];
  if (notConsented > 0) notes.push(`${notConsented} more in ${authority.name} are left out: their consent is not recorded as agreed.`);
  return { columns: DESTINATIONS_FILE_COLUMNS, rows: rows.map((r) => r.row), notes };
}

/** The file as it is saved: the header row, then one row a young person (formula-guarded by csvDocument). */
export function councilFileToCsv(file: CouncilFile): string {
  return csvDocument([file.columns, ...file.rows]);
}
