/** Small fixed lists with their labels, so no screen hard-codes a code or its wording. */
function ids<T extends readonly { id: string }[]>(items: T) {
  return items.map((i) => i.id) as unknown as readonly [T[number]['id'], ...T[number]['id'][]];
}

/** Find the label of an id in one of the lists below. */
export function labelOf(list: readonly { id: string; label: string }[], id: string | null | undefined): string {
  return list.find((item) => item.id === id)?.label ?? 'Not recorded';
}

export const SCHOOL_PHASES = [
  { id: 'secondary', label: 'Secondary (11 to 16)' },
  { id: 'secondary-with-sixth-form', label: 'Secondary with sixth form (11 to 18)' },
  { id: 'all-through', label: 'All-through' },
  { id: 'special', label: 'Special school' },
  { id: 'alternative-provision', label: 'Alternative provision or pupil referral unit' },
  { id: 'sixth-form', label: 'Sixth form or post-16 only' },
] as const;
export const SCHOOL_PHASE_IDS = ids(SCHOOL_PHASES);

export const ADVISER_ROLES = [
  { id: 'careers-adviser', label: 'Careers adviser' },
  { id: 'careers-leader', label: 'School careers leader or coordinator' },
  { id: 'home-education-officer', label: 'Home-education liaison officer' },
  { id: 'other', label: 'Other' },
] as const;
export const ADVISER_ROLE_IDS = ids(ADVISER_ROLES);

/** Level 6 in careers guidance is the qualified-adviser standard Benchmark 8 expects. */
export const QUALIFICATION_LEVELS = [
  { id: 'level-6-or-above', label: 'Level 6 or above in careers guidance (qualified)' },
  { id: 'level-4', label: 'Level 4 in careers information and advice' },
  { id: 'working-towards', label: 'Working towards a careers guidance qualification' },
  { id: 'none', label: 'No careers guidance qualification' },
] as const;
export const QUALIFICATION_LEVEL_IDS = ids(QUALIFICATION_LEVELS);

export const SESSION_KINDS = [
  { id: 'personal-guidance', label: 'Personal guidance meeting' },
  { id: 'group', label: 'Group session' },
  { id: 'drop-in', label: 'Drop-in' },
  { id: 'parent-carer', label: 'Parent or carer meeting' },
  { id: 'home-visit', label: 'Home visit' },
  { id: 'follow-up', label: 'Follow-up' },
] as const;
export const SESSION_KIND_IDS = ids(SESSION_KINDS);
export type SessionKindId = (typeof SESSION_KINDS)[number]['id'];

export const SESSION_MODES = [
  { id: 'in-person', label: 'In person' },
  { id: 'phone', label: 'Phone' },
  { id: 'video', label: 'Video' },
] as const;
export const SESSION_MODE_IDS = ids(SESSION_MODES);

export const ACTION_OWNERS = [
  { id: 'pupil', label: 'Young person' },
  { id: 'adviser', label: 'Adviser' },
  { id: 'parent-carer', label: 'Parent or carer' },
  { id: 'school', label: 'School' },
  { id: 'other', label: 'Someone else' },
] as const;
export const ACTION_OWNER_IDS = ids(ACTION_OWNERS);

export const ACTION_STATUSES = [
  { id: 'open', label: 'Open' },
  { id: 'done', label: 'Done' },
  { id: 'dropped', label: 'No longer needed' },
] as const;
export const ACTION_STATUS_IDS = ids(ACTION_STATUSES);

export const PLACEMENT_STATUSES = [
  { id: 'proposed', label: 'Proposed' },
  { id: 'contacted', label: 'Employer contacted' },
  { id: 'confirmed', label: 'Confirmed' },
  { id: 'in-progress', label: 'In progress' },
  { id: 'completed', label: 'Completed' },
  { id: 'cancelled', label: 'Cancelled' },
] as const;
export const PLACEMENT_STATUS_IDS = ids(PLACEMENT_STATUSES);
export type PlacementStatusId = (typeof PLACEMENT_STATUSES)[number]['id'];

/** How parental consent for a work placement reached the adviser. */
export const CONSENT_WAYS = [
  { id: 'form', label: 'Consent form returned' },
  { id: 'phone', label: 'By phone' },
  { id: 'email', label: 'By email' },
] as const;
export const CONSENT_WAY_IDS = ids(CONSENT_WAYS);

/** The kinds of workplace experience the 2025 statutory guidance counts (a work placement is one of them). */
export const EXPERIENCE_KINDS = [
  { id: 'workplace-visit', label: 'Workplace visit' },
  { id: 'job-shadowing', label: 'Job shadowing' },
  { id: 'work-placement', label: 'Work placement' },
  { id: 'workplace-talk', label: 'Talk or workshop at the workplace' },
  { id: 'virtual-work-experience', label: 'Virtual work experience' },
  { id: 'volunteering', label: 'Volunteering' },
  { id: 'part-time-job', label: 'Part-time job' },
] as const;
export const EXPERIENCE_KIND_IDS = ids(EXPERIENCE_KINDS);
export type ExperienceKindId = (typeof EXPERIENCE_KINDS)[number]['id'];

export const EXPERIENCE_MODES = [
  { id: 'in-person', label: 'In person' },
  { id: 'virtual', label: 'Virtual' },
] as const;
export const EXPERIENCE_MODE_IDS = ids(EXPERIENCE_MODES);
export type ExperienceModeId = (typeof EXPERIENCE_MODES)[number]['id'];

/**
 * What makes an experience meaningful, as the 2025 Gatsby Benchmarks define it: the first three make
 * a Benchmark 5 encounter; a Benchmark 6 experience of a workplace needs all eight.
 */
export const MEANINGFUL_CRITERIA = [
  { id: 'shared-purpose', label: 'A shared purpose and learning outcomes, agreed beforehand', benchmark: 5 },
  { id: 'two-way', label: 'Two-way interaction between the young person and the employer', benchmark: 5 },
  { id: 'reflection-afterwards', label: 'Reflection afterwards on what was learnt', benchmark: 5 },
  { id: 'extensive-two-way', label: 'Extensive two-way interaction with the employer', benchmark: 6 },
  { id: 'range-of-staff', label: 'Meeting a range of staff', benchmark: 6 },
  { id: 'employer-task', label: 'A task set by the employer', benchmark: 6 },
  { id: 'employer-feedback', label: 'Feedback from the employer', benchmark: 6 },
  { id: 'young-person-reflection', label: "The young person's own reflection, recorded", benchmark: 6 },
] as const;
export const MEANINGFUL_CRITERION_IDS = ids(MEANINGFUL_CRITERIA);
export type MeaningfulCriterionId = (typeof MEANINGFUL_CRITERIA)[number]['id'];

export const ROUTE_KINDS = [
  { id: 'a-levels', label: 'A levels' },
  { id: 't-level', label: 'T Level' },
  { id: 'vocational', label: 'Vocational course' },
  { id: 'apprenticeship', label: 'Apprenticeship' },
  { id: 'supported-internship', label: 'Supported internship' },
  { id: 'foundation', label: 'Foundation or pre-entry course' },
  { id: 'skills-bootcamp', label: 'Skills Bootcamp (19+)' },
  { id: 'connect-to-work', label: 'Connect to Work' },
  { id: 'youth-hub', label: 'DWP Youth Hub' },
] as const;
export const ROUTE_KIND_IDS = ids(ROUTE_KINDS);
export type RouteKindId = (typeof ROUTE_KINDS)[number]['id'];

/**
 * Where an employer stands on DBS checks for the staff who supervise a young person on placement.
 * Work experience rarely needs one: a check is for staff who will be alone with the young person
 * regularly, or whose work with them is regulated activity (Keeping children safe in education).
 */
export const DBS_POSITIONS = [
  { id: 'not-needed', label: 'Not needed: no one will be alone with the young person regularly' },
  { id: 'enhanced-check-held', label: 'Enhanced DBS check held by the supervising staff' },
  { id: 'check-pending', label: 'DBS check applied for, not back yet' },
] as const;
export const DBS_POSITION_IDS = ids(DBS_POSITIONS);
export type DbsPositionId = (typeof DBS_POSITIONS)[number]['id'];

/** What a file an employer sent for the placement checks is. */
export const EMPLOYER_DOCUMENT_KINDS = [
  { id: 'insurance', label: "Employer's liability insurance certificate" },
  { id: 'risk-assessment', label: 'Risk assessment' },
  { id: 'safeguarding', label: 'Safeguarding confirmation' },
  { id: 'dbs', label: 'DBS confirmation' },
  { id: 'other', label: 'Other document' },
] as const;
export const EMPLOYER_DOCUMENT_KIND_IDS = ids(EMPLOYER_DOCUMENT_KINDS);
export type EmployerDocumentKindId = (typeof EMPLOYER_DOCUMENT_KINDS)[number]['id'];
