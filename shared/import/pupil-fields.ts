/**
 * The fields a pupil import can fill, with the column headings English school MIS exports use for
 * them (SIMS, Arbor, Bromcom, ScholarPack and the school census). Compared without case, spaces or
 * punctuation, so "Legal Surname", "legal_surname" and "LEGAL SURNAME" are one heading.
 */
import type { ImportField } from './mapping';

export const PUPIL_IMPORT_FIELDS = [
  { id: 'upn', label: 'UPN', aliases: ['UPN', 'Unique Pupil Number', 'Pupil UPN'] },
  {
    id: 'legalSurname',
    label: 'Legal surname',
    required: true,
    aliases: ['Legal Surname', 'Surname', 'Last Name', 'Family Name', 'Legal Last Name'],
  },
  {
    id: 'legalForename',
    label: 'Legal first name',
    required: true,
    aliases: ['Legal Forename', 'Forename', 'First Name', 'Forenames', 'Given Name', 'Legal First Name'],
  },
  {
    id: 'preferredForename',
    label: 'Preferred first name',
    aliases: ['Preferred Forename', 'Preferred First Name', 'Preferred Name', 'Known As', 'Chosen Forename'],
  },
  { id: 'preferredSurname', label: 'Preferred surname', aliases: ['Preferred Surname', 'Preferred Last Name', 'Chosen Surname'] },
  {
    id: 'dateOfBirth',
    label: 'Date of birth',
    required: true,
    aliases: ['DOB', 'Date of Birth', 'Birth Date', 'Birthdate'],
    hint: 'dd/mm/yyyy',
  },
  { id: 'gender', label: 'Gender', aliases: ['Gender', 'Sex', 'Legal Sex'] },
  {
    id: 'yearGroup',
    label: 'Year group',
    aliases: ['NC Year Actual', 'Year', 'Year Group', 'National Curriculum Year', 'NC Year', 'Curriculum Year', 'Yr'],
    hint: 'When blank, the year group follows from the date of birth',
  },
  { id: 'postcode', label: 'Postcode', aliases: ['Postcode', 'Post Code', 'Address Postcode', 'Home Postcode', 'Postal Code'] },
  {
    id: 'senStatus',
    label: 'SEN status',
    aliases: ['SEN Status', 'SEN', 'SEN Provision', 'SEND Status', 'SEN Stage'],
    hint: 'N none, K SEN support, E EHC plan',
  },
  {
    id: 'freeSchoolMeals',
    label: 'Free school meals',
    aliases: ['FSM Eligible', 'FSM', 'Free School Meals', 'FSM Eligibility', 'Eligible for FSM'],
  },
  { id: 'pupilPremium', label: 'Pupil premium', aliases: ['Pupil Premium', 'PP', 'Pupil Premium Indicator', 'PP Eligible'] },
  {
    id: 'lookedAfter',
    label: 'Looked after (in care)',
    aliases: ['In Care', 'Looked After', 'CLA', 'LAC', 'Child Looked After', 'In LA Care', 'In LEA Care'],
  },
  {
    id: 'eal',
    label: 'English as an additional language',
    aliases: ['EAL', 'English as an Additional Language', 'English Additional Language'],
  },
  { id: 'youngCarer', label: 'Young carer', aliases: ['Young Carer'] },
  {
    id: 'attendancePercent',
    label: 'Attendance (%)',
    aliases: ['Attendance', 'Attendance %', 'Attendance Percentage', 'Attendance Percent', '% Attendance'],
  },
  { id: 'uln', label: 'ULN', aliases: ['ULN', 'Unique Learner Number'] },
  { id: 'email', label: 'Email', aliases: ['Email', 'Email Address', 'Pupil Email'] },
  {
    id: 'school',
    label: 'School',
    aliases: ['School', 'School Name', 'URN', 'School URN', 'LAESTAB', 'Establishment'],
    hint: 'Name, URN or establishment number of a school set up in Settings',
  },
] as const satisfies readonly ImportField[];

export type PupilImportFieldId = (typeof PUPIL_IMPORT_FIELDS)[number]['id'];

export const PUPIL_IMPORT_LABELS: Record<string, string> = Object.fromEntries([
  ...PUPIL_IMPORT_FIELDS.map((f) => [f.id, f.label]),
  ['row', 'Row'],
  ['file', 'File'],
]);
