export * from './rules';
export * from './session-form';
export * from './plan-form';
export { formFromDraft } from './form-helpers';
export * from './draft-limits';
