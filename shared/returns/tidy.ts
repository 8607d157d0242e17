/**
 * The aggregate return as tidy data the council can load: the layout of the DfE's Explore Education
 * Statistics open data (one observation a row: time, geography, filters, then indicator columns) and
 * its metadata file (col_name, col_type, label, indicator_grouping, indicator_unit, indicator_dp,
 * filter_hint, filter_grouping_column).
 *
 * Every figure is read from the return's shown tables, so disclosure control is exactly the
 * return's: the same cells are hidden, and no row adds a figure the tables do not already show
 * (rows for a district or council not known are left out rather than derived). Symbols are the GSS
 * ones: `c` hidden, `low` rounds to 0, `z` not applicable (a measure that does not concern a year
 * group), `x` not available (a code the app does not hold).
 */
import { academicTerms, academicYearStartYear, yearGroupLabel, YEAR_GROUPS } from '../academic-year';
import { csvDocument, type CsvValue } from '../csv';
import { AREAS, type AreaId } from '../reference/areas';
import { DISTRICT_CODES, ENGLAND, LOCAL_AUTHORITIES, SOUTH_EAST, localAuthorityOfDistrict } from '../reference/geography';
import { MEASURES, type AggregateReturn, type DimensionId, type ReturnTable } from './aggregate';
import { NOT_APPLICABLE, NOT_AVAILABLE, type PercentCell, type ShownCell } from './disclosure';

/** The value of a filter on a row that counts everyone. */
export const TOTAL = 'Total';

export const TIDY_GEOGRAPHY_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'new_la_code',
  'old_la_code',
  'la_name',
  'lad_code',
  'lad_name',
  'lsip_code',
  'lsip_name',
  'school_urn',
  'school_name',
] as const;

type GeographyColumn = (typeof TIDY_GEOGRAPHY_COLUMNS)[number];

export const TIDY_FILTERS = [
  { col_name: 'year_group', label: 'Year group', hint: 'National Curriculum year at the end of the period', dimension: 'year-group' },
  {
    col_name: 'characteristic',
    label: 'Characteristic group',
    hint: 'A young person can be in more than one group',
    dimension: 'characteristic',
  },
  { col_name: 'risk_band', label: 'Risk of NEET band', hint: 'The band of the risk-of-NEET score', dimension: 'risk-band' },
] as const satisfies readonly { col_name: string; label: string; hint: string; dimension: DimensionId }[];

export interface TidyIndicator {
  col_name: string;
  label: string;
  grouping: string;
  unit: '' | '%';
  dp: 0 | 1;
}

const snake = (id: string): string => id.replaceAll('-', '_');

/** Every indicator column: each measure's columns, its total and its percentages, in the return's order. */
export const TIDY_INDICATORS: readonly TidyIndicator[] = MEASURES.flatMap((m) => [
  ...m.columns.map((c): TidyIndicator => ({
    col_name: `${snake(m.id)}_${snake(c.id)}`,
    label: `${m.title}: ${c.label}`,
    grouping: m.title,
    unit: '',
    dp: 0,
  })),
  { col_name: `${snake(m.id)}_total`, label: `${m.title}: ${m.totalLabel}`, grouping: m.title, unit: '', dp: 0 },
  ...m.percentages.map((p): TidyIndicator => ({
    col_name: `${snake(m.id)}_${snake(p.id)}_percent`,
    label: `${m.title}: ${p.label}`,
    grouping: m.title,
    unit: '%',
    dp: 1,
  })),
]);

export const TIDY_COLUMNS: readonly string[] = [
  ...TIDY_GEOGRAPHY_COLUMNS,
  ...TIDY_FILTERS.map((f) => f.col_name),
  ...TIDY_INDICATORS.map((i) => i.col_name),
];

export const TIDY_METADATA_COLUMNS = [
  'col_name',
  'col_type',
  'label',
  'indicator_grouping',
  'indicator_unit',
  'indicator_dp',
  'filter_hint',
  'filter_grouping_column',
] as const;

export interface TidyData {
  columns: readonly string[];
  rows: CsvValue[][];
  metadataColumns: readonly string[];
  metadata: CsvValue[][];
}

/** The academic year as EES writes it (202627 for 2026/27), and the term when the period is exactly one. */
export function tidyTimePeriod(period: AggregateReturn['period']): { time_period: string; time_identifier: string } {
  const start = academicYearStartYear(period.end);
  const term = academicTerms(start).find((t) => t.start === period.start && t.end === period.end);
  return {
    time_period: `${start}${String((start + 1) % 100).padStart(2, '0')}`,
    time_identifier: term ? `${term.id.charAt(0).toUpperCase()}${term.id.slice(1)} term` : 'Academic year',
  };
}

type Geography = Partial<Record<GeographyColumn, string>>;

const COUNTRY_AND_REGION: Geography = {
  country_code: ENGLAND.code,
  country_name: ENGLAND.name,
  region_code: SOUTH_EAST.code,
  region_name: SOUTH_EAST.name,
};

function councilColumns(id: 'kent' | 'medway'): Geography {
  const la = LOCAL_AUTHORITIES.find((l) => l.id === id);
  return la ? { new_la_code: la.newCode, old_la_code: la.oldCode, la_name: la.name } : {};
}

function districtColumns(district: AreaId): Geography {
  return {
    ...councilColumns(localAuthorityOfDistrict(district)),
    lad_code: DISTRICT_CODES[district],
    lad_name: AREAS.find((a) => a.id === district)?.label ?? '',
  };
}

/** The geography of the rows about everyone in scope: the school for a school's return, else Kent and Medway. */
function scopeGeography(report: AggregateReturn): Geography {
  if (report.school) {
    return {
      geographic_level: 'School',
      ...COUNTRY_AND_REGION,
      ...districtColumns(report.school.district),
      school_urn: report.school.urn || NOT_AVAILABLE,
      school_name: report.school.name,
    };
  }
  // Kent and Medway together are one local skills improvement plan area; the app does not hold its code.
  return {
    geographic_level: 'Local skills improvement plan area',
    ...COUNTRY_AND_REGION,
    lsip_code: NOT_AVAILABLE,
    lsip_name: 'Kent and Medway',
  };
}

type Filters = Record<(typeof TIDY_FILTERS)[number]['col_name'], string>;
const ALL: Filters = { year_group: TOTAL, characteristic: TOTAL, risk_band: TOTAL };

/** One row under construction: its geography and filters, and the indicator values found so far. */
interface Observation {
  geography: Geography;
  filters: Filters;
  values: Map<string, ShownCell | PercentCell>;
}

/** The indicator values of one row of a table (or its totals row, when `row` is null). */
function valuesOf(table: ReturnTable, row: number | null): [string, ShownCell | PercentCell][] {
  const measure = MEASURES.find((m) => m.id === table.measureId);
  if (!measure) return [];
  const cells = row === null ? table.shown.columnTotals : table.shown.cells[row];
  const total = row === null ? table.shown.grandTotal : table.shown.rowTotals[row];
  const out: [string, ShownCell | PercentCell][] = [];
  measure.columns.forEach((c, i) => {
    const cell = cells?.[i];
    if (cell !== undefined) out.push([`${snake(measure.id)}_${snake(c.id)}`, cell]);
  });
  if (total !== undefined) out.push([`${snake(measure.id)}_total`, total]);
  for (const p of table.percentages) {
    const cell = row === null ? p.total : p.rows[row];
    if (cell !== undefined) out.push([`${snake(measure.id)}_${snake(p.id)}_percent`, cell]);
  }
  return out;
}

/** The return's figures as tidy rows and their metadata. */
export function buildTidyData(report: AggregateReturn): TidyData {
  const time = tidyTimePeriod(report.period);
  const scope = scopeGeography(report);
  const observations = new Map<string, Observation>();
  const observation = (key: string, geography: Geography, filters: Filters): Observation => {
    let found = observations.get(key);
    if (!found) {
      found = { geography, filters, values: new Map() };
      observations.set(key, found);
    }
    return found;
  };

  // The order rows are written in: everyone, then each filter's values, then councils, then districts.
  observation('all', scope, ALL);
  for (const year of YEAR_GROUPS) observation(`year:${yearGroupLabel(year)}`, scope, { ...ALL, year_group: yearGroupLabel(year) });

  for (const table of report.tables) {
    for (const [indicator, value] of valuesOf(table, null)) observation('all', scope, ALL).values.set(indicator, value);
    table.rowLabels.forEach((label, r) => {
      let target: Observation | null = null;
      switch (table.dimensionId) {
        case 'year-group':
          target = observation(`year:${label}`, scope, { ...ALL, year_group: label });
          break;
        case 'characteristic':
          target = observation(`characteristic:${label}`, scope, { ...ALL, characteristic: label });
          break;
        case 'risk-band':
          target = observation(`risk:${label}`, scope, { ...ALL, risk_band: label });
          break;
        case 'local-authority': {
          const la = LOCAL_AUTHORITIES.find((l) => l.name === label);
          if (la)
            target = observation(
              `la:${la.id}`,
              { geographic_level: 'Local authority', ...COUNTRY_AND_REGION, ...councilColumns(la.id) },
              ALL,
            );
          break;
        }
        case 'school': {
          // Young people at none of the schools ("No school") have no school geography: their figures are in the others.
          const school = report.schools.find((s) => s.label === label);
          if (school)
            target = observation(
              `school:${school.id}`,
              {
                geographic_level: 'School',
                ...COUNTRY_AND_REGION,
                ...districtColumns(school.district),
                school_urn: school.urn || NOT_AVAILABLE,
                school_name: school.name,
              },
              ALL,
            );
          break;
        }
        case 'district': {
          const area = AREAS.find((a) => a.label === label);
          if (area)
            target = observation(
              `lad:${area.id}`,
              { geographic_level: 'Local authority district', ...COUNTRY_AND_REGION, ...districtColumns(area.id) },
              ALL,
            );
          break;
        }
      }
      if (!target) return;
      for (const [indicator, value] of valuesOf(table, r)) target.values.set(indicator, value);
    });
  }

  const order = ['all', 'year:', 'characteristic:', 'risk:', 'la:', 'lad:', 'school:'];
  const rank = (key: string) => order.findIndex((prefix) => key === prefix || (prefix.endsWith(':') && key.startsWith(prefix)));
  const rows = [...observations.entries()]
    .map(([key, o], i) => ({ key, o, i }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.i - b.i)
    .map(({ o }): CsvValue[] => [
      time.time_period,
      time.time_identifier,
      ...TIDY_GEOGRAPHY_COLUMNS.slice(2).map((c) => o.geography[c] ?? ''),
      ...TIDY_FILTERS.map((f) => o.filters[f.col_name]),
      ...TIDY_INDICATORS.map((ind) => o.values.get(ind.col_name) ?? NOT_APPLICABLE),
    ]);

  const metadata: CsvValue[][] = [
    ...TIDY_FILTERS.map((f) => [f.col_name, 'Filter', f.label, '', '', '', f.hint, '']),
    ...TIDY_INDICATORS.map((i) => [i.col_name, 'Indicator', i.label, i.grouping, i.unit, i.dp, '', '']),
  ];
  return { columns: TIDY_COLUMNS, rows, metadataColumns: TIDY_METADATA_COLUMNS, metadata };
}

/** The tidy data file's text, through the app's one CSV writer. */
export function tidyDataToCsv(tidy: TidyData): string {
  return csvDocument([tidy.columns, ...tidy.rows]);
}

/** The metadata file's text. */
export function tidyMetadataToCsv(tidy: TidyData): string {
  return csvDocument([tidy.metadataColumns, ...tidy.metadata]);
}

/**
 * The two files' names, as the standard has them: the data file and its `.meta.csv` beside it, with
 * no spaces (the DfE's screener refuses them), named for the time period.
 */
export function tidyFileNames(report: Pick<AggregateReturn, 'period'>): { data: string; metadata: string } {
  const time = tidyTimePeriod(report.period);
  const stem = `careers_return_${time.time_period}_${time.time_identifier.toLowerCase().replaceAll(' ', '_')}`;
  return { data: `${stem}.csv`, metadata: `${stem}.meta.csv` };
}
