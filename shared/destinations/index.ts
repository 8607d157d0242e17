export * from './consent';
export * from './current';
export * from './entry';
export * from './work-lists';
