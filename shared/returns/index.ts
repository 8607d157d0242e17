/** Anonymised returns: disclosure control, the aggregate return, the pseudonymised extract and CSV. */
export * from './disclosure';
export * from './disclosure-audit';
export * from './scope';
export * from './groups';
export * from './aggregate';
export * from './pseudonym';
export * from './extract';
export * from './csv';
export * from './summary';
export * from './tidy';
export * from './data-sharing';
export * from './destinations-file';
export * from './risk-list';
