export * from './consent';
export * from './current';
export * from './entry';
export * from './work-lists';
export * from './form';
export * from './from-session';
export * from './words';
