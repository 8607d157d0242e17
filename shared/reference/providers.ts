import type { AreaId } from './areas';

/**
 * The real further-education colleges of Kent and Medway and their campuses, and the programmes
 * advisers signpost. Demo data and the route directory start from these.
 */
export interface ReferenceCampus {
  name: string;
  outcode: string;
  district: AreaId;
}

export const FE_COLLEGES: readonly { name: string; website: string; campuses: readonly ReferenceCampus[] }[] = [
  {
    name: 'EKC Group',
    website: 'https://www.ekcgroup.ac.uk',
    campuses: [
      { name: 'Ashford College', outcode: 'TN23', district: 'ashford' },
      { name: 'Broadstairs College', outcode: 'CT10', district: 'thanet' },
      { name: 'Canterbury College', outcode: 'CT1', district: 'canterbury' },
      { name: 'Dover College', outcode: 'CT17', district: 'dover' },
      { name: 'Folkestone College', outcode: 'CT20', district: 'folkestone-and-hythe' },
      { name: 'Sheppey College', outcode: 'ME12', district: 'swale' },
    ],
  },
  {
    name: 'MidKent College',
    website: 'https://www.midkent.ac.uk',
    campuses: [
      { name: 'Gillingham campus', outcode: 'ME7', district: 'medway' },
      { name: 'Maidstone campus', outcode: 'ME16', district: 'maidstone' },
    ],
  },
  {
    name: 'North Kent College',
    website: 'https://www.northkent.ac.uk',
    campuses: [
      { name: 'Dartford campus', outcode: 'DA1', district: 'dartford' },
      { name: 'Gravesend campus', outcode: 'DA12', district: 'gravesham' },
      { name: 'Tonbridge campus', outcode: 'TN9', district: 'tonbridge-and-malling' },
      { name: 'Hadlow campus', outcode: 'TN11', district: 'tonbridge-and-malling' },
    ],
  },
];

/** Programmes and services to signpost on action plans and in guidance. */
export const SIGNPOSTS = [
  {
    id: 'kent-choices',
    name: 'Kent Choices',
    forWhom: 'Year 11 and 12 leavers',
    about: 'The online route for applying to post-16 courses and apprenticeships in Kent.',
  },
  {
    id: 'apprenticeships',
    name: 'Find an apprenticeship',
    forWhom: 'Age 16 and over',
    about: 'The national service listing apprenticeship vacancies.',
  },
  {
    id: 't-levels',
    name: 'T Levels',
    forWhom: 'Age 16 to 19',
    about: 'Two-year technical courses with an industry placement of about 45 days.',
  },
  {
    id: 'supported-internships',
    name: 'Supported internships',
    forWhom: 'Age 16 to 24 with an EHCP',
    about: 'Study programmes based with an employer, with a job coach.',
  },
  {
    id: 'skills-bootcamps',
    name: 'Skills Bootcamps',
    forWhom: 'Age 19 and over',
    about: 'Free courses of up to 16 weeks with a job interview at the end.',
  },
  {
    id: 'connect-to-work',
    name: 'Connect to Work',
    forWhom: 'People with a health condition or disability',
    about: 'Supported employment for Kent and Medway, from 2025.',
  },
  {
    id: 'youth-hubs',
    name: 'DWP Youth Hubs',
    forWhom: 'Age 18 to 24',
    about: 'Jobcentre work coaches and partners in one place for young people.',
  },
  { id: 'jobcentre-plus', name: 'Jobcentre Plus', forWhom: 'Age 16 and over', about: 'Help to find work and claim benefits.' },
] as const;
export type SignpostId = (typeof SIGNPOSTS)[number]['id'];
