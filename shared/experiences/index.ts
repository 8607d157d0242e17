/**
 * Workplace experiences of every kind (shared/model/experience.ts): which benchmark each evidences, its
 * hours and the key stage of each day, a week's worth counted, the form's rules, and the work placement
 * seen by its workflow. Pure: the database layer and the screens call these, never re-implement them.
 */
export * from './meaningful';
export * from './hours';
export * from './weeks-worth';
export * from './form';
export * from './placement';
export * from './cohort';
export * from './compass';
